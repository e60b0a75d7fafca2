// Tests: web/src/booking/contact-form — what the page checks before a round trip, and the bodies it sends.

import { describe, expect, it } from "vitest";
import { bookingBody, contactRequestBody, validateContact, type ContactFormValues } from "../../../web/src/booking/contact-form";

const filled: ContactFormValues = {
  name: "  Ada Lovelace ",
  email: " ada@example.com ",
  company: "",
  country: "US",
  language: "en",
  phone: " +1 312 555 0142 ",
  teamSize: "12",
  interest: "",
  timeZone: "America/Chicago",
  consent: true,
  smsConsent: false,
};

describe("the 'Text me reminders' box", () => {
  it("is sent as smsConsent: true only when ticked (texts are opt-in)", () => {
    expect(contactRequestBody(filled)).not.toHaveProperty("smsConsent");
    expect(contactRequestBody({ ...filled, smsConsent: true }).smsConsent).toBe(true);
    expect(bookingBody({ ...filled, smsConsent: true }, { offering: "live-demo", start: "2026-12-01T17:00:00Z", timeZone: "America/Chicago" }).smsConsent).toBe(true);
  });

  it("needs the phone", () => {
    const problems = validateContact({ ...filled, phone: " ", smsConsent: true });
    expect(problems.map((p) => p.field)).toEqual(["smsConsent"]);
    expect(problems[0]?.message).toMatch(/phone number/);
  });
});

describe("validateContact", () => {
  it("accepts a filled form", () => {
    expect(validateContact(filled)).toEqual([]);
  });

  it("lists problems in page order, so the first one gets focus", () => {
    const problems = validateContact({ ...filled, name: " ", email: "", timeZone: "", consent: false });
    expect(problems.map((p) => p.field)).toEqual(["name", "email", "timeZone", "consent"]);
    expect(problems[3]?.message).toMatch(/tick this box/);
  });

  it("checks the e-mail's shape only loosely (the server decides)", () => {
    expect(validateContact({ ...filled, email: "ada@example" }).map((p) => p.field)).toEqual(["email"]);
    expect(validateContact({ ...filled, email: "ada.lovelace+demo@mail.example.co.uk" })).toEqual([]);
  });

  it("wants a whole team size of at least 1 when one is given", () => {
    expect(validateContact({ ...filled, teamSize: "" })).toEqual([]);
    for (const teamSize of ["0", "2.5", "-3", "?"]) {
      expect(validateContact({ ...filled, teamSize }).map((p) => p.field)).toEqual(["teamSize"]);
    }
  });

  it("leaves the phone to the server", () => {
    expect(validateContact({ ...filled, phone: "312 555 0142" })).toEqual([]);
  });
});

describe("request bodies", () => {
  it("trims text, drops empty optional fields and sends team size as a number", () => {
    expect(contactRequestBody(filled)).toEqual({
      name: "Ada Lovelace",
      email: "ada@example.com",
      country: "US",
      language: "en",
      phone: "+1 312 555 0142",
      teamSize: 12,
      timeZone: "America/Chicago",
      consent: true,
    });
  });

  it("leaves out a country and language that were not chosen", () => {
    const body = contactRequestBody({ ...filled, country: "", language: "" });
    expect(body).not.toHaveProperty("country");
    expect(body).not.toHaveProperty("language");
    expect(bookingBody({ ...filled, country: "" }, { offering: "o", start: "s", timeZone: "UTC" })).not.toHaveProperty("country");
  });

  it("builds the booking with the chosen slot, the zone shown, the contact request and every prospect field", () => {
    const body = bookingBody(
      { ...filled, company: "Analytical Engines", interest: "Dashboards", country: "GB", language: "pt" },
      { offering: "live-demo", start: "2026-12-01T10:00:00.000-06:00", timeZone: "America/Chicago", contactRequestId: "cr_1" },
    );
    expect(body).toEqual({
      offering: "live-demo",
      start: "2026-12-01T10:00:00.000-06:00",
      name: "Ada Lovelace",
      email: "ada@example.com",
      phone: "+1 312 555 0142",
      company: "Analytical Engines",
      country: "GB",
      language: "pt",
      teamSize: 12,
      interest: "Dashboards",
      timeZone: "America/Chicago",
      contactRequestId: "cr_1",
      consent: true,
    });
    expect(bookingBody(filled, { offering: "o", start: "s", timeZone: "UTC" })).not.toHaveProperty("contactRequestId");
  });

  it("carries the colleagues of a group booking, and leaves the field out when there are none", () => {
    const colleagues = ["grace@example.com", "alan@example.com"];
    expect(bookingBody(filled, { offering: "team-demo", start: "s", timeZone: "UTC", colleagues })).toMatchObject({ offering: "team-demo", colleagues });
    expect(bookingBody(filled, { offering: "live-demo", start: "s", timeZone: "UTC", colleagues: [] })).not.toHaveProperty("colleagues");
  });
});
