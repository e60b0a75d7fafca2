// Tests: a webinar session's e-mails — each attendee's own invitation, update and cancel (parsed back with
// postal-mime and ical.js), the waitlist confirmation, reminders, the host's list, replay offer, feedback.
import { describe, it, expect } from "vitest";
import ICAL from "ical.js";
import { header, hrefs, parseEmail as parse, type ParsedEmail as Parsed } from "../../support/parsed-email";
import type { MessageContext } from "../../../functions/core/bookings/lifecycle-messages";
import type { PlainEmail, UnsubscribeLinks } from "../../../functions/core/messages/message-parts";
import {
  composeHostAttendeeList, composeReplayOffer, composeWaitlistConfirmation, composeWebinarFeedbackRequest,
  composeRegistrationReminder, composeWebinarInvitation, composeWebinarReminder,
} from "../../../functions/core/webinars/webinar-messages";
import type { PersonView, SessionView, WebinarInvitationInput } from "../../../functions/core/webinars/webinar-messages";

const JOIN = "https://meet.example.com/liveline/web-inar-123";
const MANAGE = "https://demo.acme.example/registration.html?token=r_123";
const ONE_CLICK = "https://demo.acme.example/api/unsubscribe?token=u_789";
const UNSUBSCRIBE_PAGE = "https://demo.acme.example/unsubscribe.html?token=u_789";
const REPLAY = "https://video.acme.example/replay/s-42";
const BOOK = "https://demo.acme.example/?offering=demo";
const UID = "7c0f1e7a-3b52-4d0c-9d61-0a4f5c2e8b11@acme.example";
const START = new Date("2026-12-08T16:00:00Z");
const END = new Date("2026-12-08T16:45:00Z");
const minutesBefore = (minutes: number) => new Date(START.getTime() - minutes * 60_000);

const session: SessionView = {
  id: "s-42",
  title: "Product tour",
  description: "A 45-minute live tour, with questions at the end.",
  start: START,
  end: END,
  joinUrl: JOIN,
  host: { name: "Maya Lopez", email: "maya@acme.example" },
};
const jane: PersonView = { name: "Jane Doe", email: "jane@globex.example", timeZone: "Europe/London" };
const sam: PersonView = { email: "sam@globex.example", timeZone: "America/Chicago" };

function context(now: Date = new Date("2026-11-20T09:15:00Z")): MessageContext {
  return { now, company: { name: "Acme" }, sender: { name: "Acme Demos", email: "demos@acme.example" } };
}

function invitation(overrides: Partial<WebinarInvitationInput> = {}): WebinarInvitationInput {
  return { session, attendee: jane, uid: UID, sequence: 0, change: "new", manageUrl: MANAGE, ...overrides };
}

/** postal-mime's MIME tree, for the `method=` parameter of the calendar part (item 2). */
interface ParsedInvite extends Parsed {
  calendar: ICAL.Component;
  vevent: ICAL.Component;
  /** The `method=` parameter of the text/calendar part in the first child (where Outlook looks). */
  partMethod: string | undefined;
}

async function parseInvite(raw: string): Promise<ParsedInvite> {
  const parsed = await parse(raw);
  const part = parsed.email.attachments.find((a) => a.mimeType === "text/calendar");
  if (!part) throw new Error("no text/calendar part");
  const calendar = new ICAL.Component(ICAL.parse(new TextDecoder().decode(part.content as ArrayBuffer)));
  const events = calendar.getAllSubcomponents("vevent");
  expect(events).toHaveLength(1);
  const alternative = parsed.root.childNodes[0]!;
  const calendarNode = alternative.childNodes.find((node) => node.contentType.parsed.value === "text/calendar");
  return { ...parsed, calendar, vevent: events[0]!, partMethod: calendarNode?.contentType.parsed.params.method };
}

const messageId = (raw: string) => /^Message-ID: (.+)$/m.exec(raw)![1];

function expectWellFormed(raw: string): void {
  expect(raw.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  for (const line of raw.split("\r\n")) expect(line.length).toBeLessThanOrEqual(998);
}

function expectFoldedCalendar(calendar: string): void {
  const utf8 = new TextEncoder();
  expect(calendar.endsWith("\r\n")).toBe(true);
  expect(calendar.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  for (const line of calendar.split("\r\n")) expect(utf8.encode(line).length).toBeLessThanOrEqual(75);
}

/** Every attendee-facing plain message, composed for the same person. */
function attendeePlainMessages(person: PersonView = jane, target: SessionView = session): PlainEmail[] {
  const ctx = context(minutesBefore(60));
  return [
    composeWaitlistConfirmation(ctx, { session: target, person, manageUrl: MANAGE }),
    composeWebinarReminder(ctx, { session: target, person, minutesBefore: 60, unsubscribeUrl: ONE_CLICK }),
    composeReplayOffer(ctx, { session: target, person, replayUrl: REPLAY, bookDemoUrl: BOOK, unsubscribeUrl: ONE_CLICK }),
    composeWebinarFeedbackRequest(ctx, { session: target, person, ratingUrl: (rating) => `https://demo.acme.example/feedback.html?r=${rating}`, unsubscribeUrl: ONE_CLICK }),
  ];
}

describe("composeWebinarInvitation: new", () => {
  const composed = composeWebinarInvitation(context(), invitation());

  it("goes to the attendee alone, from the sender, with replies to the host", async () => {
    const { email } = await parse(composed.raw);
    expect(composed.to).toBe("jane@globex.example");
    expect(email.to).toEqual([{ name: "Jane Doe", address: "jane@globex.example" }]);
    expect(email.cc ?? []).toEqual([]);
    expect(email.from).toEqual({ name: "Acme Demos", address: "demos@acme.example" });
    expect(email.replyTo).toEqual([{ name: "Maya Lopez", address: "maya@acme.example" }]);
    expect(email.messageId).toMatch(/^<webinar-new\.s-42\.[0-9a-z]+\.0@acme\.example>$/);
  });

  it("says registered, with the time in the reader's zone and the zone's name", async () => {
    expect(composed.subject).toBe("Registered: Product tour — Tue, Dec 8, 4:00 PM (Europe/London)");
    expect((await parse(composed.raw)).email.subject).toBe(composed.subject);
  });

  it("is a REQUEST with one VEVENT, our UID and SEQUENCE, UTC times, the sender as ORGANIZER, one ATTENDEE", async () => {
    const { calendar, vevent, partMethod } = await parseInvite(composed.raw);
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(partMethod).toBe("REQUEST");
    expect(vevent.getFirstPropertyValue("uid")).toBe(UID);
    expect(vevent.getFirstPropertyValue("sequence")).toBe(0);
    expect(vevent.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(vevent.getFirstPropertyValue("summary")).toBe("Product tour — Acme");
    expect(vevent.getFirstProperty("dtstamp")!.toJSON()[3]).toBe("2026-11-20T09:15:00Z");
    expect(vevent.getFirstProperty("dtstart")!.toJSON()[3]).toBe("2026-12-08T16:00:00Z");
    expect(vevent.getFirstProperty("dtend")!.toJSON()[3]).toBe("2026-12-08T16:45:00Z");
    expect(vevent.getFirstProperty("organizer")!.getFirstValue()).toBe("mailto:demos@acme.example");
    const attendees = vevent.getAllProperties("attendee");
    expect(attendees).toHaveLength(1);
    expect(attendees[0]!.getFirstValue()).toBe("mailto:jane@globex.example");
    expect(attendees[0]!.getParameter("cn")).toBe("Jane Doe");
    expect(attendees[0]!.getParameter("rsvp")).toBe("TRUE");
  });

  it("puts the join link in LOCATION, URL and DESCRIPTION, and carries one DISPLAY alarm", async () => {
    const { vevent } = await parseInvite(composed.raw);
    expect(vevent.getFirstPropertyValue("location")).toBe(JOIN);
    expect(vevent.getFirstPropertyValue("url")).toBe(JOIN);
    const description = String(vevent.getFirstPropertyValue("description"));
    expect(description).toContain(JOIN);
    expect(description).toContain("Hosted by Maya Lopez");
    expect(description).toContain(MANAGE);
    const alarms = vevent.getAllSubcomponents("valarm");
    expect(alarms).toHaveLength(1);
    expect(alarms[0]!.getFirstPropertyValue("action")).toBe("DISPLAY");
    expect((alarms[0]!.getFirstPropertyValue("trigger") as ICAL.Duration).toSeconds()).toBe(-600);
  });

  it("says when, where to join, who hosts, and how to manage the group's registration", async () => {
    const { text, html } = await parse(composed.raw);
    expect(text).toContain("Hi Jane,");
    expect(text).toContain("You're registered for Product tour, a live session with Acme.");
    expect(text).toContain("When: Tuesday, December 8, 2026, 4:00 PM – 4:45 PM (Europe/London)");
    expect(text).toContain(`Join: ${JOIN}`);
    expect(text).toContain("Host: Maya Lopez");
    expect(text).toContain(`Manage your group's registration: ${MANAGE}`);
    expect(hrefs(html)).toEqual(expect.arrayContaining([JOIN, MANAGE]));
  });

  it("is transactional: no List-Unsubscribe", async () => {
    const { email } = await parse(composed.raw);
    expect(header(email, "list-unsubscribe")).toBeUndefined();
    expect(header(email, "list-unsubscribe-post")).toBeUndefined();
  });

  it("shows a colleague's time in their own zone, says who registered them, and carries no manage link", async () => {
    const colleague = composeWebinarInvitation(context(), invitation({ attendee: sam, manageUrl: undefined, invitedBy: "Jane Doe" }));
    expect(colleague.subject).toBe("Jane Doe registered you: Product tour — Tue, Dec 8, 10:00 AM (America/Chicago)");
    const { email, text, vevent, calendar } = await parseInvite(colleague.raw);
    expect(email.to).toEqual([{ name: "", address: "sam@globex.example" }]);
    expect(text).toContain("Hi there,");
    expect(text).toContain("Jane Doe registered you for Product tour, a live session with Acme.");
    expect(text).toContain("When: Tuesday, December 8, 2026, 10:00 AM – 10:45 AM (America/Chicago)");
    expect(text).not.toContain(MANAGE);
    expect(colleague.calendar).not.toContain("registration.html");
    const attendees = vevent.getAllProperties("attendee");
    expect(attendees).toHaveLength(1);
    expect(attendees[0]!.getFirstValue()).toBe("mailto:sam@globex.example");
    // Nobody sees another attendee's address.
    expect(colleague.raw).not.toContain("jane@globex.example");
    expect(calendar.toString()).not.toContain("jane@globex.example");
  });

  it("greets a colleague the registrant named by their first name in every mail they get, times in the registrant's zone, named", async () => {
    // Colleagues share the registration's zone: here the registrant's America/Chicago.
    const ann: PersonView = { name: "Ann Lee", email: "ann@globex.example", timeZone: "America/Chicago" };
    const colleagueMail = [
      composeWebinarInvitation(context(), invitation({ attendee: ann, manageUrl: undefined, invitedBy: "Jane Doe" })),
      composeWebinarInvitation(context(), invitation({ attendee: ann, manageUrl: undefined, invitedBy: "Jane Doe", change: "update", sequence: 1 })),
      composeWebinarInvitation(context(), invitation({ attendee: ann, manageUrl: undefined, invitedBy: "Jane Doe", change: "cancel", sequence: 2 })),
      composeWaitlistConfirmation(context(), { session, person: ann, invitedBy: "Jane Doe", otherSessionsUrl: "https://liveline.example/webinars" }),
      composeRegistrationReminder(context(), { session, person: ann, status: "confirmed", invitedBy: "Jane Doe", variant: "h1" }),
      ...attendeePlainMessages(ann),
    ];
    for (const { raw } of colleagueMail) {
      const { text, email } = await parse(raw);
      expect(text.startsWith("Hi Ann,\n"), email.subject).toBe(true);
      expect(email.to).toEqual([{ name: "Ann Lee", address: "ann@globex.example" }]);
    }
    const { text } = await parse(colleagueMail[0]!.raw);
    expect(text).toContain("When: Tuesday, December 8, 2026, 10:00 AM – 10:45 AM (America/Chicago)");
  });

  it("refuses an invitation whose attendee is the sender (ORGANIZER)", () => {
    const self = { name: "Acme Demos", email: "Demos@Acme.example", timeZone: "Europe/London" };
    expect(() => composeWebinarInvitation(context(), invitation({ attendee: self }))).toThrow(/ORGANIZER/);
  });
});

describe("composeWebinarInvitation: update and cancel", () => {
  const moved: SessionView = { ...session, start: new Date("2026-12-09T17:00:00Z"), end: new Date("2026-12-09T17:45:00Z") };

  it("update: a REQUEST with the same UID, the raised SEQUENCE and the new time", async () => {
    const composed = composeWebinarInvitation(context(), invitation({ session: moved, change: "update", sequence: 1 }));
    expect(composed.subject).toBe("Updated: Product tour — Wed, Dec 9, 5:00 PM (Europe/London)");
    const { email, text, calendar, vevent, partMethod } = await parseInvite(composed.raw);
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(partMethod).toBe("REQUEST");
    expect(vevent.getFirstPropertyValue("uid")).toBe(UID);
    expect(vevent.getFirstPropertyValue("sequence")).toBe(1);
    expect(vevent.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(vevent.getFirstProperty("dtstart")!.toJSON()[3]).toBe("2026-12-09T17:00:00Z");
    expect(vevent.getAllSubcomponents("valarm")).toHaveLength(1);
    expect(text).toContain("The session moved to Wednesday, December 9, 2026, 5:00 PM (Europe/London).");
    expect(text).toContain(`Join: ${JOIN}`);
    expect(email.messageId).toMatch(/^<webinar-update\.s-42\.[0-9a-z]+\.1@acme\.example>$/);
    expectWellFormed(composed.raw);
  });

  it("cancel: METHOD:CANCEL, STATUS:CANCELLED, same UID, higher SEQUENCE, organiser and the one attendee, no VALARM", async () => {
    const composed = composeWebinarInvitation(context(), invitation({ change: "cancel", sequence: 2 }));
    const { calendar, vevent, partMethod } = await parseInvite(composed.raw);
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(partMethod).toBe("CANCEL");
    expect(vevent.getFirstPropertyValue("uid")).toBe(UID);
    expect(vevent.getFirstPropertyValue("sequence")).toBe(2);
    expect(vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(vevent.getFirstProperty("organizer")!.getFirstValue()).toBe("mailto:demos@acme.example");
    const attendees = vevent.getAllProperties("attendee");
    expect(attendees).toHaveLength(1);
    expect(attendees[0]!.getFirstValue()).toBe("mailto:jane@globex.example");
    expect(vevent.getAllSubcomponents("valarm")).toHaveLength(0);
    expect(composed.calendar).not.toContain("VALARM");
    expectWellFormed(composed.raw);
  });

  it("cancel: says what is off, why (escaped), and offers the next session; no join or manage link", async () => {
    const next = { start: new Date("2026-12-15T16:00:00Z"), registerUrl: "https://demo.acme.example/webinars.html?session=s-43" };
    const composed = composeWebinarInvitation(context(), invitation({ change: "cancel", sequence: 1, cancelReason: "Our <b>host</b> is ill", nextSession: next }));
    expect(composed.subject).toBe("Cancelled: Product tour — Tue, Dec 8, 4:00 PM (Europe/London)");
    const { text, html } = await parse(composed.raw);
    expect(text).toContain("Product tour on Tuesday, December 8, 2026, 4:00 PM (Europe/London) is cancelled.");
    expect(text).toContain("Reason: Our <b>host</b> is ill");
    expect(html).toContain("Reason: Our &lt;b&gt;host&lt;/b&gt; is ill");
    expect(text).toContain(`The next session is Tuesday, December 15, 2026, 4:00 PM (Europe/London). Register here: ${next.registerUrl}`);
    expect(hrefs(html)).toContain(next.registerUrl);
    expect(text).not.toContain(MANAGE);
    expect(text).not.toContain(`Join: ${JOIN}`);
  });

  it("cancel: no reason or next-session line when not given", async () => {
    const { text } = await parse(composeWebinarInvitation(context(), invitation({ change: "cancel", sequence: 1 })).raw);
    expect(text).not.toContain("Reason:");
    expect(text).not.toContain("next session");
  });

  it.each(["update", "cancel"] as const)("refuses an %s whose SEQUENCE was not raised", (change) => {
    expect(() => composeWebinarInvitation(context(), invitation({ change, sequence: 0 }))).toThrow(RangeError);
  });

  it("gives every change, SEQUENCE and recipient its own Message-ID", () => {
    const ids = [
      composeWebinarInvitation(context(), invitation()),
      composeWebinarInvitation(context(), invitation({ attendee: sam, manageUrl: undefined, invitedBy: "Jane Doe" })),
      composeWebinarInvitation(context(), invitation({ change: "update", sequence: 1 })),
      composeWebinarInvitation(context(), invitation({ change: "update", sequence: 2 })),
      composeWebinarInvitation(context(), invitation({ change: "cancel", sequence: 3 })),
    ].map((composed) => messageId(composed.raw));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("folds every calendar line at 75 octets, even with long non-ASCII text", () => {
    const long: SessionView = { ...session, title: "Zoë's grand tour of Ångström reporting ".repeat(4), description: "Ünïcödé ".repeat(60), host: { name: "Zoë Ångström", email: "zoe@acme.example" } };
    for (const change of ["new", "update", "cancel"] as const) {
      const composed = composeWebinarInvitation(context(), invitation({ session: long, change, sequence: change === "new" ? 0 : 1, cancelReason: "Ünïcödé ".repeat(30) }));
      expectFoldedCalendar(composed.calendar);
      expectWellFormed(composed.raw);
    }
  });
});

describe("composeRegistrationReminder", () => {
  it("gives the registrant who registered again their seat, join link and the group's manage link — to them alone", async () => {
    const composed = composeRegistrationReminder(context(), { session, person: jane, status: "confirmed", manageUrl: MANAGE, variant: "2026-11-20T09" });
    expect(composed.subject).toBe("You're already registered: Product tour — Tue, Dec 8, 4:00 PM (Europe/London)");
    const { email, text, html } = await parse(composed.raw);
    expect(email.to).toEqual([{ name: "Jane Doe", address: "jane@globex.example" }]);
    expect(text).toContain("You already hold a seat — nothing has changed.");
    expect(text).toContain(`Join: ${JOIN}`);
    expect(text).toContain(`Manage your group's registration: ${MANAGE}`);
    expect(text).toContain("If that wasn't you, you can ignore this e-mail.");
    expect(hrefs(html)).toContain(MANAGE);
    expect(email.attachments).toHaveLength(0);
  });

  it("tells a colleague who registered them, with no manage link; a waitlisted person gets no join link; each hour its own Message-ID", async () => {
    const colleague = composeRegistrationReminder(context(), { session, person: sam, status: "confirmed", invitedBy: "Jane Doe", variant: "h1" });
    const { text } = await parse(colleague.raw);
    expect(text).toContain("Jane Doe registered you; they can change or cancel the group's registration.");
    expect(text).not.toContain("registration.html");
    const waiting = composeRegistrationReminder(context(), { session, person: jane, status: "waitlisted", manageUrl: MANAGE, variant: "h1" });
    const waitingText = (await parse(waiting.raw)).text;
    expect(waitingText).toContain("You're already on the waitlist");
    expect(waitingText).not.toContain(JOIN);
    const later = composeRegistrationReminder(context(), { session, person: sam, status: "confirmed", invitedBy: "Jane Doe", variant: "h2" });
    expect(messageId(later.raw)).not.toBe(messageId(colleague.raw));
  });
});

describe("composeWaitlistConfirmation", () => {
  const composed = composeWaitlistConfirmation(context(), { session, person: jane, manageUrl: MANAGE });

  it("says they are on the waitlist, that an invitation follows when a seat frees up, and how to manage it", async () => {
    expect(composed.subject).toBe("You're on the waitlist: Product tour — Tue, Dec 8, 4:00 PM (Europe/London)");
    const { email, text, html, root } = await parse(composed.raw);
    expect(email.subject).toBe(composed.subject);
    expect(email.to).toEqual([{ name: "Jane Doe", address: "jane@globex.example" }]);
    expect(email.replyTo).toEqual([{ name: "Maya Lopez", address: "maya@acme.example" }]);
    expect(text).toContain("is full, so you're on the waitlist.");
    expect(text).toContain("We'll send you an invitation the moment a seat frees up.");
    expect(text).toContain(`Manage your registration: ${MANAGE}`);
    expect(hrefs(html)).toContain(MANAGE);
    expect(root.contentType.parsed.value).toBe("multipart/alternative");
    expect(email.attachments).toHaveLength(0);
    expect(header(email, "list-unsubscribe")).toBeUndefined();
    expect(header(email, "auto-submitted")).toBe("auto-generated");
  });

  it("tells a waitlisted colleague who registered them and where other sessions are, with no manage link", async () => {
    const other = "https://liveline.example/webinars";
    const colleague = composeWaitlistConfirmation(context(), { session, person: sam, invitedBy: "Jane Doe", otherSessionsUrl: other });
    const { text } = await parse(colleague.raw);
    expect(text).toContain("Jane Doe registered you; they can change or cancel the group's registration.");
    expect(text).toContain(`Other sessions: ${other}`);
    expect(text).not.toContain("Manage your registration");
  });
});

describe("composeWebinarReminder", () => {
  const reminder = (minutes: number, person: PersonView = jane, links: UnsubscribeLinks = { unsubscribeUrl: ONE_CLICK }) =>
    composeWebinarReminder(context(minutesBefore(minutes)), { session, person, minutesBefore: minutes, ...links });

  it.each([
    [24 * 60, "Tomorrow at 4:00 PM: Product tour"],
    [60, "In 1 hour: Product tour"],
    [10, "In 10 minutes: Product tour"],
  ])("names the time %i minutes before", (minutes, subject) => {
    expect(reminder(minutes).subject).toBe(subject);
  });

  it("uses the reader's zone", () => {
    expect(reminder(24 * 60, sam).subject).toBe("Tomorrow at 10:00 AM: Product tour");
  });

  it("puts the join link first and big, then when (reader's zone) and the host", async () => {
    const composed = reminder(60, jane, { unsubscribeUrl: ONE_CLICK, unsubscribePageUrl: UNSUBSCRIBE_PAGE });
    const { email, text, html } = await parse(composed.raw);
    expect(email.replyTo).toEqual([{ name: "Maya Lopez", address: "maya@acme.example" }]);
    expect(text).toContain("Product tour starts in 1 hour.");
    expect(text).toContain("When: Tuesday, December 8, 2026, 4:00 PM – 4:45 PM (Europe/London)");
    expect(text).toContain("Host: Maya Lopez");
    expect(html).toContain(`<span style="font-size:20px;font-weight:bold">Join: <a href="${JOIN}">${JOIN}</a></span>`);
    expect(hrefs(html)[0]).toBe(JOIN);
    expect(text).toContain(`Don't want reminders? Unsubscribe: ${UNSUBSCRIBE_PAGE}`);
  });

  it("carries one-click unsubscribe (RFC 8058) and Auto-Submitted", async () => {
    const { email } = await parse(reminder(60).raw);
    expect(header(email, "list-unsubscribe")).toBe(`<${ONE_CLICK}>`);
    expect(header(email, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(header(email, "auto-submitted")).toBe("auto-generated");
  });

  it("gets a new Message-ID per lead time, per recipient and for a moved session", () => {
    const moved = { ...session, start: new Date("2026-12-09T16:00:00Z"), end: new Date("2026-12-09T16:45:00Z") };
    const ids = [
      reminder(60),
      reminder(10),
      reminder(60, sam),
      composeWebinarReminder(context(minutesBefore(60)), { session: moved, person: jane, minutesBefore: 60, unsubscribeUrl: ONE_CLICK }),
    ].map((composed) => messageId(composed.raw));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toMatch(/^<webinar-reminder\.s-42\.[0-9a-z]+\.60\.20261208T160000Z@acme\.example>$/);
  });
});

describe("composeHostAttendeeList", () => {
  const host = { name: "Maya Lopez", email: "maya@acme.example", timeZone: "America/Chicago" };
  const attendees = [
    { name: "Jane Doe", email: "jane@globex.example", company: "Globex", interest: "Reporting & exports" },
    { email: "sam@globex.example", company: "Globex" },
    { name: "Lee Park", email: "lee@initech.example" },
  ];
  const composed = composeHostAttendeeList(context(minutesBefore(60)), { session, host, attendees, waitlisted: 4 });

  it("counts down and counts the registered in the subject", async () => {
    expect(composed.subject).toBe("In 1 hour: Product tour — 3 registered");
    const { email } = await parse(composed.raw);
    expect(email.to).toEqual([{ name: "Maya Lopez", address: "maya@acme.example" }]);
    expect(email.replyTo ?? []).toEqual([]);
  });

  it("names the day, the time and the zone in the host's zone when the session is far off", () => {
    const dayAhead = composeHostAttendeeList(context(minutesBefore(24 * 60)), { session, host, attendees, waitlisted: 0 });
    expect(dayAhead.subject).toBe("Tomorrow at 10:00 AM CST: Product tour — 3 registered");
  });

  it("lists names, companies and what they asked to see, the waitlist and the join link", async () => {
    const { text, html } = await parse(composed.raw);
    expect(text).toContain("When: Tuesday, December 8, 2026, 10:00 AM – 10:45 AM (America/Chicago)");
    expect(text).toContain("Registered: 3");
    expect(text).toContain("On the waitlist: 4");
    expect(text).toContain("• Jane Doe <jane@globex.example>, Globex — wants to see: Reporting & exports");
    expect(text).toContain("• sam@globex.example, Globex");
    expect(text).toContain("• Lee Park <lee@initech.example>");
    expect(html).toContain("Reporting &amp; exports");
    expect(hrefs(html)[0]).toBe(JOIN);
  });

  it("is internal mail: no List-Unsubscribe", async () => {
    const { email } = await parse(composed.raw);
    expect(header(email, "list-unsubscribe")).toBeUndefined();
    expect(header(email, "list-unsubscribe-post")).toBeUndefined();
  });

  it("lists a full session's first 100 with what they wish cut to 280 characters, then links the host page for the rest: a mail small enough to store", async () => {
    const long = (n: number) => ({ name: `Attendee ${n} ${"N".repeat(180)}`, email: `attendee${n}.${"e".repeat(200)}@globex.example`, company: "C".repeat(200), interest: "I".repeat(2000) });
    const full = Array.from({ length: 130 }, (_, n) => long(n));
    const hostPageUrl = "https://demo.example/webinar-host.html?session=product-tour-20261208T1600Z";
    const listed = composeHostAttendeeList(context(minutesBefore(60)), { session, host, attendees: full, waitlisted: 0, hostPageUrl });
    expect(listed.subject).toBe("In 1 hour: Product tour — 130 registered");
    const { text } = await parse(listed.raw);
    expect(text).toContain("Registered: 130");
    expect(text).toContain(`Attendee 99 ${"N".repeat(180)}`);
    expect(text).not.toContain(`Attendee 100 ${"N".repeat(180)}`);
    expect(text).toContain(`And 30 more, all on the host page: ${hostPageUrl}`);
    expect(text).toContain(`wants to see: ${"I".repeat(279)}…`);
    expect(text).not.toContain("I".repeat(281));
    // Stored whole in one outbox item (at most 400 KB with its other attributes).
    expect(Buffer.byteLength(listed.raw)).toBeLessThan(300 * 1024);
  });

  it("cuts a long wish between characters as people read them: an emoji is never split", async () => {
    const wish = "📊".repeat(300);
    const cut = composeHostAttendeeList(context(minutesBefore(60)), { session, host, attendees: [{ name: "Emo Ji", email: "emo@globex.example", interest: wish }], waitlisted: 0 });
    const { text } = await parse(cut.raw);
    expect(text).toContain(`wants to see: ${"📊".repeat(279)}…`);
    expect(text).not.toContain("\uFFFD");
  });

  it("says so when nobody has registered", async () => {
    const empty = composeHostAttendeeList(context(minutesBefore(60)), { session, host, attendees: [], waitlisted: 0 });
    expect(empty.subject).toBe("In 1 hour: Product tour — 0 registered");
    expect((await parse(empty.raw)).text).toContain("Nobody has registered yet.");
  });
});

describe("composeReplayOffer", () => {
  const offer = (replayUrl?: string) =>
    composeReplayOffer(context(new Date("2026-12-08T18:00:00Z")), { session, person: jane, replayUrl, bookDemoUrl: BOOK, unsubscribeUrl: ONE_CLICK });

  it("says sorry, links the recording and offers a 1:1 demo, with one-click unsubscribe", async () => {
    const composed = offer(REPLAY);
    expect(composed.subject).toBe("Sorry we missed you: Product tour");
    const { email, text, html } = await parse(composed.raw);
    expect(email.replyTo).toEqual([{ name: "Maya Lopez", address: "maya@acme.example" }]);
    expect(text).toContain("We missed you at Product tour on Tuesday, December 8, 2026, 4:00 PM (Europe/London).");
    expect(text).toContain(`Watch the recording: ${REPLAY}`);
    expect(text).toContain(`Book a 1:1 demo: ${BOOK}`);
    expect(hrefs(html)).toEqual(expect.arrayContaining([REPLAY, BOOK]));
    expect(header(email, "list-unsubscribe")).toBe(`<${ONE_CLICK}>`);
    expect(header(email, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
  });

  it("offers the demo alone when there is no recording", async () => {
    const { text } = await parse(offer().raw);
    expect(text).not.toContain("recording");
    expect(text).toContain(`Book a 1:1 demo: ${BOOK}`);
  });
});

describe("composeWebinarFeedbackRequest", () => {
  const ratingUrl = (rating: number) => `https://demo.acme.example/feedback.html?token=f1&rating=${rating}`;
  const composed = composeWebinarFeedbackRequest(context(new Date("2026-12-08T18:00:00Z")), { session, person: sam, ratingUrl, unsubscribeUrl: ONE_CLICK });

  it("asks how the session was, in the reader's zone, with five one-click ratings", async () => {
    expect(composed.subject).toBe("How was Product tour?");
    const { text, html, email } = await parse(composed.raw);
    expect(email.replyTo).toEqual([{ name: "Maya Lopez", address: "maya@acme.example" }]);
    expect(text).toContain("Hi there,");
    expect(text).toContain("Thank you for joining Product tour with Maya Lopez from Acme on Tuesday, December 8, 2026, 10:00 AM (America/Chicago).");
    expect(hrefs(html).filter((href) => href.includes("rating="))).toEqual([1, 2, 3, 4, 5].map(ratingUrl));
    expect(text).toContain(`★★★★★ 5: ${ratingUrl(5)}`);
  });

  it("carries one-click unsubscribe", async () => {
    const { email } = await parse(composed.raw);
    expect(header(email, "list-unsubscribe")).toBe(`<${ONE_CLICK}>`);
    expect(header(email, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
  });
});

describe("webinar messages: every one", () => {
  const hostile: PersonView = { name: '<script>alert("x")</script> Doe', email: "jane@globex.example", timeZone: "Europe/London" };
  const hostileSession: SessionView = { ...session, title: "<i>Tour</i>", host: { name: "<b>Maya</b>", email: "maya@acme.example" } };

  function everyMessage(person: PersonView, target: SessionView): PlainEmail[] {
    const host = { name: "Maya Lopez", email: "maya@acme.example", timeZone: "America/Chicago" };
    return [
      composeWebinarInvitation(context(), invitation({ session: target, attendee: person, invitedBy: person.name })),
      composeWebinarInvitation(context(), invitation({ session: target, attendee: person, change: "cancel", sequence: 1, cancelReason: person.name })),
      ...attendeePlainMessages(person, target),
      composeHostAttendeeList(context(minutesBefore(60)), { session: target, host, attendees: [{ name: person.name, email: person.email, interest: person.name }], waitlisted: 0 }),
    ];
  }

  it("escapes a <script> name and HTML in titles in the HTML body", async () => {
    for (const { raw } of everyMessage(hostile, hostileSession)) {
      const { html } = await parse(raw);
      expect(html).not.toContain("<script>");
      expect(html).not.toContain("<i>");
      expect(html).not.toContain("<b>");
      expect(html).toContain("&lt;i&gt;Tour&lt;/i&gt;");
    }
    const { html } = await parse(composeWebinarReminder(context(minutesBefore(60)), { session, person: hostile, minutesBefore: 60, unsubscribeUrl: ONE_CLICK }).raw);
    expect(html).toContain("Hi &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;,");
  });

  it("keeps CR and LF in user text out of the headers", async () => {
    const sneaky: PersonView = { ...jane, name: "Jane\r\nBcc: evil@example.com" };
    for (const { raw } of everyMessage(sneaky, { ...session, title: "Tour\r\nX-Evil: 1" })) {
      const { email } = await parse(raw);
      const keys = email.headers.map((h) => h.key);
      expect(keys).not.toContain("bcc");
      expect(keys).not.toContain("x-evil");
    }
  });

  it("has CRLF line ends only and no MIME line over 998 characters, even with long non-ASCII text", () => {
    const long: SessionView = { ...session, title: "Zoë ".repeat(200), description: "x".repeat(3000) };
    for (const { raw } of everyMessage({ ...jane, name: "Ångström ".repeat(100) }, long)) expectWellFormed(raw);
  });

  it("gives each message its own Message-ID", () => {
    // The host list goes to the host, once: only the attendees' messages are composed twice.
    const ids = [...everyMessage(jane, session), ...attendeePlainMessages(sam)].map(({ raw }) => messageId(raw));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("refuses an unknown time zone instead of printing an invalid date", () => {
    const lost = { ...jane, timeZone: "Mars/Olympus_Mons" };
    expect(() => composeWebinarInvitation(context(), invitation({ attendee: lost }))).toThrow(RangeError);
    expect(() => composeWebinarReminder(context(), { session, person: lost, minutesBefore: 60, unsubscribeUrl: ONE_CLICK })).toThrow(RangeError);
  });
});

describe("a webinar's e-mails in the attendee's language", () => {
  const lena: PersonView = { name: "Lena Vogel", email: "lena@globex.example", timeZone: "Europe/Berlin", locale: "de" };
  const links = { unsubscribeUrl: ONE_CLICK, unsubscribePageUrl: UNSUBSCRIBE_PAGE };

  it("a German invitation, its update and its cancellation", async () => {
    const first = await parseInvite(composeWebinarInvitation(context(), invitation({ attendee: lena })).raw);
    expect(first.email.subject).toBe("Angemeldet: Product tour — Di., 8. Dez., 17:00 (Europe/Berlin)");
    expect(first.text).toContain("Hallo Lena,\n\nSie sind angemeldet für „Product tour“, eine Live-Session mit Acme.");
    expect(first.text).toContain("Wann: Dienstag, 8. Dezember 2026 um 17:00 – 17:45 (Europe/Berlin)");
    expect(first.text).toContain(`Anmeldung Ihrer Gruppe verwalten: ${MANAGE}`);
    expect(String(first.vevent.getFirstPropertyValue("description"))).toContain("Mit Maya Lopez");
    const moved = await parse(composeWebinarInvitation(context(), invitation({ attendee: lena, change: "update", sequence: 1 })).raw);
    expect(moved.email.subject).toMatch(/^Verschoben: Product tour — /);
    const cancelled = await parse(composeWebinarInvitation(context(), invitation({ attendee: lena, change: "cancel", sequence: 2, cancelReason: "Krankheit", nextSession: { start: new Date("2026-12-15T16:00:00Z"), registerUrl: "https://demo.acme.example/webinars.html" } })).raw);
    expect(cancelled.text).toContain("„Product tour“ am Dienstag, 8. Dezember 2026 um 17:00 (Europe/Berlin) ist abgesagt.");
    expect(cancelled.text).toContain("Grund: Krankheit");
    expect(cancelled.text).toContain("Die nächste Session ist am Dienstag, 15. Dezember 2026 um 17:00 (Europe/Berlin). Hier anmelden: https://demo.acme.example/webinars.html");
  });

  it("a Spanish colleague's invitation names who registered them", () => {
    const composed = composeWebinarInvitation(context(), invitation({ attendee: { ...sam, locale: "es" }, invitedBy: "Jane Doe", manageUrl: undefined }));
    expect(composed.subject).toBe("Jane Doe le ha inscrito: Product tour — mar, 8 dic, 10:00 (America/Chicago)");
  });

  it("a German reminder, waitlist, replay offer and feedback request", async () => {
    expect(composeWebinarReminder(context(minutesBefore(60)), { session, person: lena, minutesBefore: 60, ...links }).subject).toBe("In 1 Stunde: Product tour");
    const reminder = await parse(composeWebinarReminder(context(minutesBefore(60)), { session, person: lena, minutesBefore: 60, ...links }).raw);
    expect(reminder.text).toContain("Die Session „Product tour“ beginnt in 1 Stunde.");
    expect(composeWaitlistConfirmation(context(), { session, person: lena, manageUrl: MANAGE }).subject).toMatch(/^Sie stehen auf der Warteliste: Product tour/);
    expect(composeReplayOffer(context(), { session, person: lena, replayUrl: REPLAY, bookDemoUrl: BOOK, ...links }).subject).toBe("Schade, dass Sie nicht dabei waren: Product tour");
    const feedback = await parse(composeWebinarFeedbackRequest(context(), { session, person: { ...lena, locale: "fr" }, ratingUrl: (rating) => `${BOOK}&rating=${rating}`, ...links }).raw);
    expect(feedback.email.subject).toBe("Comment s’est passé « Product tour » ?");
    expect(feedback.text).toContain("Merci d’avoir participé à « Product tour » avec Maya Lopez de Acme le mardi 8 décembre 2026 à 17:00 (Europe/Berlin).");
  });

  it("the host's list stays in English", () => {
    const composed = composeHostAttendeeList(context(minutesBefore(60)), { session, host: { name: "Maya Lopez", email: "maya@acme.example", timeZone: "Europe/Berlin" }, attendees: [{ name: "Lena Vogel", email: lena.email }], waitlisted: 0 });
    expect(composed.subject).toBe("In 1 hour: Product tour — 1 registered");
  });
});
