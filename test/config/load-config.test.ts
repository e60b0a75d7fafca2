import { describe, expect, it } from "vitest";
import { parseConfig, readConfigFile } from "../../functions/config/load-config";
import { problemsOf, validConfig } from "../support/config-problems";

const valid = validConfig;

describe("liveline config", () => {
  it("accepts the committed default: three reps in three zones and a 30-minute demo", () => {
    const config = readConfigFile("liveline.config.json");
    expect(config.reps.map((r) => r.timeZone)).toEqual(["America/Chicago", "Europe/Berlin", "Asia/Kolkata"]);
    expect(config.offerings[0]).toMatchObject({ id: "live-demo", title: "Live product demo", durationMinutes: 30, kind: "demo" });
    expect(config.reps[0]!.phone).toBe("+13125550142");
  });

  it("keeps personal data 730 days after the last activity unless retention says otherwise (30 to 3650)", () => {
    expect(parseConfig(valid(), "test.json").retention).toEqual({ inactiveLeadDays: 730 });
    expect(parseConfig({ ...valid(), retention: { inactiveLeadDays: 365 } }, "test.json").retention.inactiveLeadDays).toBe(365);
    expect(Object.keys(problemsOf({ ...valid(), retention: { inactiveLeadDays: 7 } }))).toEqual(["retention.inactiveLeadDays"]);
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

  it("says what a value of the wrong type should be, naming the field; only a missing one is required", () => {
    const raw = valid();
    raw.reps[2].weight = "2";
    raw.reps[1].name = 5;
    raw.reps[0].email = 42;
    raw.offerings[0].durationMinutes = "30";
    raw.reps[0].skills = "enterprise";
    raw.company = "Acme";
    delete raw.reps[1].timeZone;
    const problems = problemsOf(raw);
    expect(problems["reps[2].weight"]).toBe("must be a number");
    expect(problems["reps[1].name"]).toBe("must be a string");
    expect(problems["reps[0].email"]).toBe("must be a string");
    expect(problems["offerings[0].durationMinutes"]).toBe("must be a number");
    expect(problems["reps[0].skills"]).toBe("must be an array");
    expect(problems["company"]).toBe("must be an object");
    expect(problems["reps[1].timeZone"]).toBe("is required");
  });

  it("blames an impossible recurrence.startDate on the start date, not on the rule", () => {
    const raw = valid();
    const index = raw.offerings.findIndex((o: { kind: string }) => o.kind === "webinar");
    raw.offerings[index].recurrence.startDate = "2026-13-01";
    const problems = problemsOf(raw);
    expect(problems).toEqual({ [`offerings[${index}].recurrence.startDate`]: "must be a date like 2026-11-03" });
    raw.offerings[index].recurrence.startDate = "2026-02-29";
    expect(problemsOf(raw)).toEqual({ [`offerings[${index}].recurrence.startDate`]: "must be a date like 2026-11-03" });
  });

  it("refuses impossible dates in recurrence.until and sessions[].start, naming the field", () => {
    const raw = valid();
    const index = raw.offerings.findIndex((o: { kind: string }) => o.kind === "webinar");
    const webinar = raw.offerings[index];
    webinar.recurrence.until = "2026-02-31";
    webinar.sessions = [{ start: "2026-02-31T16:00" }, { start: "2027-04-31T09:00" }, { start: "2028-02-29T16:00" }];
    expect(problemsOf(raw)).toEqual({
      [`offerings[${index}].recurrence.until`]: "must be a date like 2027-06-30",
      [`offerings[${index}].sessions[0].start`]: 'must be a local date and time like "2026-12-08T16:00"',
      [`offerings[${index}].sessions[1].start`]: 'must be a local date and time like "2026-12-08T16:00"',
    });
    // Real dates, leap day included, still load.
    webinar.recurrence.until = "2027-06-30";
    webinar.sessions = [{ start: "2028-02-29T16:00" }];
    expect(parseConfig(raw, "test.json").offerings[index]).toMatchObject({ recurrence: { until: "2027-06-30" }, sessions: [{ start: "2028-02-29T16:00" }] });
  });

  it("checks each datesOff entry is a real date or an inclusive range of at most a year, and names the entry", () => {
    const raw = valid();
    raw.reps[1].datesOff = ["2026-12-24", "2026-12-28..2027-01-01", "2026-13-01", "2026-02-30", "24.12.2026", "2027-01-05..2026-12-20", "2026-01-01..2027-06-01", "2026-12-01..2026-12-02..2026-12-03"];
    const problems = problemsOf(raw);
    expect(problems["reps[1].datesOff[0]"]).toBeUndefined();
    expect(problems["reps[1].datesOff[1]"]).toBeUndefined();
    // Month 13 is refused like any other bad date (it used to crash the check with a RangeError).
    expect(problems["reps[1].datesOff[2]"]).toBe('"2026-13-01" is not a date like 2026-12-24 or a range like 2026-12-28..2027-01-01');
    expect(problems["reps[1].datesOff[3]"]).toContain("is not a date like 2026-12-24");
    expect(problems["reps[1].datesOff[4]"]).toContain("is not a date like 2026-12-24");
    expect(problems["reps[1].datesOff[5]"]).toBe('"2027-01-05..2026-12-20" ends before it starts');
    expect(problems["reps[1].datesOff[6]"]).toBe('"2026-01-01..2027-06-01" spans more than a year');
    expect(problems["reps[1].datesOff[7]"]).toContain("is not a date like 2026-12-24");
  });

  it("takes a rep's language (the language of the mail Liveline writes to them), English by default, only one Liveline writes", () => {
    expect(parseConfig(valid(), "test.json").reps[0]!.language).toBe("en");
    const raw = valid();
    raw.reps[0].language = "de";
    expect(parseConfig(raw, "test.json").reps[0]!.language).toBe("de");
    raw.reps[0].language = "pt";
    expect(problemsOf(raw)).toEqual({ "reps[0].language": "must be one of en, de, fr, es" });
  });

  it("takes weeklyDigest (true or false) on a manager only; a manager without it gets the digest", () => {
    const raw = valid();
    raw.reps[1].weeklyDigest = false;
    expect(parseConfig(raw, "test.json").reps[1]).toMatchObject({ role: "manager", weeklyDigest: false });
    expect(parseConfig(valid(), "test.json").reps[1]!.weeklyDigest).toBeUndefined();
    raw.reps[1].weeklyDigest = "no";
    expect(problemsOf(raw)).toEqual({ "reps[1].weeklyDigest": "must be true or false" });
    const rep = valid();
    rep.reps[0].weeklyDigest = true;
    expect(problemsOf(rep)).toEqual({ "reps[0].weeklyDigest": 'is for managers only (role "manager")' });
  });

  it("has the issue's protection limits by default and checks each, naming the field", () => {
    const limits = parseConfig(valid(), "test.json").protection;
    expect(limits.rateLimits).toEqual({ writesPerIp: { max: 20, windowMinutes: 10 }, writesPerToken: { max: 600, windowMinutes: 10 }, liveBookingsPerAddress: 3, colleaguesPerAddressPerDay: 10 });
    expect(limits.mailsPerAddressPerDay).toBe(10);
    const raw = valid();
    raw.protection = { rateLimits: { writesPerIp: { max: 0, windowMinutes: 10 }, writesPerToken: { max: 5, windowMinutes: 0 }, liveBookingsPerAddress: 0, colleaguesPerAddressPerDay: -1, burst: 3 }, mailsPerAddressPerDay: 0 };
    expect(Object.keys(problemsOf(raw)).sort()).toEqual([
      "protection.mailsPerAddressPerDay",
      "protection.rateLimits.burst",
      "protection.rateLimits.colleaguesPerAddressPerDay",
      "protection.rateLimits.liveBookingsPerAddress",
      "protection.rateLimits.writesPerIp.max",
      "protection.rateLimits.writesPerToken.windowMinutes",
    ]);
  });

  it("checks a rep's weight: more than 0, at most 100", () => {
    const weighted = (weight: unknown) => {
      const raw = valid();
      raw.reps[2].weight = weight;
      return raw;
    };
    expect(problemsOf(weighted(0))["reps[2].weight"]).toBe("must be more than 0");
    expect(problemsOf(weighted(-1))["reps[2].weight"]).toBe("must be more than 0");
    expect(problemsOf(weighted(101))["reps[2].weight"]).toBe("must be at most 100");
    expect(parseConfig(weighted(0.5), "test.json").reps[2]!.weight).toBe(0.5);
    expect(parseConfig(weighted(100), "test.json").reps[2]!.weight).toBe(100);
  });

  it("refuses a rep in both pools of an offering; without its own reps the first pool is everyone outside the second", () => {
    const raw = valid();
    Object.assign(raw.offerings[0], { reps: ["maya", "lukas"], secondPool: { reps: ["priya", "lukas"] } });
    expect(problemsOf(raw)["offerings[0].secondPool.reps"]).toBe('"lukas" cannot be in both pools');

    delete raw.offerings[0].reps;
    raw.offerings[0].secondPool = { reps: ["priya"] };
    const config = parseConfig(raw, "test.json");
    expect(config.offerings[0]).toMatchObject({ secondPool: { reps: ["priya"], label: "Specialist" } });
    expect(config.offerings[0]).not.toHaveProperty("reps");

    raw.offerings[0].secondPool = { reps: ["priya", "maya", "lukas"] };
    expect(problemsOf(raw)["offerings[0].secondPool.reps"]).toContain("takes every rep");
  });

  it("checks that routing rules use only regions routing.regions defines", () => {
    const raw = valid();
    raw.routing = {
      regions: { emea: ["DE", "FR"], amer: ["US"] },
      rules: [
        { name: "Europe", when: { regions: ["emea"] }, route: { reps: ["lukas"] } },
        { name: "Elsewhere", when: { regions: ["amer", "apac"] }, route: { reps: ["maya"] } },
      ],
    };
    const problems = problemsOf(raw);
    expect(problems).toEqual({ "routing.rules[1].when.regions[1]": '"apac" is not defined in routing.regions' });
    raw.routing.regions.apac = ["IN"];
    expect(parseConfig(raw, "test.json").routing.rules).toHaveLength(2);
  });

  it("needs exactly one of url or path for a calendar feed", () => {
    const withFeed = (feed: unknown) => {
      const raw = valid();
      raw.reps[0].calendarFeed = feed;
      return raw;
    };
    expect(problemsOf(withFeed({ url: "https://calendar.example/maya.ics", path: "feeds/maya.ics" }))["reps[0].calendarFeed"]).toBe("needs exactly one of url or path");
    expect(problemsOf(withFeed({ refreshMinutes: 10 }))["reps[0].calendarFeed"]).toBe("needs exactly one of url or path");
    expect(problemsOf(withFeed({ url: "ftp://calendar.example/maya.ics" }))["reps[0].calendarFeed.url"]).toBe("must be an http(s) or webcal URL");
    expect(parseConfig(withFeed({ url: "webcal://calendar.example/maya.ics" }), "test.json").reps[0]!.calendarFeed).toEqual({ url: "webcal://calendar.example/maya.ics", refreshMinutes: 15 });
    expect(parseConfig(withFeed({ path: "feeds/maya.ics", refreshMinutes: 5 }), "test.json").reps[0]!.calendarFeed).toEqual({ path: "feeds/maya.ics", refreshMinutes: 5 });
  });

  it("takes at most 10 reminders per offering, none twice, naming the field", () => {
    const raw = valid();
    raw.offerings[0].lifecycle = { remindersMinutesBefore: Array.from({ length: 11 }, (_, n) => 5 * (n + 1)) };
    raw.offerings[2].lifecycle = { remindersMinutesBefore: [60, 10, 60] };
    const problems = problemsOf(raw);
    expect(problems["offerings[0].lifecycle.remindersMinutesBefore"]).toBe("must list at most 10 reminders");
    expect(problems["offerings[2].lifecycle.remindersMinutesBefore"]).toBe("must not list the same time twice");
    raw.offerings[0].lifecycle = { remindersMinutesBefore: Array.from({ length: 10 }, (_, n) => 5 * (n + 1)) };
    raw.offerings[2].lifecycle = { remindersMinutesBefore: [60, 10] };
    expect(parseConfig(raw, "test.json").offerings[0]).toMatchObject({ lifecycle: { remindersMinutesBefore: [5, 10, 15, 20, 25, 30, 35, 40, 45, 50] } });
  });

  it("refuses a demo whose reschedule would exceed DynamoDB's 100 items per transaction, naming the field and the limit", () => {
    const demo = (change: Record<string, unknown>) => {
      const raw = valid();
      Object.assign(raw.offerings[0], change);
      return raw;
    };
    // One rep, no colleagues: a reschedule writes 2 × (cells + schedule) + 2 invitations + 5 (the booking, the
    // log event, the prospect's update, the timers, the address's live bookings), cells = minutes / 5 + 1.
    expect(parseConfig(demo({ durationMinutes: 220 }), "test.json").offerings[0]).toMatchObject({ durationMinutes: 220 });
    const tooLong = problemsOf(demo({ durationMinutes: 225 }))["offerings[0].durationMinutes"];
    expect(tooLong).toContain("blocks 225 minutes");
    expect(tooLong).toContain("writes up to 101 items in one DynamoDB transaction");
    expect(tooLong).toContain("over the limit of 100; at most 220 minutes of duration and buffers fit");
    // The buffers count as much as the meeting.
    expect(problemsOf(demo({ durationMinutes: 195, bufferBeforeMinutes: 15, bufferAfterMinutes: 15 }))["offerings[0].durationMinutes"]).toContain("blocks 225 minutes");
    // Two reps (a second pool) hold twice the cells.
    const twoPools = { reps: ["maya", "lukas"], secondPool: { reps: ["priya"] } };
    expect(parseConfig(demo({ ...twoPools, durationMinutes: 100 }), "test.json").offerings[0]).toMatchObject({ durationMinutes: 100 });
    expect(problemsOf(demo({ ...twoPools, durationMinutes: 105 }))["offerings[0].durationMinutes"]).toContain("two reps (secondPool)");
    // Colleagues add an invitation each: the count names maxColleagues when fewer of them would fit.
    const raw = valid();
    Object.assign(raw.offerings[1], { durationMinutes: 120, maxColleagues: 50 });
    expect(problemsOf(raw)["offerings[1].maxColleagues"]).toBe(
      "is too many for a demo of 120 minutes with its buffers: moving it writes up to 109 items in one DynamoDB transaction (a lock per 5 minutes of the meeting and its buffers, old and new, for each rep, and an invitation per colleague), over the limit of 100; at most 41 colleagues fit",
    );
    raw.offerings[1].maxColleagues = 41;
    expect(parseConfig(raw, "test.json").offerings[1]).toMatchObject({ maxColleagues: 41 });
  });

  it("refuses a webinar whose registration with every colleague would exceed DynamoDB's 100 items per transaction", () => {
    const raw = valid();
    const index = raw.offerings.findIndex((o: { kind: string }) => o.kind === "webinar");
    // 22: with the registration's own items and abuse protection's three, a 24th person would not fit.
    raw.offerings[index].maxColleagues = 23;
    expect(problemsOf(raw)[`offerings[${index}].maxColleagues`]).toBe(
      "must be at most 22: a registration writes the registrant and every colleague (4 items each) in one DynamoDB transaction, which takes at most 100 items",
    );
    raw.offerings[index].maxColleagues = 22;
    expect(parseConfig(raw, "test.json").offerings[index]).toMatchObject({ maxColleagues: 22 });
  });
});
