// Tests: web/src/lifecycle/manage-messages — the manage page's words for a booking's state and a refused move.

import { describe, expect, it } from "vitest";
import { manageText, rescheduleProblem } from "../../../web/src/lifecycle/manage-messages";

const NOW = Date.parse("2026-11-20T12:00:00Z");
const booking = {
  status: "confirmed" as const,
  canChange: true,
  start: "2026-12-01T10:00:00.000-06:00",
  end: "2026-12-01T10:30:00.000-06:00",
  rep: { name: "Maya Johnson", firstName: "Maya" },
};

describe("manageText", () => {
  it("offers changes while the demo can still be moved", () => {
    expect(manageText(booking, "loaded", "America/Chicago", "en-US", NOW)).toMatchObject({ heading: "Your demo", canChange: true, cancelled: false });
    expect(manageText(booking, "loaded", "America/Chicago", "en-US", NOW).status).toMatch(/^Confirmed\./);
  });

  it("says when it is too close to change, or over", () => {
    const close = manageText({ ...booking, canChange: false }, "loaded", "America/Chicago", "en-US", NOW);
    expect(close).toMatchObject({ canChange: false, cancelled: false, tone: "warn" });
    expect(close.status).toContain("too close to change");
    const over = manageText({ ...booking, canChange: false }, "loaded", "America/Chicago", "en-US", Date.parse("2026-12-02T00:00:00Z"));
    expect(over.status).toContain("already taken place");
  });

  it("says a cancelled demo is cancelled and offers to book again", () => {
    const cancelled = { ...booking, status: "cancelled" as const, canChange: false };
    expect(manageText(cancelled, "loaded", "UTC", "en-US", NOW)).toMatchObject({ heading: "Your demo is cancelled", canChange: false, cancelled: true });
    expect(manageText(cancelled, "cancelled", "UTC", "en-US", NOW).status).toBe("Cancelled. We've let Maya know and e-mailed you a confirmation.");
  });

  it("names the new time of a moved demo in the zone the page shows", () => {
    expect(manageText(booking, "moved", "America/Chicago", "en-US", NOW).status).toBe(
      "Rescheduled to Tuesday, December 1 at 10:00 AM. We've e-mailed you an updated invitation.",
    );
    expect(manageText(booking, "moved", "Europe/Berlin", "en-GB", NOW).status).toMatch(/^Rescheduled to Tuesday(,)? 1 December at 17:00\./);
  });
});

describe("rescheduleProblem", () => {
  const label = "Tuesday, December 1 at 10:00 AM";

  it("refreshes the times when the chosen one was taken", () => {
    expect(rescheduleProblem({ code: "slot_taken", message: "That time was just taken.", field: "start" }, label)).toEqual({
      message: `Sorry, ${label} was just taken by someone else. Here are the times that are still open.`,
      refresh: true,
      tooLate: false,
    });
  });

  it("closes the picker when the demo is too close to move", () => {
    expect(rescheduleProblem({ code: "too_late_to_change", message: "can no longer be changed", field: "start" }, label)).toMatchObject({ tooLate: true });
  });

  it("puts other refusals about the time in words about the time", () => {
    expect(rescheduleProblem({ code: "invalid_input", message: "is not an open slot", field: "start" }, label)).toEqual({
      message: "That time is not an open slot. Please pick another time.",
      refresh: true,
      tooLate: false,
    });
    expect(rescheduleProblem({ code: "booking_changed", message: "This booking was just changed elsewhere." }, label)).toMatchObject({
      message: "This booking was just changed elsewhere.",
      refresh: false,
    });
  });
});
