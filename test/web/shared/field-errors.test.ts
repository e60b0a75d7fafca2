// Tests: web/src/shared/field-errors — where an API error is shown and how its message reads.

import { describe, expect, it } from "vitest";
import { errorTarget, fieldMessage, slotMessage } from "../../../web/src/shared/field-errors";

describe("errorTarget", () => {
  it("sends form fields to their field", () => {
    for (const field of ["name", "email", "company", "country", "language", "phone", "teamSize", "interest", "timeZone", "consent"]) {
      expect(errorTarget(field)).toEqual({ kind: "field", field });
    }
    expect(errorTarget("phone.number")).toEqual({ kind: "field", field: "phone" });
    // The booking's notes are what the form calls "What would you like to see?".
    expect(errorTarget("notes")).toEqual({ kind: "field", field: "interest" });
  });

  it("sends booking-only fields to the slot list and the rest to the general alert", () => {
    expect(errorTarget("start")).toEqual({ kind: "slots" });
    expect(errorTarget("offering")).toEqual({ kind: "slots" });
    expect(errorTarget("contactRequestId")).toEqual({ kind: "general" });
    expect(errorTarget(undefined)).toEqual({ kind: "general" });
  });
});

describe("fieldMessage", () => {
  it("puts the visible label before the server's fragments", () => {
    expect(fieldMessage("email", "is not a valid e-mail address")).toBe("Work e-mail is not a valid e-mail address.");
    expect(fieldMessage("phone", "phone: needs the country code, e.g. +1 312 555 0142")).toBe(
      "Phone needs the country code, e.g. +1 312 555 0142.",
    );
    expect(fieldMessage("teamSize", "teamSize must be at least 1")).toBe("Team size must be at least 1.");
    expect(fieldMessage("country", "must be a two-letter country code such as DE")).toBe("Country must be a two-letter country code such as DE.");
  });

  it("keeps full sentences and explains consent in plain words", () => {
    expect(fieldMessage("timeZone", "Unknown time zone.")).toBe("Unknown time zone.");
    expect(fieldMessage("consent", "must be true")).toMatch(/^Please tick this box/);
  });
});

describe("slotMessage", () => {
  it("turns a fragment about the slot into a sentence with the way forward", () => {
    expect(slotMessage("is not an open slot")).toBe("That time is not an open slot. Please pick another time.");
    expect(slotMessage("start: must be in the future")).toBe("That time must be in the future. Please pick another time.");
    expect(slotMessage("Outside working hours.")).toBe("Outside working hours. Please pick another time.");
  });
});
