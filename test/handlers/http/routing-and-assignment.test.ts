// Availability, routing and fair assignment through the real handler on DynamoDB Local.
import { beforeAll, describe, expect, it } from "vitest";
import type { LivelineConfig } from "../../../functions/config/liveline-config";
import { createTestApi, defaultConfig, firstDemo, type TestApi } from "../../support/test-api";
import { emailsTo } from "../../support/ses-store";
import { tokenOf } from "../../support/lifecycle-harness";

const clock = { now: () => new Date("2026-11-30T06:00:00Z") }; // Monday

/** Reps with the same UTC hours, so only the rules under test make a difference. */
function teamConfig(change: (config: LivelineConfig) => void = () => {}): LivelineConfig {
  const config = defaultConfig();
  const hours = { mon: ["09:00-17:00"], tue: ["09:00-17:00"], wed: ["09:00-17:00"], thu: ["09:00-17:00"], fri: ["09:00-17:00"] };
  config.reps = [
    { ...config.reps[0]!, id: "ana", name: "Ana Alvarez", email: "ana@acme-analytics.example", timeZone: "UTC", workingHours: hours, languages: ["en", "es"], regions: ["amer"], skills: [] },
    { ...config.reps[1]!, id: "ben", name: "Ben Braun", email: "ben@acme-analytics.example", timeZone: "UTC", workingHours: hours, languages: ["en", "de"], regions: ["emea"], skills: ["enterprise"] },
    { ...config.reps[2]!, id: "cho", name: "Cho Chen", email: "cho@acme-analytics.example", timeZone: "UTC", workingHours: hours, languages: ["en"], regions: ["apac"], skills: [] },
  ];
  change(config);
  return config;
}

let counter = 0;
function booking(start: string, extra: Record<string, unknown> = {}) {
  counter++;
  return { offering: "live-demo", start, name: `Pat ${counter}`, email: `pat${counter}.${Date.now()}@prospect.example`, timeZone: "UTC", consent: true, ...extra };
}

const startsOn = (response: { json: { slots: { start: string }[] } }, date: string) => response.json.slots.map((s) => s.start).filter((s) => s.startsWith(date));

describe("routing", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi({
      clock,
      config: teamConfig((config) => {
        config.reps[1]!.workingHours = { tue: ["13:00-14:00"] };
        config.routing = {
          regions: { emea: ["DE", "AT", "CH", "FR"] },
          rules: [
            { name: "Enterprise EMEA", when: { regions: ["emea"], teamSize: { min: 100 } }, route: { skills: ["enterprise"] } },
            { name: "Spanish", when: { languages: ["es"] }, route: { languages: ["es"] } },
          ],
          fallback: { reps: ["ana", "cho"] },
        };
      }),
    });
  });

  it("routes a contact request by its answers, says which rule matched, and shows only that pool's slots", async () => {
    const response = await api.call("POST", "/api/contact-requests", {
      name: "Greta",
      email: "greta@bigcorp.example",
      country: "de",
      teamSize: 400,
      timeZone: "Europe/Berlin",
      consent: true,
    });
    expect(response.status).toBe(201);
    expect(response.json.routing).toMatchObject({ rule: "Enterprise EMEA", pool: ["ben"] });
    expect(response.json.routing.trace[0]).toEqual({ rule: "Enterprise EMEA", matched: true });
    // Ben works only Tuesdays 13:00–14:00 UTC = 14:00–15:00 in Berlin; two Tuesdays fall in the 14 days.
    expect(response.json.slots.map((s: { start: string }) => s.start)).toEqual([
      "2026-12-01T14:00:00.000+01:00",
      "2026-12-01T14:30:00.000+01:00",
      "2026-12-08T14:00:00.000+01:00",
      "2026-12-08T14:30:00.000+01:00",
    ]);
    const stored = (await api.itemsWithPrefix(`LEAD#${response.json.id}`)).find((item) => item.sk === "LEAD");
    expect(stored?.routing).toEqual({ rule: "Enterprise EMEA", pool: ["ben"] });
    expect(stored?.prospect.country).toBe("DE");

    const again = await api.call("GET", `/api/slots?offering=live-demo&from=2026-12-01&to=2026-12-01&timeZone=UTC&contactRequest=${response.json.id}`);
    expect(again.json.slots.map((s: { start: string }) => s.start)).toEqual(["2026-12-01T13:00:00.000+00:00", "2026-12-01T13:30:00.000+00:00"]);
  });

  it("uses the fallback when no rule matches, and books within the routed pool only", async () => {
    const response = await api.call("POST", "/api/contact-requests", { name: "Sam", email: "sam@small.example", country: "US", teamSize: 5, timeZone: "UTC", consent: true });
    expect(response.json.routing).toMatchObject({ rule: null, pool: ["ana", "cho"] });
    expect(response.json.routing.trace.map((step: { matched: boolean }) => step.matched)).toEqual([false, false]);
    const booked = await api.call("POST", "/api/bookings", booking("2026-12-01T13:00:00Z", { country: "US", teamSize: 5, contactRequestId: response.json.id }));
    expect(booked.status).toBe(201);
    expect(["Ana Alvarez", "Cho Chen"]).toContain(booked.json.rep.name);
  });

  it("refuses a start outside the routed pool's hours even if another rep works then", async () => {
    // 10:00 UTC Tuesday: Ana and Cho work, Ben (the enterprise pool) does not.
    const refused = await api.call("POST", "/api/bookings", booking("2026-12-01T10:00:00Z", { country: "AT", teamSize: 500 }));
    expect(refused.status).toBe(422);
    expect(refused.json.error).toMatchObject({ code: "not_a_slot", field: "start" });
  });
});

describe("fair assignment", () => {
  it("spreads sequential bookings evenly over equally weighted reps, and by weight otherwise", async () => {
    const api = await createTestApi({ clock, config: teamConfig((config) => (config.reps[1]!.weight = 2)) });
    const counts = new Map<string, number>();
    for (let i = 0; i < 12; i++) {
      const start = new Date(Date.parse("2026-12-01T09:00:00Z") + i * 30 * 60_000).toISOString();
      const response = await api.call("POST", "/api/bookings", booking(start));
      expect(response.status).toBe(201);
      counts.set(response.json.rep.name, (counts.get(response.json.rep.name) ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toEqual({ "Ana Alvarez": 3, "Ben Braun": 6, "Cho Chen": 3 });
  });

  it("counts only the demos inside the offering's fairness window: a rep whose demos are older gets the next one", async () => {
    const now = { value: new Date("2026-11-30T06:00:00Z") }; // Monday
    const api = await createTestApi({
      clock: { now: () => now.value },
      config: teamConfig((config) => {
        config.reps = config.reps.slice(0, 2);
        // Ben does not work Tuesdays: Ana takes those demos alone.
        config.reps[1]!.workingHours = { wed: ["09:00-17:00"] };
        // A window shorter than the default (30), and shorter than the schedule keeps demos: the team demo's
        // 30 days keep Ana's old demos in her schedule, so only the window can leave them out of the count.
        firstDemo(config).fairnessWindowDays = 7;
      }),
    });
    const repOf = async (start: string) => {
      const response = await api.call("POST", "/api/bookings", booking(start));
      expect(response.status, start).toBe(201);
      return response.json.rep.name as string;
    };
    expect(await repOf("2026-12-01T09:00:00Z")).toBe("Ana Alvarez");
    expect(await repOf("2026-12-01T10:00:00Z")).toBe("Ana Alvarez");

    // Eight days later Ana's two demos were assigned before the 7-day window.
    now.value = new Date("2026-12-08T06:00:00Z");
    // Both have none in the window: Ben, never assigned, goes first.
    expect(await repOf("2026-12-09T09:00:00Z")).toBe("Ben Braun");
    // Ben has one in the window, Ana none (her two are older): Ana — counting all demos would pick Ben (1 < 2).
    expect(await repOf("2026-12-09T10:00:00Z")).toBe("Ana Alvarez");
    const [schedule] = (await api.itemsWithPrefix("REP#ana")).filter((item) => item.sk === "SCHEDULE");
    expect([...(schedule!.demos as Set<string>)]).toHaveLength(3);
  });

  it("breaks a tie by least recently assigned: with equal counts the rep assigned longer ago gets the demo", async () => {
    const { now, api } = await anaAndBenOnAlternateDays();
    const repOf = async (start: string) => {
      const response = await api.call("POST", "/api/bookings", booking(start));
      expect(response.status, start).toBe(201);
      return response.json.rep.name as string;
    };
    expect(await repOf("2026-12-01T09:00:00Z")).toBe("Ben Braun");
    now.value = new Date("2026-11-30T07:00:00Z");
    expect(await repOf("2026-12-02T09:00:00Z")).toBe("Ana Alvarez");
    // One each; Ben was assigned an hour before Ana. (By id alone Ana would come first.)
    now.value = new Date("2026-11-30T08:00:00Z");
    expect(await repOf("2026-12-03T09:00:00Z")).toBe("Ben Braun");
    // Now Ben has two, Ana one: the count decides before recency does.
    now.value = new Date("2026-11-30T09:00:00Z");
    expect(await repOf("2026-12-03T10:00:00Z")).toBe("Ana Alvarez");
  });

  it("does not count moving a demo as an assignment: a rep keeping a rescheduled demo keeps their latest assignment time", async () => {
    const { now, api } = await anaAndBenOnAlternateDays();
    const book = async (start: string, at: string) => {
      now.value = new Date(at);
      const response = await api.call("POST", "/api/bookings", booking(start));
      expect(response.status, start).toBe(201);
      return response.json;
    };
    const early = await book("2026-12-01T09:00:00Z", "2026-11-30T06:00:00Z");
    expect(early.rep.name).toBe("Ben Braun");
    expect((await book("2026-12-02T09:00:00Z", "2026-11-30T07:00:00Z")).rep.name).toBe("Ana Alvarez");
    expect((await book("2026-12-02T10:00:00Z", "2026-11-30T08:00:00Z")).rep.name).toBe("Ana Alvarez");
    expect((await book("2026-12-01T10:00:00Z", "2026-11-30T09:00:00Z")).rep.name).toBe("Ben Braun");
    // Two each; Ben's latest assignment (09:00) is newer than Ana's (08:00). Ben's first demo moves (he keeps it).
    now.value = new Date("2026-11-30T10:00:00Z");
    const token = tokenOf(early.manageUrl);
    const moved = await api.call("POST", `/api/bookings/${early.id}/reschedule`, { token, start: "2026-12-01T11:00:00Z" });
    expect(moved.status).toBe(200);
    expect(moved.json.rep.name).toBe("Ben Braun");
    // Still two each, and Ana was assigned less recently: she gets the next one.
    expect((await book("2026-12-03T09:00:00Z", "2026-11-30T11:00:00Z")).rep.name).toBe("Ana Alvarez");
  });
});

describe("rules of an offering", () => {
  it("keeps buffers free around a demo", async () => {
    const api = await createTestApi({
      clock,
      config: teamConfig((config) => {
        config.reps = config.reps.slice(0, 1);
        Object.assign(firstDemo(config), { slotIntervalMinutes: 15, bufferBeforeMinutes: 10, bufferAfterMinutes: 15 });
      }),
    });
    expect((await api.call("POST", "/api/bookings", booking("2026-12-01T10:00:00Z"))).status).toBe(201);
    const slots = await api.call("GET", "/api/slots?offering=live-demo&from=2026-12-01&to=2026-12-01&timeZone=UTC");
    const starts = startsOn(slots, "2026-12-01T").map((s) => s.slice(11, 16));
    // Blocked 09:50–10:45. A new demo's own buffers may not touch it: last before is 09:05 (+30 +15 = 09:50),
    // first after is 10:55 (−10 = 10:45); on the 15-minute grid that is 09:00 and 11:00.
    expect(starts).toContain("09:00");
    expect(starts).not.toContain("09:15");
    expect(starts).not.toContain("10:45");
    expect(starts).toContain("11:00");
  });

  it("stops offering a rep's day once the daily cap is reached", async () => {
    const api = await createTestApi({
      clock,
      config: teamConfig((config) => {
        config.reps = config.reps.slice(0, 1);
        firstDemo(config).dailyCapPerRep = 2;
      }),
    });
    expect((await api.call("POST", "/api/bookings", booking("2026-12-01T09:00:00Z"))).status).toBe(201);
    expect((await api.call("POST", "/api/bookings", booking("2026-12-01T11:00:00Z"))).status).toBe(201);
    const slots = await api.call("GET", "/api/slots?offering=live-demo&from=2026-12-01&to=2026-12-02&timeZone=UTC");
    expect(startsOn(slots, "2026-12-01")).toEqual([]);
    expect(startsOn(slots, "2026-12-02").length).toBeGreaterThan(0);
    const third = await api.call("POST", "/api/bookings", booking("2026-12-01T14:00:00Z"));
    expect(third.status).toBe(409);
  });

  it("offers nothing on a rep's days off", async () => {
    const api = await createTestApi({
      clock,
      config: teamConfig((config) => {
        config.reps = config.reps.slice(0, 1);
        config.reps[0]!.datesOff = ["2026-12-01", "2026-12-03..2026-12-04"];
      }),
    });
    const slots = await api.call("GET", "/api/slots?offering=live-demo&from=2026-12-01&to=2026-12-04&timeZone=UTC");
    const days = new Set(slots.json.slots.map((s: { start: string }) => s.start.slice(0, 10)));
    expect([...days]).toEqual(["2026-12-02"]);
  });

  it("books a two-pool demo with one rep of each pool, and invites all three", async () => {
    const api = await createTestApi({
      clock,
      config: teamConfig((config) => {
        config.reps[2]!.workingHours = { tue: ["12:00-14:00"] };
        Object.assign(firstDemo(config), { reps: ["ana", "ben"], secondPool: { reps: ["cho"], label: "Solutions engineer" } });
      }),
    });
    const slots = await api.call("GET", "/api/slots?offering=live-demo&from=2026-12-01&to=2026-12-01&timeZone=UTC");
    // Only when Cho (the second pool) is free too.
    expect(slots.json.slots.map((s: { start: string }) => s.start.slice(11, 16))).toEqual(["12:00", "12:30", "13:00", "13:30"]);
    const body = booking("2026-12-01T12:00:00Z");
    const response = await api.call("POST", "/api/bookings", body);
    expect(response.status).toBe(201);
    expect(response.json.secondRep).toEqual({ name: "Cho Chen", firstName: "Cho", label: "Solutions engineer" });
    const record = (await api.itemsWithPrefix(`BOOKING#${response.json.id}`)).find((i) => i.sk === "BOOKING");
    expect(record).toMatchObject({ secondRepId: "cho" });
    const locks = (await api.allItems()).filter((i) => i.entity === "slot-lock" && i.bookingId === response.json.id);
    expect(new Set(locks.map((l) => l.pk))).toEqual(new Set([`REP#${record!.repId}`, "REP#cho"]));
    expect(await emailsTo(body.email)).toHaveLength(1);
    const choMail = (await emailsTo("cho@acme-analytics.example")).filter((e) => e.body.text?.includes(body.name));
    expect(choMail).toHaveLength(1);
    // Cho is taken now: no more two-pool slot at 12:00 even though Ana or Ben is free.
    expect((await api.call("POST", "/api/bookings", booking("2026-12-01T12:00:00Z"))).status).toBe(409);
  });

  it("keeps a rep's schedule small: demos past the fairness window are dropped on the next booking", async () => {
    const now = { value: new Date("2026-11-30T06:00:00Z") };
    const api = await createTestApi({
      clock: { now: () => now.value },
      config: teamConfig((config) => {
        config.reps = config.reps.slice(0, 1);
        // Pruning keeps the longest window of any demo offering.
        for (const offering of config.offerings) if (offering.kind === "demo") offering.fairnessWindowDays = 7;
      }),
    });
    const first = await api.call("POST", "/api/bookings", booking("2026-12-01T09:00:00Z"));
    expect(first.status).toBe(201);
    now.value = new Date("2026-12-14T06:00:00Z");
    const second = await api.call("POST", "/api/bookings", booking("2026-12-15T09:00:00Z"));
    expect(second.status).toBe(201);
    const [schedule] = (await api.itemsWithPrefix("REP#ana")).filter((item) => item.sk === "SCHEDULE");
    const demos = [...(schedule!.demos as Set<string>)];
    expect(demos).toHaveLength(1);
    expect(demos[0]!.startsWith(`${second.json.id}|`)).toBe(true);
    expect(Object.keys(schedule!).filter((name) => name.startsWith("d_"))).toEqual(["d_2026-12-15"]);
  });

  it("every offered slot can be booked when nobody races: book a random one, list again, twenty times", async () => {
    const api = await createTestApi({
      clock,
      config: teamConfig((config) => {
        config.reps[0]!.timeZone = "America/New_York";
        config.reps[2]!.timeZone = "Asia/Kathmandu";
        Object.assign(firstDemo(config), { slotIntervalMinutes: 15, durationMinutes: 45, bufferBeforeMinutes: 10, bufferAfterMinutes: 5, dailyCapPerRep: 3 });
      }),
    });
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let round = 0; round < 20; round++) {
      const listing = await api.call("GET", "/api/slots?offering=live-demo&from=2026-12-01&to=2026-12-04&timeZone=Europe/Berlin");
      const slots: { start: string }[] = listing.json.slots;
      expect(slots.length).toBeGreaterThan(0);
      const chosen = slots[Math.floor(random() * slots.length)]!;
      const response = await api.call("POST", "/api/bookings", booking(chosen.start, { timeZone: "Europe/Berlin" }));
      expect(response.status, `round ${round}: ${chosen.start}`).toBe(201);
    }
    // Three reps, three demos a day each, four days: the caps are all that can end the offer.
    const after = await api.call("GET", "/api/slots?offering=live-demo&from=2026-12-01&to=2026-12-04&timeZone=Europe/Berlin");
    expect(after.json.slots.length).toBeGreaterThan(0);
   // Forty writes and twenty listings, each write with its challenge: slow on a busy 2-core machine.
  }, 60_000);
});

/** Ana and Ben only, on a clock the test moves: Tuesday only Ben works, Wednesday only Ana, Thursday both. */
async function anaAndBenOnAlternateDays() {
  const now = { value: new Date("2026-11-30T06:00:00Z") }; // Monday
  const api = await createTestApi({
    clock: { now: () => now.value },
    config: teamConfig((config) => {
      config.reps = config.reps.slice(0, 2);
      config.reps[0]!.workingHours = { wed: ["09:00-17:00"], thu: ["09:00-17:00"] };
      config.reps[1]!.workingHours = { tue: ["09:00-17:00"], thu: ["09:00-17:00"] };
    }),
  });
  return { now, api };
}
