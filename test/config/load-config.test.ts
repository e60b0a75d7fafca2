import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, parseConfig, readConfigFile } from "../../functions/config/load-config";

const valid = () => JSON.parse(JSON.stringify(readConfigFile("liveline.config.json")));

function problemsOf(raw: unknown): Record<string, string> {
  try {
    parseConfig(raw, "test.json");
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return Object.fromEntries(error.problems.map((p) => [p.field, p.message]));
  }
  throw new Error("expected the config to be refused");
}

describe("liveline config", () => {
  it("accepts the committed default: three reps in three zones and a 30-minute demo", () => {
    const config = readConfigFile("liveline.config.json");
    expect(config.reps.map((r) => r.timeZone)).toEqual(["America/Chicago", "Europe/Berlin", "Asia/Kolkata"]);
    expect(config.offerings[0]).toMatchObject({ id: "live-demo", title: "Live product demo", durationMinutes: 30, kind: "demo" });
    expect(config.reps[0]!.phone).toBe("+13125550142");
  });

  it("names each bad field with its own message", () => {
    const raw = valid();
    raw.reps[0].timeZone = "Europe/Berln";
    raw.reps[1].workingHours.mon = ["09:00-12:00", "11:00-13:00"];
    raw.reps[2].workingHours.tue = ["17:00-09:00"];
    raw.reps[2].phone = "0800 123";
    raw.offerings[0].durationMinutes = 7;
    raw.sender.email = "demos@";
    raw.reps[0].favouriteColour = "blue";
    const problems = problemsOf(raw);
    expect(problems["reps[0].timeZone"]).toContain("not a known IANA time zone");
    expect(problems["reps[1].workingHours.mon"]).toContain("overlap");
    expect(problems["reps[2].workingHours.tue[0]"]).toContain("ends before it starts");
    expect(problems["reps[2].phone"]).toContain("country code");
    expect(problems["offerings[0].durationMinutes"]).toContain("multiple of 5");
    expect(problems["sender.email"]).toContain("not a valid address");
    expect(problems["reps[0].favouriteColour"]).toBe("is not a known field");
  });

  it("checks references between sections", () => {
    const raw = valid();
    raw.reps[1].id = raw.reps[0].id;
    raw.offerings[0].reps = ["nobody"];
    raw.contactRequests.offering = "missing";
    raw.reps[2].email = raw.sender.email;
    const problems = problemsOf(raw);
    expect(problems["reps[1].id"]).toContain("used twice");
    expect(problems["offerings[0].reps[0]"]).toContain("not a rep id");
    expect(problems["contactRequests.offering"]).toContain("not a demo offering id");
    expect(problems["reps[2].email"]).toContain("must differ from sender.email");
  });

  it("checks webinars: hosts, sessions or a recurrence, the rule, and what a contact request may turn into", () => {
    const raw = valid();
    const webinar = raw.offerings.find((o: { kind: string }) => o.kind === "webinar");
    webinar.hosts = ["ghost"];
    webinar.recurrence.rule = "EVERY TUESDAY";
    raw.offerings.push({ id: "empty-webinar", title: "Nothing scheduled", kind: "webinar", durationMinutes: 30, hosts: ["maya"], joinUrl: "https://meet.example/{sessionId}" });
    raw.contactRequests.offering = "weekly-webinar";
    raw.contactRequests.groupSession.offering = "live-demo";
    const problems = problemsOf(raw);
    const index = raw.offerings.indexOf(webinar);
    expect(problems[`offerings[${index}].recurrence.rule`]).toContain("RRULE");
    // Validated once the shapes are right: fix the rule and see the cross-references.
    webinar.recurrence.rule = "FREQ=WEEKLY;BYDAY=TU";
    const again = problemsOf(raw);
    expect(again[`offerings[${index}].hosts[0]`]).toContain("not a rep id");
    expect(again["contactRequests.offering"]).toContain("not a demo offering id");
    expect(again["contactRequests.groupSession.offering"]).toContain("takes colleagues");
    // A rule that parses but can never produce a session.
    webinar.recurrence.rule = "FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30";
    expect(problemsOf(raw)[`offerings[${index}].recurrence.rule`]).toContain("matches no day");
    webinar.recurrence.rule = "FREQ=WEEKLY;BYDAY=TU;BYHOUR=9";
    expect(problemsOf(raw)[`offerings[${index}].recurrence.rule`]).toMatch(/BYHOUR/);
    expect(problemsOf({ ...valid(), offerings: [...valid().offerings, { id: "empty-webinar", title: "Nothing", kind: "webinar", durationMinutes: 30, hosts: ["maya"], joinUrl: "https://meet.example/{sessionId}" }] })[`offerings[${valid().offerings.length}]`]).toBe("needs sessions or a recurrence");
  });

  it("reads the file LIVELINE_CONFIG names, and says clearly when it is not JSON", () => {
    const dir = mkdtempSync(join(tmpdir(), "liveline-config-"));
    const file = join(dir, "custom.json");
    const raw = valid();
    raw.company.name = "Custom Co";
    writeFileSync(file, JSON.stringify(raw));
    expect(loadConfig({ LIVELINE_CONFIG: file }).company.name).toBe("Custom Co");
    writeFileSync(file, "{ not json");
    expect(() => loadConfig({ LIVELINE_CONFIG: file })).toThrow(/is not valid JSON/);
  });
});
