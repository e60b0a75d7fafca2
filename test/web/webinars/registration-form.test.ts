// Tests: web/src/webinars/registration-form — the webinar form's checks, the request it sends (colleagues with the
// names given for them), and where each API error lands (a field, one colleague's e-mail or name input, the
// chosen session).

import { describe, expect, it } from "vitest";
import {
  apiProblems,
  registrationBody,
  registrationConsentNeeded,
  registrationErrorTarget,
  registrationFieldMessage,
  sessionMessage,
  validateRegistration,
  type RegistrationValues,
} from "../../../web/src/webinars/registration-form";
import { text } from "../../../web/src/shared/page-text";

const entry = (email: string, name = "") => ({ email, name });
const values = (extra: Partial<RegistrationValues> = {}): RegistrationValues => ({
  name: " Wendy Webinar ",
  email: " wendy@webco.example ",
  company: " WebCo ",
  phone: " +49 30 1234567 ",
  colleagues: [entry(""), entry("ann@webco.example", " Ann Lee ")],
  timeZone: "Europe/Berlin",
  language: "",
  consent: true,
  smsConsent: false,
  ...extra,
});

describe("validateRegistration", () => {
  it("accepts a complete form", () => {
    expect(validateRegistration(values())).toEqual([]);
  });

  it("names each missing or malformed field in page order, colleagues by input", () => {
    const problems = validateRegistration(values({ name: " ", email: "wendy@", colleagues: [entry("ok@webco.example"), entry("nope"), entry(" ", "Bo Berg")], consent: false }));
    expect(problems).toEqual([
      { field: "name", message: "Please enter your name." },
      { field: "email", message: "Please enter a valid e-mail address, like name@company.com." },
      { field: "colleagues", index: 1, part: "email", message: "Please enter a valid e-mail address, like name@company.com." },
      { field: "colleagues", index: 2, part: "email", message: "Please enter Bo Berg's work e-mail, or remove this colleague." },
      { field: "consent", message: registrationConsentNeeded() },
    ]);
    expect(validateRegistration(values({ email: "" }))[0]).toEqual({ field: "email", message: "Please enter your work e-mail." });
  });

  it("'Text me reminders' without a phone asks for the phone, next to the box", () => {
    expect(validateRegistration(values({ phone: " ", smsConsent: true }))).toEqual([{ field: "smsConsent", message: text("check.smsNeedsPhone") }]);
    expect(validateRegistration(values({ smsConsent: true }))).toEqual([]);
    expect(registrationFieldMessage({ field: "smsConsent" }, "smsConsent needs a phone number to text.")).toBe(text("check.smsNeedsPhone"));
    expect(registrationErrorTarget("smsConsent")).toEqual({ kind: "field", field: "smsConsent" });
  });

  it("does not let the registrant list themselves as a colleague", () => {
    expect(validateRegistration(values({ colleagues: [entry("WENDY@webco.example")] }))).toEqual([
      { field: "colleagues", index: 0, part: "email", message: "This person is already registered here." },
    ]);
  });
});

describe("registrationBody", () => {
  it("sends trimmed details, only the colleagues typed (with the name given for each), and consent", () => {
    expect(registrationBody(values())).toEqual({
      name: "Wendy Webinar",
      email: "wendy@webco.example",
      company: "WebCo",
      phone: "+49 30 1234567",
      timeZone: "Europe/Berlin",
      colleagues: [{ email: "ann@webco.example", name: "Ann Lee" }],
      consent: true,
    });
    expect(registrationBody(values({ colleagues: [entry(" bo@webco.example ", "  ")] })).colleagues).toEqual([{ email: "bo@webco.example" }]);
  });

  it("leaves out an empty company, an empty phone and no colleagues, and asks for the waitlist only when chosen", () => {
    const body = registrationBody(values({ company: "", phone: " ", colleagues: [entry(""), entry(" ", " ")] }), true);
    expect(body).toEqual({ name: "Wendy Webinar", email: "wendy@webco.example", timeZone: "Europe/Berlin", waitlist: true, consent: true });
    expect("waitlist" in registrationBody(values())).toBe(false);
  });

  it("sends smsConsent: true only when the box is ticked (texts are opt-in)", () => {
    expect(registrationBody(values({ smsConsent: true })).smsConsent).toBe(true);
    expect("smsConsent" in registrationBody(values())).toBe(false);
  });

  it("sends the form's language (the page's and the e-mails'), when it names one", () => {
    expect(registrationBody(values({ language: "es" })).language).toBe("es");
    expect("language" in registrationBody(values({ language: "" }))).toBe(false);
  });
});

describe("registrationErrorTarget", () => {
  it("puts field errors by their field, a colleague's by its input, a session's above the list", () => {
    expect(registrationErrorTarget("email")).toEqual({ kind: "field", field: "email" });
    expect(registrationErrorTarget("consent")).toEqual({ kind: "field", field: "consent" });
    expect(registrationErrorTarget("colleagues[1]", [0, 3])).toEqual({ kind: "field", field: "colleagues", index: 3, part: "email" });
    expect(registrationErrorTarget("colleagues[1].email", [0, 3])).toEqual({ kind: "field", field: "colleagues", index: 3, part: "email" });
    expect(registrationErrorTarget("colleagues[0].name", [2])).toEqual({ kind: "field", field: "colleagues", index: 2, part: "name" });
    expect(registrationErrorTarget("colleagues", [0])).toEqual({ kind: "field", field: "colleagues" });
    expect(registrationErrorTarget("sessionId")).toEqual({ kind: "session" });
    // Fields this form does not have (the API shares them with the demo form) cannot be fixed here.
    expect(registrationErrorTarget("country")).toEqual({ kind: "general" });
    expect(registrationErrorTarget("phone")).toEqual({ kind: "field", field: "phone" });
    expect(registrationErrorTarget(undefined)).toEqual({ kind: "general" });
  });
});

describe("registrationFieldMessage", () => {
  it("turns the API's field paths into the labels people see", () => {
    expect(registrationFieldMessage({ field: "colleagues", index: 2 }, "colleagues[2] is not a valid address.")).toBe("E-mail is not a valid address.");
    expect(registrationFieldMessage({ field: "colleagues", index: 2, part: "email" }, "colleagues[2].email is not a valid address.")).toBe("E-mail is not a valid address.");
    expect(registrationFieldMessage({ field: "colleagues", index: 0, part: "name" }, "colleagues[0].name must be a single line of name.")).toBe("Name must be a single line of name.");
    expect(registrationFieldMessage({ field: "email" }, "E-mail is not a valid address.")).toBe("E-mail is not a valid address.");
    expect(registrationFieldMessage({ field: "name" }, "name is required")).toBe("Name is required.");
    expect(registrationFieldMessage({ field: "consent" }, "Consent must be given")).toBe(registrationConsentNeeded());
  });

  it("words the colleague limit as advice", () => {
    expect(registrationFieldMessage({ field: "colleagues" }, "colleagues can list at most 10 colleagues.")).toBe("You can invite at most 10 colleagues here.");
    expect(registrationFieldMessage({ field: "colleagues" }, "colleagues can list at most 1 more colleague.")).toBe("You can invite at most 1 more colleague here.");
  });
});

describe("apiProblems", () => {
  it("takes every field of a 422, else the error itself", () => {
    const fields = [
      { field: "name", message: "Name is required." },
      { field: "colleagues[0]", message: "colleagues[0] is not a valid address." },
    ];
    expect(apiProblems({ code: "invalid_input", message: "Name is required.", field: "name", details: { fields } })).toEqual(fields);
    expect(apiProblems({ code: "not_found", message: "There is no such webinar session." })).toEqual([{ message: "There is no such webinar session." }]);
    expect(apiProblems({ code: "x", message: "m", field: "email", details: { fields: [{ nonsense: true }] } })).toEqual([{ field: "email", message: "m" }]);
  });
});

describe("sessionMessage", () => {
  it("makes the API's sessionId fragment a sentence about the session", () => {
    expect(sessionMessage("sessionId is closed for registration (it is too close to the start, over, or cancelled).")).toBe(
      "This session is closed for registration (it is too close to the start, over, or cancelled).",
    );
    expect(sessionMessage("There is no such webinar session")).toBe("There is no such webinar session.");
  });
});
