// Tests: the prospect's and the rep's invitation, each parsed back as a real e-mail and calendar.
import { describe, it, expect } from "vitest";
import ICAL from "ical.js";
import PostalMime from "postal-mime";
import type { Email } from "postal-mime";
import { composeInvitation } from "../../../functions/core/bookings/invitation";
import type { InvitationInput } from "../../../functions/core/bookings/invitation";

const JOIN = "https://meet.example.com/liveline/abc-defg-hij";
const MANAGE = "https://demo.acme.example/manage/b-123?token=tok_456";

function input(recipient: "prospect" | "rep", overrides: Partial<InvitationInput> = {}): InvitationInput {
  return {
    recipient,
    now: new Date("2026-11-20T09:15:00Z"),
    company: { name: "Acme" },
    sender: { name: "Acme Demos", email: "demos@acme.example" },
    offering: { title: "Live product demo", description: "A 30-minute tour of Acme.", durationMinutes: 30 },
    booking: {
      id: "b-123",
      start: new Date("2026-12-01T16:00:00Z"),
      end: new Date("2026-12-01T16:30:00Z"),
      icalUid: "3f1c9a52-0d1e-4c1b-9a8e-5b7f2d6c4e10@acme.example",
      sequence: 0,
      joinUrl: JOIN,
      manageUrl: MANAGE,
      notes: "Prefers to see the API first",
    },
    prospect: {
      name: "Jane Doe",
      email: "jane@globex.example",
      phone: "+13125550142",
      company: "Globex",
      teamSize: 25,
      interest: "Reporting & exports",
      timeZone: "America/Chicago",
    },
    rep: { name: "Maya Lopez", email: "maya@acme.example", phone: "+493012345678", timeZone: "Europe/Berlin" },
    ...overrides,
  };
}

interface Parsed {
  email: Email;
  text: string;
  html: string;
  /** The text/calendar part of the message, decoded. */
  calendarPart: string;
  vevent: ICAL.Component;
  method: unknown;
}

async function parse(raw: string): Promise<Parsed> {
  const email = await new PostalMime().parse(raw);
  const part = email.attachments.find((a) => a.mimeType === "text/calendar");
  if (!part) throw new Error("no text/calendar part");
  const calendarPart = new TextDecoder().decode(part.content as ArrayBuffer);
  const calendar = new ICAL.Component(ICAL.parse(calendarPart));
  const events = calendar.getAllSubcomponents("vevent");
  expect(events).toHaveLength(1);
  return {
    email,
    text: email.text ?? "",
    html: email.html ?? "",
    calendarPart,
    vevent: events[0]!,
    method: calendar.getFirstPropertyValue("method"),
  };
}

/** Everything a reader can see in the message: decoded bodies and the calendar. */
function visible(parsed: Parsed): string {
  return [parsed.email.subject, parsed.text, parsed.html, parsed.calendarPart].join("\n");
}

describe("composeInvitation: the prospect's message", () => {
  const composed = composeInvitation(input("prospect"));

  it("goes to the prospect, from the sender, with replies to the rep", async () => {
    const { email } = await parse(composed.raw);
    expect(composed.to).toBe("jane@globex.example");
    expect(email.to).toEqual([{ name: "Jane Doe", address: "jane@globex.example" }]);
    expect(email.from).toEqual({ name: "Acme Demos", address: "demos@acme.example" });
    expect(email.replyTo).toEqual([{ name: "Maya Lopez", address: "maya@acme.example" }]);
    expect(email.messageId).toMatch(/^<b-123\.prospect\.[0-9a-z]+\.0@acme\.example>$/);
    expect(email.date).toBe("2026-11-20T09:15:00.000Z");
  });

  it("shows the time in the prospect's zone, with the rep's first name, in the subject", async () => {
    const subject = "Confirmed: Live product demo with Maya — Tue, Dec 1, 10:00 AM (America/Chicago)";
    expect(composed.subject).toBe(subject);
    expect((await parse(composed.raw)).email.subject).toBe(subject);
  });

  it("invites the prospect alone, organised by the sender", async () => {
    const { vevent, method, calendarPart } = await parse(composed.raw);
    // postal-mime hands text parts back with LF line ends; the exact CRLF bytes are checked in mime-message.test.ts.
    expect(calendarPart).toBe(composed.calendar.replace(/\r\n/g, "\n"));
    expect(method).toBe("REQUEST");
    const attendees = vevent.getAllProperties("attendee");
    expect(attendees).toHaveLength(1);
    expect(attendees[0]!.getFirstValue()).toBe("mailto:jane@globex.example");
    expect(attendees[0]!.getParameter("cn")).toBe("Jane Doe");
    expect(vevent.getFirstProperty("organizer")!.getFirstValue()).toBe("mailto:demos@acme.example");
    expect(vevent.getFirstPropertyValue("uid")).toBe("3f1c9a52-0d1e-4c1b-9a8e-5b7f2d6c4e10@acme.example");
    expect(vevent.getFirstPropertyValue("sequence")).toBe(0);
    expect(vevent.getFirstPropertyValue("summary")).toBe("Live product demo — Acme");
    expect(vevent.getFirstProperty("dtstamp")!.toJSON()[3]).toBe("2026-11-20T09:15:00Z");
    expect(vevent.getFirstProperty("dtstart")!.toJSON()[3]).toBe("2026-12-01T16:00:00Z");
    expect((vevent.getFirstSubcomponent("valarm")!.getFirstPropertyValue("trigger") as ICAL.Duration).toSeconds()).toBe(-900);
  });

  it("puts the join and manage links in the calendar description", async () => {
    const description = String((await parse(composed.raw)).vevent.getFirstPropertyValue("description"));
    expect(description).toContain(JOIN);
    expect(description).toContain(MANAGE);
  });

  it("says when (prospect's zone), who, where to join, how to reschedule and what they asked to see", async () => {
    const { text, html } = await parse(composed.raw);
    expect(text).toContain("Hi Jane,");
    expect(text).toContain("When: Tuesday, December 1, 2026, 10:00 AM – 10:30 AM (America/Chicago)");
    expect(text).toContain("Who: Maya from Acme");
    expect(text).toContain(`Join: ${JOIN}`);
    expect(text).toContain(`Need another time? Reschedule or cancel: ${MANAGE}`);
    expect(text).toContain("You asked to see: Reporting & exports");
    expect(html).toContain(`<a href="${JOIN}">${JOIN}</a>`);
    // A button in the HTML part (the long signed link stays out of the visible text); the text part keeps the address.
    expect(html).toMatch(new RegExp(`<a href="${MANAGE.replace(/[?.]/g, "\\$&")}" class="ll-button" style="[^"]*">Need another time\\? Reschedule or cancel</a>`));
    expect(html).not.toContain(`>${MANAGE}</a>`);
    expect(html).toContain("Reporting &amp; exports");
  });
});

describe("composeInvitation: the rep's message", () => {
  const composed = composeInvitation(input("rep"));

  it("goes to the rep, from the sender", async () => {
    const { email } = await parse(composed.raw);
    expect(composed.to).toBe("maya@acme.example");
    expect(email.to).toEqual([{ name: "Maya Lopez", address: "maya@acme.example" }]);
    expect(email.from).toEqual({ name: "Acme Demos", address: "demos@acme.example" });
    expect(email.messageId).toMatch(/^<b-123\.rep\.[0-9a-z]+\.0@acme\.example>$/);
  });

  it("shows the time in the rep's zone in the subject", async () => {
    const subject = "New demo: Jane Doe (Globex) — Tue, Dec 1, 5:00 PM GMT+1";
    expect(composed.subject).toBe(subject);
    expect((await parse(composed.raw)).email.subject).toBe(subject);
  });

  it("uses the US abbreviation when the rep's zone has one", () => {
    const rep = { name: "Sam Lee", email: "sam@acme.example", timeZone: "America/Chicago" };
    expect(composeInvitation(input("rep", { rep })).subject).toBe("New demo: Jane Doe (Globex) — Tue, Dec 1, 10:00 AM CST");
  });

  it("invites the rep alone, organised by the sender, with the prospect in the summary", async () => {
    const { vevent, method } = await parse(composed.raw);
    expect(method).toBe("REQUEST");
    const attendees = vevent.getAllProperties("attendee");
    expect(attendees).toHaveLength(1);
    expect(attendees[0]!.getFirstValue()).toBe("mailto:maya@acme.example");
    expect(vevent.getFirstProperty("organizer")!.getFirstValue()).toBe("mailto:demos@acme.example");
    expect(vevent.getFirstPropertyValue("summary")).toBe("Live product demo: Jane Doe (Globex)");
    expect(vevent.getFirstPropertyValue("uid")).toBe("3f1c9a52-0d1e-4c1b-9a8e-5b7f2d6c4e10@acme.example");
    expect(String(vevent.getFirstPropertyValue("description"))).toContain(JOIN);
  });

  it("tells the rep who is coming, what they want, and their local time", async () => {
    const { text, html } = await parse(composed.raw);
    expect(text).toContain("When: Tuesday, December 1, 2026, 5:00 PM – 5:30 PM (Europe/Berlin)");
    expect(text).toContain("Their local time: Tuesday, December 1, 2026, 10:00 AM – 10:30 AM (America/Chicago)");
    expect(text).toContain("Name: Jane Doe");
    expect(text).toContain("Company: Globex");
    expect(text).toContain("E-mail: jane@globex.example");
    expect(text).toContain("Phone: +13125550142");
    expect(text).toContain("Team size: 25");
    expect(text).toContain("Wants to see: Reporting & exports");
    expect(text).toContain("Notes: Prefers to see the API first");
    expect(text).toContain(`Join: ${JOIN}`);
    expect(html).toContain('<a href="tel:+13125550142">+13125550142</a>');
    expect(html).toContain('<a href="mailto:jane@globex.example">jane@globex.example</a>');
  });

  it("does not carry the prospect's manage link", async () => {
    expect(visible(await parse(composed.raw))).not.toContain(MANAGE);
    expect(composed.calendar).not.toContain("manage");
  });

  it("leaves out what the prospect did not give", async () => {
    const prospect = { name: "Jane Doe", email: "jane@globex.example", timeZone: "America/Chicago" };
    const bare = composeInvitation(input("rep", { prospect, booking: { ...input("rep").booking, notes: undefined } }));
    expect(bare.subject).toBe("New demo: Jane Doe — Tue, Dec 1, 5:00 PM GMT+1");
    const { text, vevent } = await parse(bare.raw);
    for (const label of ["Company:", "Phone:", "Team size:", "Wants to see:", "Notes:"]) expect(text).not.toContain(label);
    expect(vevent.getFirstPropertyValue("summary")).toBe("Live product demo: Jane Doe");
  });
});

describe("composeInvitation: safety", () => {
  const hostile = {
    ...input("prospect").prospect,
    name: '<script>alert("x")</script> Doe',
    interest: "<img src=x onerror=alert(1)>",
  };

  it.each(["prospect", "rep"] as const)("escapes the prospect's text in the %s's HTML", async (recipient) => {
    const { html, email } = await parse(composeInvitation(input(recipient, { prospect: hostile })).raw);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    if (recipient === "rep") expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Doe");
    else expect(html).toContain("Hi &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;,");
    expect(email.headers.map((h) => h.key)).not.toContain("bcc");
  });

  it("refuses to send an invitation organised by its own recipient", () => {
    const rep = { name: "Acme Demos", email: "Demos@Acme.example", timeZone: "Europe/Berlin" };
    expect(() => composeInvitation(input("rep", { rep }))).toThrow(/ORGANIZER/);
  });

  it("refuses an unknown time zone instead of printing an invalid date", () => {
    const prospect = { ...input("prospect").prospect, timeZone: "Mars/Olympus_Mons" };
    expect(() => composeInvitation(input("prospect", { prospect }))).toThrow(RangeError);
  });

  it("keeps the UID and raises the SEQUENCE in the message id on a reschedule", async () => {
    const booking = { ...input("prospect").booking, sequence: 2, start: new Date("2026-12-02T15:00:00Z"), end: new Date("2026-12-02T15:30:00Z") };
    const composed = composeInvitation(input("prospect", { booking }));
    const { email, vevent } = await parse(composed.raw);
    expect(email.messageId).toMatch(/^<b-123\.prospect\.[0-9a-z]+\.2@acme\.example>$/);
    expect(vevent.getFirstPropertyValue("uid")).toBe("3f1c9a52-0d1e-4c1b-9a8e-5b7f2d6c4e10@acme.example");
    expect(vevent.getFirstPropertyValue("sequence")).toBe(2);
    expect(composed.subject).toBe("Confirmed: Live product demo with Maya — Wed, Dec 2, 9:00 AM (America/Chicago)");
  });

  it("gives the two reps of a two-pool demo different Message-IDs and names the other participant", () => {
    const rep = composeInvitation({ ...input("rep"), cohost: { name: "Sam Lee", label: "Solutions engineer" } });
    const second = composeInvitation({
      ...input("rep"),
      rep: { name: "Sam Lee", email: "sam@acme.example", timeZone: "Europe/Berlin" },
      cohost: { name: "Maya Johnson", label: "Account executive" },
    });
    const idOf = (raw: string) => /^Message-ID: (.+)$/m.exec(raw)![1];
    expect(idOf(rep.raw)).not.toBe(idOf(second.raw));
    expect(rep.raw).toContain("Sam Lee (Solutions engineer)");
    const prospect = composeInvitation({ ...input("prospect"), cohost: { name: "Sam Lee", label: "Solutions engineer" } });
    expect(prospect.calendar.replace(/\r\n /g, "")).toContain("and Sam (Solutions engineer)");
  });
});

describe("composeInvitation: reschedule (update) and cancel", () => {
  const UID = "3f1c9a52-0d1e-4c1b-9a8e-5b7f2d6c4e10@acme.example";
  const moved = { ...input("prospect").booking, sequence: 1, start: new Date("2026-12-02T15:00:00Z"), end: new Date("2026-12-02T15:30:00Z") };
  const cancelled = { ...input("prospect").booking, sequence: 2 };

  /** postal-mime's MIME tree, for the `method=` parameter of the calendar part (item 2). */
  interface Node {
    contentType: { parsed: { value: string; params: Record<string, string> } };
    childNodes: Node[];
  }

  async function calendarPartMethod(raw: string): Promise<string | undefined> {
    const parser = new PostalMime();
    await parser.parse(raw);
    const root = (parser as unknown as { root: Node }).root;
    const alternative = root.childNodes[0]!;
    const part = alternative.childNodes.find((node) => node.contentType.parsed.value === "text/calendar");
    return part?.contentType.parsed.params.method;
  }

  function expectWellFormed(raw: string): void {
    expect(raw.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of raw.split("\r\n")) expect(line.length).toBeLessThanOrEqual(998);
  }

  describe("update", () => {
    const update = (recipient: "prospect" | "rep", overrides: Partial<InvitationInput> = {}) =>
      composeInvitation(input(recipient, { change: "update", booking: moved, previousStart: new Date("2026-12-01T16:00:00Z"), ...overrides }));

    it("is a REQUEST with the same UID, the SEQUENCE given, confirmed, with its alarm", async () => {
      const composed = update("prospect");
      const { vevent, method } = await parse(composed.raw);
      expect(method).toBe("REQUEST");
      expect(await calendarPartMethod(composed.raw)).toBe("REQUEST");
      expect(vevent.getFirstPropertyValue("uid")).toBe(UID);
      expect(vevent.getFirstPropertyValue("sequence")).toBe(1);
      expect(vevent.getFirstPropertyValue("status")).toBe("CONFIRMED");
      expect(vevent.getFirstProperty("dtstart")!.toJSON()[3]).toBe("2026-12-02T15:00:00Z");
      expect(vevent.getAllSubcomponents("valarm")).toHaveLength(1);
      expectWellFormed(composed.raw);
    });

    it("tells the prospect the time changed, in their zone, with the join and manage links", async () => {
      const composed = update("prospect");
      expect(composed.subject).toBe("Updated: Live product demo with Maya — Wed, Dec 2, 9:00 AM (America/Chicago)");
      const { email, text, html } = await parse(composed.raw);
      expect(email.subject).toBe(composed.subject);
      expect(text).toContain("Your Live product demo has moved to a new time.");
      expect(text).toContain("When: Wednesday, December 2, 2026, 9:00 AM – 9:30 AM (America/Chicago)");
      expect(text).toContain("Previously: Tuesday, December 1, 2026, 10:00 AM (America/Chicago)");
      expect(text).toContain(`Join: ${JOIN}`);
      expect(text).toContain(`Need another time? Reschedule or cancel: ${MANAGE}`);
      // A button in the HTML part (the long signed link stays out of the visible text); the text part keeps the address.
    expect(html).toMatch(new RegExp(`<a href="${MANAGE.replace(/[?.]/g, "\\$&")}" class="ll-button" style="[^"]*">Need another time\\? Reschedule or cancel</a>`));
    expect(html).not.toContain(`>${MANAGE}</a>`);
      expect(email.messageId).toMatch(/^<b-123\.prospect\.[0-9a-z]+\.update\.1@acme\.example>$/);
    });

    it("tells the rep, in the rep's zone", async () => {
      const composed = update("rep");
      expect(composed.subject).toBe("Updated: Jane Doe (Globex) — Wed, Dec 2, 4:00 PM GMT+1");
      const { text, method } = await parse(composed.raw);
      expect(method).toBe("REQUEST");
      expect(text).toContain("Rescheduled: Live product demo");
      expect(text).toContain("When: Wednesday, December 2, 2026, 4:00 PM – 4:30 PM (Europe/Berlin)");
      expect(text).toContain("Previously: Tuesday, December 1, 2026, 5:00 PM (Europe/Berlin)");
      expect(text).toContain("Phone: +13125550142");
    });

    it("leaves out the old time when it is not given", async () => {
      const { text } = await parse(update("prospect", { previousStart: undefined }).raw);
      expect(text).not.toContain("Previously");
    });
  });

  describe("cancel", () => {
    const cancel = (recipient: "prospect" | "rep", overrides: Partial<InvitationInput> = {}) =>
      composeInvitation(input(recipient, { change: "cancel", booking: cancelled, cancelReason: "Our <b>rep</b> is ill", ...overrides }));

    it.each(["prospect", "rep"] as const)("is a CANCEL to the %s: same UID, higher SEQUENCE, CANCELLED, organiser and the one attendee, no alarm", async (recipient) => {
      const composed = cancel(recipient);
      const { vevent, method } = await parse(composed.raw);
      expect(method).toBe("CANCEL");
      expect(await calendarPartMethod(composed.raw)).toBe("CANCEL");
      expect(vevent.getFirstPropertyValue("uid")).toBe(UID);
      expect(vevent.getFirstPropertyValue("sequence")).toBe(2);
      expect(vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
      expect(vevent.getFirstProperty("organizer")!.getFirstValue()).toBe("mailto:demos@acme.example");
      const attendees = vevent.getAllProperties("attendee");
      expect(attendees).toHaveLength(1);
      expect(attendees[0]!.getFirstValue()).toBe(`mailto:${composed.to}`);
      expect(vevent.getAllSubcomponents("valarm")).toHaveLength(0);
      expect(composed.calendar).not.toContain("VALARM");
      expectWellFormed(composed.raw);
    });

    it("tells the prospect it was cancelled, why (escaped), and where to book again", async () => {
      const composed = cancel("prospect", { rebookUrl: "https://demo.acme.example/?offering=demo" });
      expect(composed.subject).toBe("Cancelled: Live product demo with Maya — Tue, Dec 1, 10:00 AM (America/Chicago)");
      const { email, text, html } = await parse(composed.raw);
      expect(email.subject).toBe(composed.subject);
      expect(text).toContain("Your Live product demo with Maya from Acme is cancelled.");
      expect(text).toContain("Was: Tuesday, December 1, 2026, 10:00 AM – 10:30 AM (America/Chicago)");
      expect(text).toContain("Reason: Our <b>rep</b> is ill");
      expect(html).toContain("Reason: Our &lt;b&gt;rep&lt;/b&gt; is ill");
      expect(text).toContain("Book another time: https://demo.acme.example/?offering=demo");
      expect(text).not.toContain(MANAGE);
      expect(text).not.toContain(`Join: ${JOIN}`);
      expect(email.messageId).toMatch(/^<b-123\.prospect\.[0-9a-z]+\.cancel\.2@acme\.example>$/);
    });

    it("offers no rebook line without a rebook link, and no reason line without a reason", async () => {
      const { text } = await parse(cancel("prospect", { cancelReason: undefined }).raw);
      expect(text).not.toContain("Book another time");
      expect(text).not.toContain("Reason:");
    });

    it("tells the rep which demo is off, in both zones", async () => {
      const composed = cancel("rep");
      expect(composed.subject).toBe("Cancelled: Jane Doe (Globex) — Tue, Dec 1, 5:00 PM GMT+1");
      const { text } = await parse(composed.raw);
      expect(text).toContain("Cancelled: Live product demo");
      expect(text).toContain("Was: Tuesday, December 1, 2026, 5:00 PM – 5:30 PM (Europe/Berlin)");
      expect(text).toContain("Their local time: Tuesday, December 1, 2026, 10:00 AM – 10:30 AM (America/Chicago)");
      expect(text).toContain("Reason: Our <b>rep</b> is ill");
      expect(text).toContain("Name: Jane Doe");
    });
  });

  it("gives each change its own Message-ID, per recipient and SEQUENCE", () => {
    const idOf = (raw: string) => /^Message-ID: (.+)$/m.exec(raw)![1];
    const ids = [
      composeInvitation(input("prospect")),
      composeInvitation(input("prospect", { change: "update", booking: moved })),
      composeInvitation(input("prospect", { change: "cancel", booking: moved })),
      composeInvitation(input("prospect", { change: "cancel", booking: cancelled })),
      composeInvitation(input("rep", { change: "cancel", booking: cancelled })),
    ].map((composed) => idOf(composed.raw));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(["update", "cancel"] as const)("refuses an %s whose SEQUENCE was not raised", (change) => {
    expect(() => composeInvitation(input("prospect", { change }))).toThrow(RangeError);
  });
});

describe("composeInvitation: in the prospect's language", () => {
  const inGerman = (overrides: Partial<InvitationInput> = {}) => input("prospect", { ...overrides, prospect: { ...input("prospect").prospect, locale: "de" } });

  it("writes a German prospect's invitation in German, dates by Intl in their zone", async () => {
    const composed = composeInvitation(inGerman());
    expect(composed.subject).toBe("Bestätigt: Live product demo mit Maya — Di., 1. Dez., 10:00 (America/Chicago)");
    const parsed = await parse(composed.raw);
    expect(parsed.email.subject).toBe(composed.subject);
    expect(parsed.text).toContain("Hallo Jane,\n\nIhr Termin „Live product demo“ ist bestätigt.");
    expect(parsed.text).toContain("Wann: Dienstag, 1. Dezember 2026 um 10:00 – 10:30 (America/Chicago)");
    expect(parsed.text).toContain("Mit: Maya von Acme");
    expect(parsed.text).toContain(`Passt die Zeit nicht mehr? Verschieben oder absagen: ${MANAGE}`);
    expect(parsed.text).toContain("Ihr Wunschthema: Reporting & exports");
    expect(parsed.html).toContain("Ihr Termin „Live product demo“ ist bestätigt.");
    const description = String(parsed.vevent.getFirstPropertyValue("description"));
    expect(description).toContain("Mit Maya von Acme");
    expect(description).toContain(`Teilnehmen: ${JOIN}`);
    expect(visible(parsed)).not.toMatch(/Confirmed|Need another time|When:/);
  });

  it("writes a reschedule and a cancellation in the same language", async () => {
    const booking = { ...input("prospect").booking, sequence: 1 };
    const moved = await parse(composeInvitation(inGerman({ change: "update", booking, previousStart: new Date("2026-11-30T16:00:00Z") })).raw);
    expect(moved.email.subject).toMatch(/^Verschoben: Live product demo mit Maya — Di\., 1\. Dez\., 10:00/);
    expect(moved.text).toContain("Vorher: Montag, 30. November 2026 um 10:00 (America/Chicago)");
    const cancelled = await parse(composeInvitation(inGerman({ change: "cancel", booking, cancelReason: "Budget eingefroren", rebookUrl: "https://demo.acme.example/" })).raw);
    expect(cancelled.email.subject).toMatch(/^Abgesagt: Live product demo mit Maya/);
    expect(cancelled.text).toContain("Ihr Termin „Live product demo“ mit Maya von Acme ist abgesagt.");
    expect(cancelled.text).toContain("Grund: Budget eingefroren");
    expect(cancelled.text).toContain("Neuen Termin buchen: https://demo.acme.example/");
  });

  it("writes French and Spanish, and English for a prospect with no language", async () => {
    const french = composeInvitation(input("prospect", { prospect: { ...input("prospect").prospect, locale: "fr" } }));
    expect(french.subject).toBe("Confirmé : Live product demo avec Maya — mar. 1 déc., 10:00 (America/Chicago)");
    const spanish = await parse(composeInvitation(input("prospect", { prospect: { ...input("prospect").prospect, locale: "es" } })).raw);
    expect(spanish.email.subject).toBe("Cita confirmada: Live product demo con Maya — mar, 1 dic, 10:00 (America/Chicago)");
    expect(spanish.text).toContain("Hola, Jane:\n\nSu cita «Live product demo» está confirmada.");
    expect(composeInvitation(input("prospect")).subject).toMatch(/^Confirmed: /);
  });

  it("keeps the rep's invitation in English whatever the prospect reads", () => {
    expect(composeInvitation({ ...inGerman(), recipient: "rep" }).subject).toMatch(/^New demo: Jane Doe \(Globex\)/);
  });
});
