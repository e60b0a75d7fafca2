// Tests: the mail Liveline writes to reps and managers in the rep's `language` (config reps[].language) — the
// prep note, call prompts (after a demo, a retry, "Call me now"), the complaint alert, the escalation, the
// sign-in e-mail, the weekly digest, the rep's copy of a booking's invitation (new, moved, cancelled) and a
// webinar host's attendee list — each parsed back; dates by Intl in that language, English unchanged
// (test/core/bookings/lifecycle-messages.test.ts and the others keep the English wording).
import { describe, expect, it } from "vitest";
import { insightsFigures } from "../../../functions/core/insights/insights-report";
import { composeInvitation, type InvitationInput } from "../../../functions/core/bookings/invitation";
import { composeCallPrompt, composeComplaintAlert, composeEscalation, composePrepNote } from "../../../functions/core/bookings/lifecycle-messages";
import { composeHostAttendeeList } from "../../../functions/core/webinars/webinar-messages";
import type { CallPromptInput, DemoView, MessageContext } from "../../../functions/core/bookings/lifecycle-messages";
import { composeSignInEmail } from "../../../functions/core/access/sign-in-message";
import { timeForRep } from "../../../functions/core/calls/rep-facing-time";
import { composeWeeklyDigest } from "../../../functions/core/insights/weekly-digest";
import { parseEmail as parse } from "../../support/parsed-email";

const START = new Date("2026-12-01T16:00:00Z");
const END = new Date("2026-12-01T16:30:00Z");
const context = (now: Date): MessageContext => ({ now, company: { name: "Acme" }, sender: { name: "Acme Demos", email: "demos@acme.example" } });
const prospect = { name: "Jane Doe", email: "jane@globex.example", phone: "+13125550199", company: "Globex", teamSize: 25, timeZone: "Europe/Paris" };

function demo(language: "de" | "fr" | "es"): DemoView {
  return {
    id: "b-1",
    start: START,
    end: END,
    offeringTitle: "Live-Demo",
    joinUrl: "https://meet.example.com/abc",
    manageUrl: "https://demo.acme.example/manage.html?booking=b-1#token=t",
    prospect,
    rep: { name: "Lukas Becker", email: "lukas@acme.example", timeZone: "Europe/Berlin", language },
  };
}

function prompt(language: "de" | "fr" | "es", overrides: Partial<CallPromptInput> = {}): CallPromptInput {
  return {
    lead: { ...prospect },
    rep: { name: "Lukas Becker", email: "lukas@acme.example", timeZone: "Europe/Berlin", language },
    attempt: 1,
    attemptsInAll: 3,
    reason: "after-demo",
    demo: { start: START, end: END, offeringTitle: "Live-Demo" },
    outcomeLinks: [{ label: "Erreicht", url: "https://demo.acme.example/outcome.html#token=o1" }],
    promptId: "pr-1",
    ...overrides,
  };
}

describe("mail to a rep in the rep's language", () => {
  it("a German rep's prep note: the countdown, both zones' times in German, the contact labels", async () => {
    const composed = composePrepNote(context(new Date(START.getTime() - 15 * 60_000)), demo("de"));
    expect(composed.subject).toBe("In 15 Minuten: Jane Doe (Globex)");
    const { text } = await parse(composed.raw);
    expect(text).toContain("Ihre Live-Demo mit Jane Doe (Globex) beginnt in 15 Minuten.");
    expect(text).toContain("Wann: Dienstag, 1. Dezember 2026 um 17:00 – 17:30 (Europe/Berlin)");
    expect(text).toContain("Ortszeit der Person: Dienstag, 1. Dezember 2026 um 17:00 – 17:30 (Europe/Paris)");
    for (const line of ["Firma: Globex", "E-Mail: jane@globex.example", "Telefon: +1 312 555 0199", "Teamgröße: 25"]) expect(text).toContain(line);
    expect(text).not.toMatch(/Their local time|Company:|Team size/);
  });

  it("a German rep's call prompt after a demo: the number, why, whose time is whose, the outcome question", async () => {
    const composed = composeCallPrompt(context(new Date(END.getTime() + 5 * 60_000)), prompt("de", { attendanceLinks: [{ label: "Teilgenommen", url: "https://demo.acme.example/outcome.html#token=a1" }] }));
    expect(composed.subject).toBe("Rufen Sie Jane Doe jetzt an: +1 312 555 0199");
    const { text } = await parse(composed.raw);
    expect(text.split("\n")[0]).toBe("Rufen Sie Jane jetzt an unter +1 312 555 0199");
    expect(text).toContain("Ihre Demo mit Jane endete vor 5 Minuten.");
    expect(text).toContain("Versuch 1 von 3.");
    expect(text).toContain("Demo: Live-Demo, Di., 1. Dez., 17:00 Ortszeit von Jane (Europe/Paris) · 17:00 bei Ihnen");
    expect(text).toContain("Ergebnis erfassen:");
    expect(text).toContain("Hat Jane an der Demo teilgenommen?");
  });

  it("a Spanish rep's retry and a French rep's \"Call me now\"", async () => {
    const retry = composeCallPrompt(context(START), prompt("es", { reason: "retry", attempt: 2, lastOutcome: "no_answer", demo: undefined }));
    expect((await parse(retry.raw)).text).toContain("Intento 2 de 3: nadie contestó al último intento.");
    const instant = composeCallPrompt(context(START), prompt("fr", { reason: "instant", attempt: 1, attemptsInAll: 1, demo: undefined, outcomeLinks: [], instant: { consoleUrl: "https://demo.acme.example/console", ringSeconds: 120 } }));
    expect(instant.subject).toBe("Appel immédiat : Jane Doe attend votre appel");
    const { text } = await parse(instant.raw);
    expect(text).toContain("Jane a cliqué sur « Appelez-moi maintenant » sur le site et attend votre appel.");
    expect(text).toContain("Prenez-le dans votre console d’ici 2 minutes (sinon il passe au commercial suivant) : https://demo.acme.example/console");
  });

  it("a Spanish rep's complaint alert and a German manager's escalation", async () => {
    const complaint = composeComplaintAlert(context(END), demo("es"), { rating: 2 });
    expect(complaint.subject).toBe("Queja a atender: Jane Doe valoró la demo con 2/5");
    expect((await parse(complaint.raw)).text).toContain("No dejó comentario.");
    const escalation = composeEscalation(context(new Date(END.getTime() + 3 * 3_600_000)), {
      managerEmail: "chefin@acme.example",
      managerLanguage: "de",
      managerTimeZone: "Europe/Berlin",
      rep: { name: "Maya Lopez", email: "maya@acme.example" },
      lead: { ...prospect },
      attempt: 2,
      promptDueAt: END,
      promptId: "pr-9",
    });
    expect(escalation.subject).toBe("Nicht bearbeitet: Jane Doe anrufen (Maya, Versuch 2)");
    const { text } = await parse(escalation.raw);
    expect(text).toContain("Fällig seit: Dienstag, 1. Dezember 2026 um 17:30 (Europe/Berlin), vor 3 Stunden");
    expect(text).toContain("Bitte haken Sie bei Maya nach oder rufen Sie Jane selbst an:");
  });

  it("a French rep's sign-in e-mail", async () => {
    const composed = composeSignInEmail({ now: START, company: { name: "Acme" }, sender: { name: "Acme", email: "demos@acme.example" }, rep: { name: "Claire Martin", email: "claire@acme.example", language: "fr" }, signInUrl: "https://demo.acme.example/sign-in#token=x" });
    expect(composed.subject).toBe("Votre lien de connexion à la console Acme");
    const { text } = await parse(composed.raw);
    expect(text).toMatch(/^Bonjour Claire,/);
    expect(text).toContain("Se connecter: https://demo.acme.example/sign-in#token=x");
    expect(text).toContain("Ouvrez ce lien pour vous connecter à la console Acme. Il fonctionne une fois, dans les 15 minutes.");
  });

  it("a German manager's weekly digest", async () => {
    const totals = insightsFigures({ requests: 8, booked7d: 2, reached: 4, s3: 1, s7: 2, s12: 1, within1h: 3, demosAttended: 3, noShows: 1, calls: 10, callsReached: 4, converted: 1, webinarRegistered: 5, webinarAttended: 3, webinarStayed: 2 });
    const email = composeWeeklyDigest(context(new Date("2026-11-30T07:00:00Z")), {
      manager: { id: "lukas", name: "Lukas Becker", email: "lukas@acme.example", timeZone: "Europe/Berlin", language: "de" },
      week: { sendDate: "2026-11-30", sendAt: Date.parse("2026-11-30T07:00:00Z"), from: "2026-11-23", to: "2026-11-29" },
      totals,
      reps: [],
      overdue: [{ leadName: "Nora Night", repName: "Maya Johnson", dueAt: "2026-11-27T14:00:00Z" }],
      overdueTotal: 1,
      insightsUrl: "https://demo.acme.example/console/insights",
      queueUrl: "https://demo.acme.example/console#/team",
    });
    expect(email.subject).toBe("Acme, Woche ab 2026-11-23: 8 Anfragen, Erscheinungsquote 75%, Erreichbarkeitsquote 40%");
    const { text } = await parse(email.raw);
    for (const line of ["Hallo Lukas,", "Kontaktanfragen: 8", "Reaktionszeit, Median: innerhalb 15 Min.", "Erscheinungsquote: 75% (3 von 4; 1 nicht erschienen)", "1 Rückruf ist überfällig; am längsten wartet:", "• Nora Night — Maya Johnson, fällig Fr., 27. Nov., 15:00"]) {
      expect(text, line).toContain(line);
    }
  });

  it("names whose time is whose in the rep's language, English by default", () => {
    const at = new Date("2026-12-01T16:00:00Z");
    expect(timeForRep(at, { name: "Jane Doe", timeZone: "Europe/Paris" }, "America/Chicago")).toBe("5:00 PM Jane's time (Europe/Paris) · 10:00 AM yours");
    expect(timeForRep(at, { name: "Jane Doe", timeZone: "Europe/Paris" }, "America/Chicago", { language: "es" })).toBe("17:00 hora de Jane (Europe/Paris) · 10:00 la suya");
  });

  const invitation = (change: "new" | "update" | "cancel", language: "de" | "es"): InvitationInput => ({
    recipient: "rep",
    change,
    now: new Date("2026-11-20T09:15:00Z"),
    company: { name: "Acme" },
    sender: { name: "Acme Demos", email: "demos@acme.example" },
    offering: { title: "Live-Demo", durationMinutes: 30 },
    booking: { id: "b-1", start: START, end: END, icalUid: "u-1@acme.example", sequence: change === "new" ? 0 : 1, joinUrl: "https://meet.example.com/abc", manageUrl: "https://demo.acme.example/manage.html#token=t" },
    prospect: { ...prospect, interest: "Berichte" },
    rep: { name: "Lukas Becker", email: "lukas@acme.example", timeZone: "Europe/Berlin", language },
    cohost: { name: "Sam Specialist", label: "Solutions" },
    ...(change === "update" ? { previousStart: new Date("2026-11-30T16:00:00Z") } : {}),
    ...(change === "cancel" ? { cancelReason: "Terminkonflikt" } : {}),
  });

  it("a German rep's copy of a booking's invitation, its move and its cancellation: subject, lines and the prospect's labels", async () => {
    const made = composeInvitation(invitation("new", "de"));
    expect(made.subject).toBe("Neue Demo: Jane Doe (Globex) — Di., 1. Dez., 17:00 GMT+1");
    const { text } = await parse(made.raw);
    for (const line of ["Neue Buchung: Live-Demo", "Wann: Dienstag, 1. Dezember 2026 um 17:00 – 17:30 (Europe/Berlin)", "Ortszeit der Person: Dienstag, 1. Dezember 2026 um 17:00 – 17:30 (Europe/Paris)", "Mit: Sam Specialist (Solutions)", "Firma: Globex", "Teamgröße: 25"]) expect(text, line).toContain(line);
    expect(text).not.toMatch(/New booking|Their local time|Company:|When:/);
    const moved = composeInvitation(invitation("update", "de"));
    expect(moved.subject).toMatch(/^Verschoben: Jane Doe \(Globex\) — /);
    expect((await parse(moved.raw)).text).toContain("Vorher: ");
    const cancelled = composeInvitation(invitation("cancel", "de"));
    expect(cancelled.subject).toMatch(/^Abgesagt: Jane Doe \(Globex\) — /);
    const cancelText = (await parse(cancelled.raw)).text;
    for (const line of ["Abgesagt: Live-Demo", "Grund: Terminkonflikt"]) expect(cancelText, line).toContain(line);
    expect(cancelText).not.toMatch(/Cancelled|Reason:|Was:/);
  });

  it("a Spanish rep's copy of an invitation, English for a rep without a language", async () => {
    expect(composeInvitation(invitation("new", "es")).subject).toMatch(/^Nueva demo: Jane Doe \(Globex\) — /);
    const { language: _language, ...english } = invitation("new", "es").rep;
    expect(composeInvitation({ ...invitation("new", "es"), rep: english }).subject).toMatch(/^New demo: Jane Doe \(Globex\) — /);
  });

  it("a German host's attendee list: countdown, counts, who is coming and what they want to see", async () => {
    const sessionStart = new Date("2026-12-08T16:00:00Z");
    const list = composeHostAttendeeList(context(new Date(sessionStart.getTime() - 60 * 60_000)), {
      session: { id: "s-1", title: "Produkttour", start: sessionStart, end: new Date("2026-12-08T16:45:00Z"), joinUrl: "https://meet.example.com/s", host: { name: "Lukas Becker", email: "lukas@acme.example" } },
      host: { name: "Lukas Becker", email: "lukas@acme.example", timeZone: "Europe/Berlin", language: "de" },
      attendees: [{ name: "Jane Doe", email: "jane@globex.example", company: "Globex", interest: "Berichte" }],
      waitlisted: 2,
    });
    expect(list.subject).toBe("In 1 Stunde: Produkttour — 1 angemeldet");
    const { text } = await parse(list.raw);
    for (const line of ["Produkttour beginnt in 1 Stunde.", "Angemeldet: 1", "Auf der Warteliste: 2", "Wer kommt:", "• Jane Doe <jane@globex.example>, Globex — möchte sehen: Berichte"]) expect(text, line).toContain(line);
    expect(text).not.toMatch(/Registered|Who is coming|wants to see/);
  });
});
