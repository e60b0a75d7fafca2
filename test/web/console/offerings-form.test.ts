// Tests: web/src/offerings-form — an offering's form laid over the offering as loaded (what the form does not
// show stays), a webinar's one-off sessions one per line (a session's other fields kept), a routing rule as
// form values and back, where API field errors go, and a routing test's trace in words.
import { describe, expect, it } from "vitest";
import { offeringControlOf, offeringFromForm, offeringValues, ruleControlOf, ruleFromForm, ruleValues, traceLines } from "../../../web/src/console/offerings-form";

const DEMO = { id: "live-demo", title: "Live demo", kind: "demo", durationMinutes: 30, minimumNoticeMinutes: 120, joinUrl: "https://meet.example/{bookingId}", lifecycle: { prepMinutesBefore: 15 }, dailyCapPerRep: 4 };
const WEBINAR = {
  id: "weekly",
  title: "Weekly",
  kind: "webinar",
  durationMinutes: 45,
  hosts: ["lukas", "priya"],
  joinUrl: "https://meet.example/{sessionId}",
  sessions: [{ start: "2027-01-15T10:00", timeZone: "Europe/Berlin", capacity: 12 }],
  recurrence: { rule: "FREQ=WEEKLY;BYDAY=WE", time: "16:00", startDate: "2027-01-13" },
};

describe("the offering form", () => {
  it("gives back the same demo offering, keeping what the form does not show, and leaves out emptied optional fields", () => {
    const values = offeringValues(DEMO, "demo");
    expect(values.numbers.durationMinutes).toBe("30");
    expect(values.lists.reps).toBe("");
    expect(offeringFromForm(DEMO, "demo", values)).toEqual(DEMO);
    const changed = offeringFromForm(DEMO, "demo", { ...values, numbers: { ...values.numbers, durationMinutes: "45", dailyCapPerRep: "" }, lists: { reps: "maya, priya" } });
    expect(changed).toEqual({ ...DEMO, durationMinutes: 45, dailyCapPerRep: undefined, reps: ["maya", "priya"] });
    expect("dailyCapPerRep" in changed).toBe(false);
    expect(offeringFromForm(DEMO, "demo", { ...values, numbers: { ...values.numbers, durationMinutes: "half an hour" } }).durationMinutes).toBe("half an hour");
  });

  it("reads a webinar's one-off sessions one per line, keeping an unchanged session's other fields, and its series", () => {
    const values = offeringValues(WEBINAR, "webinar");
    expect(values.sessions).toBe("2027-01-15T10:00 Europe/Berlin");
    expect(values.lists.hosts).toBe("lukas, priya");
    expect(offeringFromForm(WEBINAR, "webinar", values)).toEqual(WEBINAR);
    const more = offeringFromForm(WEBINAR, "webinar", { ...values, sessions: `${values.sessions}\n\n 2027-02-01T09:30 `, recurrence: { rule: "", time: "", timeZone: "", startDate: "", until: "" } });
    expect(more.sessions).toEqual([...WEBINAR.sessions, { start: "2027-02-01T09:30" }]);
    expect("recurrence" in more).toBe(false);
    expect(offeringFromForm({}, "webinar", { ...offeringValues({}, "webinar"), text: { id: "new", title: "New", description: "", joinUrl: "" } })).toEqual({ id: "new", title: "New", kind: "webinar", sessions: [] });
  });

  it("puts each offering field error on its control, or none", () => {
    expect(offeringControlOf("durationMinutes", "demo")).toBe("offering-duration");
    expect(offeringControlOf("sessions[1].start", "webinar")).toBe("offering-sessions");
    expect(offeringControlOf("recurrence.startDate", "webinar")).toBe("recurrence-start");
    expect(offeringControlOf("hosts[0]", "webinar")).toBe("offering-hosts");
    expect(offeringControlOf("lifecycle.prepMinutesBefore", "demo")).toBeUndefined();
  });
});

describe("the routing rule form", () => {
  const RULE = { name: "DACH teams", when: { countries: ["DE", "AT"], teamSize: { min: 10 } }, route: { reps: ["lukas"], languages: ["de"] } };

  it("gives back the same rule, lists split and team size as numbers", () => {
    const values = ruleValues(RULE);
    expect(values).toMatchObject({ name: "DACH teams", teamSizeMin: "10", teamSizeMax: "", when: { countries: "DE, AT", regions: "" }, route: { reps: "lukas" } });
    expect(ruleFromForm(values)).toEqual(RULE);
    expect(ruleFromForm({ ...ruleValues(), name: " Anyone " })).toEqual({ name: "Anyone", when: {}, route: {} });
  });

  it("marks a field error of the rule being edited only", () => {
    expect(ruleControlOf("rules[2].when.countries[0]", 2)).toBe("rule-countries");
    expect(ruleControlOf("routing.rules[2].route.reps[0]", 2)).toBe("rule-reps");
    expect(ruleControlOf("rules[2].when.teamSize.min", 2)).toBe("rule-team-min");
    expect(ruleControlOf("rules[2].name", 2)).toBe("rule-name");
    expect(ruleControlOf("rules[1].when.countries[0]", 2)).toBeUndefined();
  });

  it("says each rule's step and where the request goes", () => {
    const names: Record<string, string> = { lukas: "Lukas Becker", maya: "Maya Johnson" };
    const name = (id: string) => names[id] ?? id;
    expect(traceLines({ offering: "live-demo", rule: "DACH", pool: ["lukas"], trace: [{ rule: "Big", matched: false, reason: "no team size given" }, { rule: "DACH", matched: true }] }, name)).toEqual([
      "Big: does not apply — no team size given",
      "DACH: matches",
      'Goes to Lukas Becker (rule "DACH")',
    ]);
    expect(traceLines({ offering: "live-demo", rule: null, pool: ["maya", "lukas"], trace: [] }, name)).toEqual(["There are no rules.", "No rule applies: the fallback — Maya Johnson, Lukas Becker"]);
  });
});
