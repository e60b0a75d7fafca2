// Times on the console name whose zone they are in, the lead's first; the lead's clock now warns when
// it is too early or too late to call.
import { describe, expect, it } from "vitest";
import { timeForRep as coreTimeForRep } from "../../../functions/core/calls/rep-facing-time";
import { leadTimeNow, timeForRep } from "../../../web/src/console/lead-time";

const dana = { name: "Dana Scully", timeZone: "America/New_York" };

describe("rep-facing times", () => {
  it("gives the lead's time named by zone, then the rep's", () => {
    const at = new Date("2026-12-02T14:05:00Z");
    expect(timeForRep(at, dana, "Europe/Berlin")).toBe("9:05 AM Dana's time (America/New_York) · 3:05 PM yours");
    expect(timeForRep(at, dana, "Europe/Berlin", { withDay: true })).toBe("Wed, Dec 2, 9:05 AM Dana's time (America/New_York) · 3:05 PM yours");
    expect(timeForRep(at, dana, "America/New_York")).toBe("9:05 AM Dana's time (America/New_York), yours too");
  });

  it("names the rep's day when it differs from the lead's", () => {
    const at = new Date("2026-12-02T20:05:00Z");
    expect(timeForRep(at, dana, "Asia/Kolkata", { withDay: true })).toBe("Wed, Dec 2, 3:05 PM Dana's time (America/New_York) · Thu, Dec 3, 1:35 AM yours");
  });

  it("keeps a hostile name as it is (the page puts it in as text)", () => {
    expect(timeForRep(new Date("2026-12-02T14:05:00Z"), { name: "<img src=x onerror=alert(1)>", timeZone: "Europe/Paris" }, "Europe/Paris")).toBe("3:05 PM <img's time (Europe/Paris), yours too");
  });

  it("tells the lead's clock now, and whether it is outside 8 a.m. to 9 p.m. there", () => {
    expect(leadTimeNow(new Date("2026-12-02T14:05:00Z"), dana)).toEqual({ text: "9:05 AM Dana's time (America/New_York)", unsociable: false });
    expect(leadTimeNow(new Date("2026-12-02T08:00:00Z"), dana)).toEqual({ text: "3:00 AM Dana's time (America/New_York)", unsociable: true });
    expect(leadTimeNow(new Date("2026-12-03T02:00:00Z"), dana).unsociable).toBe(true); // 9:00 PM
    expect(leadTimeNow(new Date("2026-12-03T01:59:00Z"), dana).unsociable).toBe(false); // 8:59 PM
    expect(leadTimeNow(new Date("2026-12-02T17:00:00Z"), dana).text).toBe("12:00 PM Dana's time (America/New_York)");
    expect(leadTimeNow(new Date("2026-12-02T05:00:00Z"), dana)).toEqual({ text: "12:00 AM Dana's time (America/New_York)", unsociable: true });
  });
});

describe("the same wording as the e-mails and prompts", () => {
  it("matches the core's rep-facing times across zones, days and DST changes", () => {
    const leads = [dana, { name: "Pat Smith", timeZone: "Europe/Paris" }, { name: "Ravi", timeZone: "Asia/Kolkata" }, { name: "Kim", timeZone: "Pacific/Auckland" }];
    const reps = ["America/Chicago", "Europe/Berlin", "Asia/Kolkata", "America/New_York"];
    const start = Date.parse("2026-03-07T00:00:00Z");
    for (let hour = 0; hour < 24 * 60; hour += 7) {
      const at = new Date(start + hour * 3_600_000 + 5 * 60_000);
      for (const lead of leads) {
        for (const rep of reps) {
          expect(timeForRep(at, lead, rep)).toBe(coreTimeForRep(at, lead, rep));
          expect(timeForRep(at, lead, rep, { withDay: true })).toBe(coreTimeForRep(at, lead, rep, { withDay: true }));
        }
      }
    }
  });
});
