// Tests: the lifecycle e-mails (reminder, prep note, call prompt, feedback, complaint, escalation, rebook),
// each parsed back with a real MIME parser: recipient, wording, times in the reader's zone, headers, links.
import { describe, it, expect } from "vitest";
import { header, hrefs, parseEmail as parse } from "../../support/parsed-email";
import {
  composeCallPrompt, composeComplaintAlert, composeEscalation, composeFeedbackRequest, composePrepNote,
  composeRebookInvite, composeReminder,
} from "../../../functions/core/bookings/lifecycle-messages";
import type { CallPromptInput, DemoView, LeadView, MessageContext } from "../../../functions/core/bookings/lifecycle-messages";
import type { PlainEmail } from "../../../functions/core/messages/message-parts";

const JOIN = "https://meet.example.com/liveline/abc-defg-hij";
const MANAGE = "https://demo.acme.example/manage/b-123?token=tok_456";
const ONE_CLICK = "https://demo.acme.example/api/unsubscribe?token=u_789";
const UNSUBSCRIBE_PAGE = "https://demo.acme.example/unsubscribe.html?token=u_789";
const START = new Date("2026-12-01T16:00:00Z");
const END = new Date("2026-12-01T16:30:00Z");
const minutesBefore = (minutes: number) => new Date(START.getTime() - minutes * 60_000);
const minutesAfterEnd = (minutes: number) => new Date(END.getTime() + minutes * 60_000);

function context(now: Date): MessageContext {
  return { now, company: { name: "Acme" }, sender: { name: "Acme Demos", email: "demos@acme.example" } };
}

function demo(overrides: Partial<DemoView> = {}): DemoView {
  return {
    id: "b-123",
    start: START,
    end: END,
    offeringTitle: "Live product demo",
    joinUrl: JOIN,
    manageUrl: MANAGE,
    notes: "Prefers to see the API first",
    prospect: {
      name: "Jane Doe",
      email: "jane@globex.example",
      phone: "+13125550199",
      company: "Globex",
      teamSize: 25,
      interest: "Reporting & exports",
      timeZone: "Europe/Paris",
    },
    rep: { name: "Maya Lopez", email: "maya@acme.example", timeZone: "America/Chicago" },
    ...overrides,
  };
}

function lead(overrides: Partial<LeadView> = {}): LeadView {
  const { name, email, phone, company, teamSize, interest, timeZone } = demo().prospect;
  return { name, email, phone, company, teamSize, interest, timeZone, ...overrides };
}

const OUTCOMES = [
  { label: "Reached: interested", url: "https://demo.acme.example/outcome.html?token=o1" },
  { label: "Voicemail", url: "https://demo.acme.example/outcome.html?token=o2" },
  { label: "No answer", url: "https://demo.acme.example/outcome.html?token=o3" },
  { label: "Wants another demo", url: "https://demo.acme.example/outcome.html?token=o4" },
];
const ATTENDANCE = [
  { label: "Attended", url: "https://demo.acme.example/outcome.html?token=a1" },
  { label: "No-show", url: "https://demo.acme.example/outcome.html?token=a2" },
];

function prompt(overrides: Partial<CallPromptInput> = {}): CallPromptInput {
  return {
    lead: lead(),
    rep: { name: "Maya Lopez", email: "maya@acme.example", timeZone: "America/Chicago" },
    attempt: 1,
    attemptsInAll: 3,
    reason: "after-demo",
    demo: { start: START, end: END, offeringTitle: "Live product demo" },
    outcomeLinks: OUTCOMES,
    attendanceLinks: ATTENDANCE,
    promptId: "pr-42",
    ...overrides,
  };
}

const ratingUrl = (rating: number) => `https://demo.acme.example/feedback.html?token=f1&rating=${rating}`;

/** Every message of the module, composed from the same demo, for the checks that hold for all of them. */
function everyMessage(view: DemoView = demo()): PlainEmail[] {
  const ctx = context(minutesBefore(60));
  const person: LeadView = { ...view.prospect };
  return [
    composeReminder(ctx, view, { minutesBefore: 60, unsubscribeUrl: ONE_CLICK }),
    composePrepNote(ctx, view),
    composeCallPrompt(ctx, prompt({ lead: person })),
    composeFeedbackRequest(ctx, view, { ratingUrl, unsubscribeUrl: ONE_CLICK }),
    composeComplaintAlert(ctx, view, { rating: 2, comment: "Too fast" }),
    composeEscalation(ctx, { managerEmail: "lead@acme.example", rep: view.rep, lead: person, attempt: 1, promptDueAt: START, promptId: "pr-42" }),
    composeRebookInvite(ctx, { lead: person, rep: view.rep, bookingPageUrl: "https://demo.acme.example/", unsubscribeUrl: ONE_CLICK }),
  ];
}

describe("composeReminder: to the prospect", () => {
  const composed = composeReminder(context(minutesBefore(24 * 60)), demo(), { minutesBefore: 24 * 60, unsubscribeUrl: ONE_CLICK, unsubscribePageUrl: UNSUBSCRIBE_PAGE });

  it("goes to the prospect, with replies to the rep", async () => {
    const { email } = await parse(composed.raw);
    expect(composed.to).toBe("jane@globex.example");
    expect(email.to).toEqual([{ name: "Jane Doe", address: "jane@globex.example" }]);
    expect(email.from).toEqual({ name: "Acme Demos", address: "demos@acme.example" });
    expect(email.replyTo).toEqual([{ name: "Maya Lopez", address: "maya@acme.example" }]);
    expect(email.messageId).toMatch(/^<reminder\.b-123\.[0-9a-z]+\.1440\.20261201T160000Z@acme\.example>$/);
  });

  it("names the day and the time in the prospect's zone a day ahead", async () => {
    expect(composed.subject).toBe("Tomorrow at 5:00 PM: Live product demo with Maya");
    expect((await parse(composed.raw)).email.subject).toBe(composed.subject);
  });

  it.each([
    [60, "In 1 hour: Live product demo with Maya"],
    [10, "In 10 minutes: Live product demo with Maya"],
    [90, "In 1 hour 30 minutes: Live product demo with Maya"],
  ])("counts down %i minutes before", (minutes, subject) => {
    const reminder = composeReminder(context(minutesBefore(minutes)), demo(), { minutesBefore: minutes, unsubscribeUrl: ONE_CLICK });
    expect(reminder.subject).toBe(subject);
  });

  it("says today or the weekday when tomorrow would be wrong", () => {
    // 12 hours before 5:00 PM Paris is 5:00 AM the same day there.
    const sameDay = composeReminder(context(minutesBefore(720)), demo(), { minutesBefore: 720, unsubscribeUrl: ONE_CLICK });
    expect(sameDay.subject).toBe("Today at 5:00 PM: Live product demo with Maya");
    const twoDays = composeReminder(context(minutesBefore(2880)), demo(), { minutesBefore: 2880, unsubscribeUrl: ONE_CLICK });
    expect(twoDays.subject).toBe("Tue, Dec 1 at 5:00 PM: Live product demo with Maya");
  });

  it("shows when (prospect's zone), the join link prominently, and how to reschedule", async () => {
    const { text, html } = await parse(composed.raw);
    expect(text).toContain("Hi Jane,");
    expect(text).toContain("Your Live product demo with Maya from Acme is tomorrow at 5:00 PM.");
    expect(text).toContain("When: Tuesday, December 1, 2026, 5:00 PM – 5:30 PM (Europe/Paris)");
    expect(text).toContain(`Join: ${JOIN}`);
    expect(text).toContain(`Need another time? Reschedule or cancel: ${MANAGE}`);
    expect(html).toContain(`<span style="font-size:20px;font-weight:bold">Join: <a href="${JOIN}">${JOIN}</a></span>`);
    expect(hrefs(html)).toContain(MANAGE);
  });

  it("carries one-click unsubscribe (RFC 8058) in the headers and the page in the body", async () => {
    const { email, text, html } = await parse(composed.raw);
    expect(header(email, "list-unsubscribe")).toBe(`<${ONE_CLICK}>`);
    expect(header(email, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(text).toContain(`Don't want reminders? Unsubscribe: ${UNSUBSCRIBE_PAGE}`);
    expect(hrefs(html)).toContain(UNSUBSCRIBE_PAGE);
  });

  it("is text and HTML only: multipart/alternative, no calendar part", async () => {
    const { root, email } = await parse(composed.raw);
    expect(root.contentType.parsed.value).toBe("multipart/alternative");
    expect(root.childNodes.map((node) => node.contentType.parsed.value)).toEqual(["text/plain", "text/html"]);
    expect(email.attachments).toHaveLength(0);
  });

  it("gets a new Message-ID for another lead time and for a rescheduled demo", () => {
    const id = (email: PlainEmail) => /^Message-ID: (.+)$/m.exec(email.raw)![1];
    const hour = composeReminder(context(minutesBefore(60)), demo(), { minutesBefore: 60, unsubscribeUrl: ONE_CLICK });
    const moved = composeReminder(context(minutesBefore(60)), demo({ start: new Date("2026-12-02T16:00:00Z"), end: new Date("2026-12-02T16:30:00Z") }), { minutesBefore: 60, unsubscribeUrl: ONE_CLICK });
    expect(new Set([id(composed), id(hour), id(moved)]).size).toBe(3);
  });
});

describe("composePrepNote: to the rep", () => {
  const composed = composePrepNote(context(minutesBefore(15)), demo());

  it("goes to the rep with the countdown and who is coming", async () => {
    const { email } = await parse(composed.raw);
    expect(email.to).toEqual([{ name: "Maya Lopez", address: "maya@acme.example" }]);
    expect(composed.subject).toBe("In 15 minutes: Jane Doe (Globex)");
    expect(email.subject).toBe("In 15 minutes: Jane Doe (Globex)");
  });

  it("names the day, the time and the zone when the demo is far off", () => {
    expect(composePrepNote(context(minutesBefore(24 * 60)), demo()).subject).toBe("Tomorrow at 10:00 AM CST: Jane Doe (Globex)");
  });

  it("tells the rep everything about the prospect, with times in both zones", async () => {
    const { text, html } = await parse(composed.raw);
    expect(text).toContain("Your Live product demo with Jane Doe (Globex) starts in 15 minutes.");
    expect(text).toContain("When: Tuesday, December 1, 2026, 10:00 AM – 10:30 AM (America/Chicago)");
    expect(text).toContain("Their local time: Tuesday, December 1, 2026, 5:00 PM – 5:30 PM (Europe/Paris)");
    for (const line of ["Company: Globex", "E-mail: jane@globex.example", "Phone: +1 312 555 0199", "Team size: 25", "Wants to see: Reporting & exports", "Notes: Prefers to see the API first", `Join: ${JOIN}`]) {
      expect(text).toContain(line);
    }
    expect(html).toContain('<a href="tel:+13125550199">+1 312 555 0199</a>');
    expect(html).toContain("Reporting &amp; exports");
  });

  it("has no unsubscribe header and no prospect-only link", async () => {
    const { email, text } = await parse(composed.raw);
    expect(header(email, "list-unsubscribe")).toBeUndefined();
    expect(header(email, "list-unsubscribe-post")).toBeUndefined();
    expect(text).not.toContain(MANAGE);
  });
});

describe("composeCallPrompt: to the rep", () => {
  const composed = composeCallPrompt(context(minutesAfterEnd(5)), prompt());

  it("puts the name and number in the subject, and the number first in the body as a big tel: link", async () => {
    const { email, text, html } = await parse(composed.raw);
    expect(email.to).toEqual([{ name: "Maya Lopez", address: "maya@acme.example" }]);
    expect(composed.subject).toBe("Call Jane Doe now: +1 312 555 0199");
    expect(text.split("\n")[0]).toBe("Call Jane now at +1 312 555 0199");
    expect(html).toContain('<span style="font-size:20px;font-weight:bold">Call Jane now at <a href="tel:+13125550199">+1 312 555 0199</a></span>');
    expect(hrefs(html)[0]).toBe("tel:+13125550199");
    expect(email.messageId).toMatch(/^<call\.pr-42\.[0-9a-z]+\.1@acme\.example>$/);
  });

  it("says why: the demo ended minutes ago", async () => {
    const { text } = await parse(composed.raw);
    expect(text).toContain("Your demo with Jane ended 5 minutes ago.");
    expect(text).toContain("Attempt 1 of 3.");
    expect(text).toContain("Demo: Live product demo, Tue, Dec 1, 5:00 PM Jane's time (Europe/Paris) · 10:00 AM yours");
  });

  it("says why: an unbooked request, or a retry after voicemail", async () => {
    const unbooked = composeCallPrompt(context(START), prompt({ reason: "unbooked-request", demo: undefined, attendanceLinks: undefined, requestedAt: minutesBefore(15) }));
    expect((await parse(unbooked.raw)).text).toContain("Jane asked to talk live 15 minutes ago and has not booked a time.");
    const retry = composeCallPrompt(context(START), prompt({ reason: "retry", attempt: 2, lastOutcome: "voicemail", demo: undefined }));
    expect((await parse(retry.raw)).text).toContain("Attempt 2 of 3 — the last attempt reached voicemail.");
  });

  it("says why after a webinar: what they attended, when, and how long they stayed", async () => {
    const webinar = { title: "Product tour", start: START, end: new Date(START.getTime() + 45 * 60_000), minutesAttended: 40 };
    const afterWebinar = (now: Date, overrides: Partial<CallPromptInput> = {}) =>
      composeCallPrompt(context(now), prompt({ reason: "after-webinar", demo: undefined, attendanceLinks: undefined, webinar, ...overrides }));
    const { text, html } = await parse(afterWebinar(minutesAfterEnd(30)).raw);
    expect(text).toContain("Jane attended “Product tour” today and stayed 40 of 45 minutes.");
    expect(text).toContain("Attempt 1 of 3.");
    expect(text).toContain("Webinar: Product tour, Tue, Dec 1, 5:00 PM Jane's time (Europe/Paris) · 10:00 AM yours");
    expect(text).not.toContain("Demo:");
    expect(text).not.toContain("attend the demo");
    expect(html).toContain("Jane attended “Product tour” today and stayed 40 of 45 minutes.");
    const nextDay = new Date(START.getTime() + 24 * 3_600_000);
    expect((await parse(afterWebinar(nextDay).raw)).text).toContain("Jane attended “Product tour” yesterday and stayed 40 of 45 minutes.");
    const noEnd = afterWebinar(minutesAfterEnd(30), { webinar: { title: "Product tour", start: START, minutesAttended: 40 } });
    expect((await parse(noEnd.raw)).text).toContain("Jane attended “Product tour” today and stayed 40 minutes.");
    const noMinutes = afterWebinar(minutesAfterEnd(30), { webinar: { title: "Product tour", start: START } });
    expect((await parse(noMinutes.raw)).text).toContain("Jane attended “Product tour” today.");
  });

  it("escapes a webinar title in the after-webinar reason", async () => {
    const hostile = composeCallPrompt(context(minutesAfterEnd(30)), prompt({ reason: "after-webinar", demo: undefined, webinar: { title: "<script>x</script>", start: START } }));
    const { html } = await parse(hostile.raw);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;x&lt;/script&gt;");
  });

  it("gives the contact details and the prospect's local time, naming whose time is whose", async () => {
    const { text, html } = await parse(composed.raw);
    for (const line of ["Name: Jane Doe", "Company: Globex", "E-mail: jane@globex.example", "Phone: +1 312 555 0199", "Team size: 25", "Wants to see: Reporting & exports"]) {
      expect(text).toContain(line);
    }
    expect(text).toContain("Now: 5:35 PM Jane's time (Europe/Paris) · 10:35 AM yours");
    expect(html).toContain('<a href="mailto:jane@globex.example">jane@globex.example</a>');
  });

  it("lists the one-click outcome links in order, then attendance", async () => {
    const { text, html } = await parse(composed.raw);
    const links = hrefs(html);
    const outcomeAt = OUTCOMES.map((link) => links.indexOf(link.url));
    expect(outcomeAt.every((at) => at >= 0)).toBe(true);
    expect([...outcomeAt].sort((a, b) => a - b)).toEqual(outcomeAt);
    expect(links.slice(-2)).toEqual(ATTENDANCE.map((link) => link.url));
    expect(text).toContain("Log the outcome:");
    expect(text).not.toContain("one click");
    expect(text).toContain(`Voicemail: ${OUTCOMES[1]!.url}`);
    expect(text).toContain("Did Jane attend the demo?");
    for (const link of [...OUTCOMES, ...ATTENDANCE]) expect(html).toContain(`>${link.label}</a>`);
  });

  it("leaves out attendance when not asked; without a phone it is an e-mail follow-up task, not a call", async () => {
    const bare = composeCallPrompt(context(START), prompt({ lead: lead({ phone: undefined }), attendanceLinks: undefined }));
    expect(bare.subject).toBe("Follow up with Jane Doe by e-mail");
    const { text, html } = await parse(bare.raw);
    expect(text).not.toContain("attend");
    expect(html).not.toContain("tel:");
    expect(text.split("\n")[0]).toBe("Jane left no phone number; write to jane@globex.example");
  });

  it("is internal mail: no unsubscribe header", async () => {
    const { email } = await parse(composed.raw);
    expect(header(email, "list-unsubscribe")).toBeUndefined();
    expect(header(email, "list-unsubscribe-post")).toBeUndefined();
  });

  it("refuses an attempt outside 1..attemptsInAll", () => {
    expect(() => composeCallPrompt(context(START), prompt({ attempt: 4 }))).toThrow(RangeError);
    expect(() => composeCallPrompt(context(START), prompt({ attempt: 0 }))).toThrow(RangeError);
  });
});

describe("composeFeedbackRequest: to the prospect", () => {
  const composed = composeFeedbackRequest(context(minutesAfterEnd(60)), demo(), { ratingUrl, unsubscribeUrl: ONE_CLICK });

  it("asks how the demo was, naming the rep, with the time in the prospect's zone", async () => {
    const { email, text } = await parse(composed.raw);
    expect(email.to).toEqual([{ name: "Jane Doe", address: "jane@globex.example" }]);
    expect(email.replyTo).toEqual([{ name: "Maya Lopez", address: "maya@acme.example" }]);
    expect(composed.subject).toBe("How was your demo with Maya?");
    expect(text).toContain("on Tuesday, December 1, 2026, 5:00 PM (Europe/Paris)");
    expect(text).toContain("add a comment");
  });

  it("offers five ratings, 1 to 5, each preselecting its rating on the page, and promises no one-click rating", async () => {
    const { text, html } = await parse(composed.raw);
    const ratingLinks = hrefs(html).filter((href) => href.includes("rating="));
    expect(ratingLinks).toEqual([1, 2, 3, 4, 5].map(ratingUrl));
    expect(text).toContain(`★ 1: ${ratingUrl(1)}`);
    expect(text).toContain(`★★★★★ 5: ${ratingUrl(5)}`);
    expect(text).toContain("Choose a rating (1 poor, 5 excellent), then send it from the page that opens");
    expect(text).not.toMatch(/one click/i);
    expect(html).toContain(">★★★ 3</a>");
  });

  it("carries one-click unsubscribe", async () => {
    const { email } = await parse(composed.raw);
    expect(header(email, "list-unsubscribe")).toBe(`<${ONE_CLICK}>`);
    expect(header(email, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
  });
});

describe("composeComplaintAlert: to the rep", () => {
  const composed = composeComplaintAlert(context(minutesAfterEnd(90)), demo(), { rating: 2, comment: "Too fast <b>really</b>" });

  it("names the prospect and the rating, with the comment escaped and a tel: link", async () => {
    const { email, text, html } = await parse(composed.raw);
    expect(email.to).toEqual([{ name: "Maya Lopez", address: "maya@acme.example" }]);
    expect(composed.subject).toBe("Complaint to handle: Jane Doe rated the demo 2/5");
    expect(text).toContain("Their comment: Too fast <b>really</b>");
    expect(text).toContain("Demo: Tue, Dec 1, 10:00 AM CST (America/Chicago)");
    expect(html).toContain("Too fast &lt;b&gt;really&lt;/b&gt;");
    expect(html).toContain('<a href="tel:+13125550199">+1 312 555 0199</a>');
    expect(header(email, "list-unsubscribe")).toBeUndefined();
  });

  it("says when there is no comment, and refuses a rating that is not 1 to 5", async () => {
    const bare = composeComplaintAlert(context(START), demo(), { rating: 1 });
    expect((await parse(bare.raw)).text).toContain("They left no comment.");
    for (const rating of [0, 6, 2.5]) expect(() => composeComplaintAlert(context(START), demo(), { rating })).toThrow(RangeError);
  });
});

describe("composeEscalation: to the manager", () => {
  const input = { managerEmail: "lead@acme.example", rep: { name: "Maya Lopez", email: "maya@acme.example" }, lead: lead(), attempt: 1, promptDueAt: minutesAfterEnd(5), promptId: "pr-42" };
  const composed = composeEscalation(context(minutesAfterEnd(35)), input);

  it("says who was to call whom, since when, and how to reach the prospect", async () => {
    const { email, text, html } = await parse(composed.raw);
    expect(email.to).toEqual([{ name: "", address: "lead@acme.example" }]);
    expect(composed.subject).toBe("Not acted on: call Jane Doe (Maya, attempt 1)");
    expect(text).toContain("Maya Lopez was asked to call Jane Doe and has not logged an outcome.");
    expect(text).toContain("Due since: Tuesday, December 1, 2026, 4:35 PM (UTC), 30 minutes ago");
    expect(text).toContain("Rep: Maya Lopez (maya@acme.example)");
    expect(html).toContain('<a href="tel:+13125550199">+1 312 555 0199</a>');
    expect(header(email, "list-unsubscribe")).toBeUndefined();
    expect(email.messageId).toMatch(/^<escalation\.pr-42\.[0-9a-z]+\.1@acme\.example>$/);
  });

  it("shows the due time in the manager's zone when given", async () => {
    const chicago = composeEscalation(context(minutesAfterEnd(35)), { ...input, managerTimeZone: "America/Chicago" });
    expect((await parse(chicago.raw)).text).toContain("Due since: Tuesday, December 1, 2026, 10:35 AM (America/Chicago)");
  });
});

describe("composeRebookInvite: to the prospect", () => {
  const composed = composeRebookInvite(context(minutesAfterEnd(60)), { lead: lead(), rep: { name: "Maya Lopez", email: "maya@acme.example" }, bookingPageUrl: "https://demo.acme.example/?offering=demo", unsubscribeUrl: ONE_CLICK });

  it("invites them to book again with the booking page link and one-click unsubscribe", async () => {
    const { email, text, html } = await parse(composed.raw);
    expect(email.to).toEqual([{ name: "Jane Doe", address: "jane@globex.example" }]);
    expect(email.replyTo).toEqual([{ name: "Maya Lopez", address: "maya@acme.example" }]);
    expect(composed.subject).toBe("Book another demo with Maya");
    expect(text).toContain("Book a time: https://demo.acme.example/?offering=demo");
    expect(hrefs(html)).toContain("https://demo.acme.example/?offering=demo");
    expect(header(email, "list-unsubscribe")).toBe(`<${ONE_CLICK}>`);
    expect(header(email, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
  });
});

describe("lifecycle messages: every one", () => {
  it("has CRLF line ends only and no line over 998 characters", () => {
    const long = demo({ notes: "x".repeat(3000), prospect: { ...demo().prospect, interest: "Zoë ".repeat(400) } });
    for (const { raw } of everyMessage(long)) {
      expect(raw.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
      for (const line of raw.split("\r\n")) expect(line.length).toBeLessThanOrEqual(998);
    }
  });

  it("has its own Message-ID", () => {
    const ids = everyMessage().map(({ raw }) => /^Message-ID: (.+)$/m.exec(raw)![1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("escapes a <script> prospect name in the HTML", async () => {
    const hostile = demo({ prospect: { ...demo().prospect, name: '<script>alert("x")</script> Doe', company: "<i>Globex</i>" } });
    for (const { raw } of everyMessage(hostile)) {
      const { html } = await parse(raw);
      expect(html).not.toContain("<script>");
      expect(html).not.toContain("<i>");
      expect(html).toContain("&lt;script&gt;");
    }
  });

  it("keeps CR and LF in user text out of the headers", async () => {
    const sneaky = demo({ prospect: { ...demo().prospect, name: "Jane\r\nBcc: evil@example.com\r\nX-Evil: 1" } });
    for (const composed of everyMessage(sneaky)) {
      const { email } = await parse(composed.raw);
      const keys = email.headers.map((h) => h.key);
      expect(keys).not.toContain("bcc");
      expect(keys).not.toContain("x-evil");
      expect(email.subject ?? "").not.toMatch(/[\r\n]/);
    }
  });

  it("encodes a non-ASCII name so it reads back unchanged", async () => {
    const accented = demo({ prospect: { ...demo().prospect, name: "Zoë Ångström" } });
    const prep = composePrepNote(context(minutesBefore(15)), accented);
    expect((await parse(prep.raw)).email.subject).toBe("In 15 minutes: Zoë Ångström (Globex)");
  });

  it("refuses an unknown time zone instead of printing an invalid date", () => {
    const lost = demo({ prospect: { ...demo().prospect, timeZone: "Mars/Olympus_Mons" } });
    expect(() => composeReminder(context(START), lost, { minutesBefore: 60, unsubscribeUrl: ONE_CLICK })).toThrow(RangeError);
  });
});

describe("the prospect's messages in their language", () => {
  const inLanguage = (locale: "de" | "es" | "fr") => demo({ prospect: { ...demo().prospect, locale } });
  const links = { unsubscribeUrl: ONE_CLICK, unsubscribePageUrl: UNSUBSCRIBE_PAGE };

  it.each([
    [24 * 60, "Morgen um 17:00: Live product demo mit Maya", "Ihr Termin „Live product demo“ mit Maya von Acme ist morgen um 17:00."],
    [60, "In 1 Stunde: Live product demo mit Maya", "Ihr Termin „Live product demo“ mit Maya von Acme beginnt in 1 Stunde."],
    [90, "In 1 Stunde 30 Minuten: Live product demo mit Maya", "Ihr Termin „Live product demo“ mit Maya von Acme beginnt in 1 Stunde 30 Minuten."],
    [0, "Jetzt geht es los: Live product demo mit Maya", "Ihr Termin „Live product demo“ mit Maya von Acme beginnt jetzt."],
  ])("a German reminder %i minutes ahead", async (minutes, subject, sentence) => {
    const composed = composeReminder(context(minutesBefore(minutes)), inLanguage("de"), { minutesBefore: minutes, ...links });
    expect(composed.subject).toBe(subject);
    const { text } = await parse(composed.raw);
    expect(text).toContain(`Hallo Jane,\n\n${sentence}`);
    expect(text).toContain("Wann: Dienstag, 1. Dezember 2026 um 17:00 – 17:30 (Europe/Paris)");
    expect(text).toContain(`Keine Erinnerungen mehr? Abmelden: ${UNSUBSCRIBE_PAGE}`);
  });

  it("a Spanish reminder three days ahead names the day", () => {
    const composed = composeReminder(context(minutesBefore(3 * 24 * 60)), inLanguage("es"), { minutesBefore: 3 * 24 * 60, ...links });
    expect(composed.subject).toBe("mar, 1 dic a las 17:00: Live product demo con Maya");
  });

  it("a French feedback request", async () => {
    const composed = composeFeedbackRequest(context(minutesAfterEnd(120)), inLanguage("fr"), { ratingUrl, ...links });
    expect(composed.subject).toBe("Comment s’est passée votre démo avec Maya ?");
    const { text } = await parse(composed.raw);
    expect(text).toContain("Merci d’avoir participé à « Live product demo » avec Maya de Acme le mardi 1 décembre 2026 à 17:00 (Europe/Paris).");
    expect(text).toContain("Qu’en avez-vous pensé ? Choisissez une note");
    expect(text).toContain(`★★★★★ 5: ${ratingUrl(5)}`);
  });

  it("a Spanish rebook invitation from the lead's language", async () => {
    const composed = composeRebookInvite(context(START), { lead: lead({ locale: "es" }), rep: demo().rep, bookingPageUrl: "https://demo.acme.example/", ...links });
    expect(composed.subject).toBe("Reserve otra demo con Maya");
    expect((await parse(composed.raw)).text).toContain("Reservar un horario: https://demo.acme.example/");
  });

  it("the rep's prep note stays in English", () => {
    expect(composePrepNote(context(minutesBefore(15)), inLanguage("de")).subject).toBe("In 15 minutes: Jane Doe (Globex)");
  });
});
