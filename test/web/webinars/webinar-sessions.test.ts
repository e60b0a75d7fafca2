// Tests: web/src/webinars/webinar-sessions — a session's time (read from the API's zoned ISO string, whatever zone
// the test machine is in), its seats, and the "session full" answer with the next session offered.

import { describe, expect, it } from "vitest";
import { availability, findSession, fullOffer, isSession, seatsText, sessionWhen, sessionWhenLine } from "../../../web/src/webinars/webinar-sessions";

const session = (extra: Record<string, unknown> = {}) => ({
  id: "weekly-webinar-20261201T1600Z",
  offering: { id: "weekly-webinar", title: "Weekly tour" },
  title: "Weekly tour",
  start: "2026-12-01T17:00:00.000+01:00",
  end: "2026-12-01T17:45:00.000+01:00",
  capacity: 50,
  seatsLeft: 12,
  maxColleagues: 10,
  registrationOpen: true,
  ...extra,
});

describe("availability and seatsText", () => {
  it("says how many seats are left, that a full session still has a waitlist, and when registration closed", () => {
    expect([availability(session()), seatsText(session())]).toEqual(["open", "12 seats left"]);
    expect(seatsText(session({ seatsLeft: 1 }))).toBe("1 seat left");
    expect([availability(session({ seatsLeft: 0 })), seatsText(session({ seatsLeft: 0 }))]).toEqual(["full", "Full — waitlist open"]);
    expect([availability(session({ registrationOpen: false })), seatsText(session({ registrationOpen: false, seatsLeft: 3 }))]).toEqual(["closed", "Registration closed"]);
  });
});

describe("sessionWhen", () => {
  it("shows the wall time written in the API's string, in the visitor's zone, not the machine's", () => {
    expect(sessionWhen(session())).toEqual({ day: "Tuesday, December 1", time: "5:00 PM – 5:45 PM" });
    expect(sessionWhenLine(session({ start: "2026-12-01T21:30:00.000+05:30", end: "2026-12-01T22:15:00.000+05:30" }), "en-GB")).toBe("Tuesday 1 December, 21:30 – 22:15");
  });
});

describe("findSession", () => {
  it("finds a listed session by id", () => {
    const list = [session(), session({ id: "weekly-webinar-20261208T1600Z" })];
    expect(findSession(list, "weekly-webinar-20261208T1600Z")?.id).toBe("weekly-webinar-20261208T1600Z");
    expect(findSession(list, "other")).toBeUndefined();
    expect(findSession(list, undefined)).toBeUndefined();
  });
});

describe("fullOffer", () => {
  it("offers the next session with room from a 409 session_full", () => {
    const next = session({ id: "weekly-webinar-20261208T1600Z", start: "2026-12-08T17:00:00.000+01:00", end: "2026-12-08T17:45:00.000+01:00", seatsLeft: 50 });
    const offer = fullOffer({ code: "session_full", message: "This session is full.", details: { nextSession: next } });
    expect(offer).toEqual({ message: "This session is full.", next, nextText: "The next session with room is Tuesday, December 8 at 5:00 PM." });
  });

  it("still offers the waitlist when there is no next session, or it is malformed", () => {
    expect(fullOffer({ code: "session_full", message: "Only 2 seats left for 3 people" })).toEqual({ message: "Only 2 seats left for 3 people." });
    expect(fullOffer({ code: "session_full", message: "Full.", details: { nextSession: { id: "x" } } })).toEqual({ message: "Full." });
  });

  it("is not about other errors", () => {
    expect(fullOffer({ code: "invalid_input", message: "E-mail is not a valid address.", field: "email" })).toBeUndefined();
  });
});

describe("isSession", () => {
  it("accepts the documented summary only", () => {
    expect(isSession(session())).toBe(true);
    expect(isSession(session({ start: "next Tuesday" }))).toBe(false);
    expect(isSession(session({ seatsLeft: "12" }))).toBe(false);
    expect(isSession(null)).toBe(false);
  });
});
