// Tests: the raw invitation message, read back with a real MIME parser (postal-mime), not string search.
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import PostalMime from "postal-mime";
import type { Email } from "postal-mime";
import { buildCalendar } from "../../../functions/core/calendar/icalendar";
import { buildMimeMessage } from "../../../functions/core/messages/mime-message";
import type { MimeMessageInput } from "../../../functions/core/messages/mime-message";

/** The parts of postal-mime's MimeNode these tests read (the tree is internal to the parser). */
interface PartNode {
  contentType: { parsed: { value: string; params: Record<string, string> } };
  contentDisposition: { value: string; parsed: { value: string; params: Record<string, string> } };
  contentTransferEncoding: { value: string };
  childNodes: PartNode[];
  content: ArrayBuffer | null;
}

function calendarText(method: "REQUEST" | "CANCEL"): string {
  return buildCalendar({
    method,
    uid: "3f1c9a52@acme.example",
    sequence: method === "CANCEL" ? 1 : 0,
    stamp: new Date("2026-11-20T09:15:00Z"),
    start: new Date("2026-12-01T16:00:00Z"),
    end: new Date("2026-12-01T16:30:00Z"),
    summary: "Live product demo — Acme 日本語",
    description: "A tour of the product.",
    joinUrl: "https://meet.example.com/abc",
    organizer: { name: "Acme Demos", email: "demos@acme.example" },
    attendee: { name: "Jane Doe", email: "jane@globex.example" },
    reminderMinutesBefore: method === "REQUEST" ? 15 : undefined,
  });
}

function message(overrides: Partial<MimeMessageInput> = {}): MimeMessageInput {
  return {
    from: { name: "Acme Demos", email: "demos@acme.example" },
    to: { name: "Jane Doe", email: "jane@globex.example" },
    replyTo: { name: "Maya Lopez", email: "maya@acme.example" },
    subject: "Confirmed: Live product demo with Maya",
    date: new Date("2026-11-20T09:15:00Z"),
    messageId: "b-123.prospect.0@acme.example",
    text: "Hi Jane,\nSee you soon.\n",
    html: "<p>Hi Jane,</p><p>See you soon.</p>",
    calendar: { method: "REQUEST", content: calendarText("REQUEST") },
    boundarySeed: "b-123.prospect.0",
    ...overrides,
  };
}

async function parse(raw: string): Promise<{ email: Email; root: PartNode }> {
  const parser = new PostalMime();
  const email = await parser.parse(raw);
  return { email, root: (parser as unknown as { root: PartNode }).root };
}

function decoded(node: PartNode): string {
  return new TextDecoder().decode(node.content ?? new ArrayBuffer(0));
}

/**
 * A quoted-printable part as postal-mime decodes it: hard line breaks become LF, and its decoder ends
 * the last line with one more LF (the CRLF before the boundary is not content, RFC 2046 5.1.1).
 */
function decodedQuotedPrintable(node: PartNode): string {
  expect(node.contentTransferEncoding.value).toBe("quoted-printable");
  const text = decoded(node);
  expect(text.endsWith("\n")).toBe(true);
  return text.slice(0, -1);
}

function type(node: PartNode): string {
  return node.contentType.parsed.value;
}

function headerLines(raw: string): string[] {
  return raw.slice(0, raw.indexOf("\r\n\r\n")).split("\r\n");
}

function expectCrlfOnlyAndShortLines(raw: string): void {
  expect(raw.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  for (const line of raw.split("\r\n")) expect(line.length).toBeLessThanOrEqual(998);
}

describe("buildMimeMessage: an invitation", () => {
  it("is multipart/mixed: alternative(text, html, calendar) then the invite.ics attachment", async () => {
    const input = message();
    const { root } = await parse(buildMimeMessage(input));

    expect(type(root)).toBe("multipart/mixed");
    expect(root.childNodes).toHaveLength(2);
    const [alternative, attachment] = root.childNodes as [PartNode, PartNode];

    expect(type(alternative)).toBe("multipart/alternative");
    expect(alternative.childNodes.map(type)).toEqual(["text/plain", "text/html", "text/calendar"]);
    const [plain, html, calendar] = alternative.childNodes as [PartNode, PartNode, PartNode];
    expect(plain.contentType.parsed.params.charset).toBe("UTF-8");
    expect(html.contentType.parsed.params.charset).toBe("UTF-8");
    expect(decodedQuotedPrintable(plain)).toBe(input.text);
    expect(decodedQuotedPrintable(html)).toBe(input.html);

    expect(calendar.contentType.parsed.params.charset).toBe("UTF-8");
    expect(calendar.contentType.parsed.params.method).toBe("REQUEST");
    expect(decoded(calendar)).toContain("\r\nMETHOD:REQUEST\r\n");
    expect(decoded(calendar)).toBe(input.calendar!.content);
    expect(calendar.contentDisposition.value).toBe("");

    expect(type(attachment)).toBe("application/ics");
    expect(attachment.contentType.parsed.params.name).toBe("invite.ics");
    expect(attachment.contentDisposition.parsed.value).toBe("attachment");
    expect(attachment.contentDisposition.parsed.params.filename).toBe("invite.ics");
    expect(attachment.contentTransferEncoding.value).toBe("base64");
    expect(decoded(attachment)).toBe(input.calendar!.content);
  });

  it("carries method=CANCEL for a cancellation", async () => {
    const content = calendarText("CANCEL");
    const { root, email } = await parse(buildMimeMessage(message({ calendar: { method: "CANCEL", content } })));
    const calendar = root.childNodes[0]!.childNodes[2]!;
    expect(calendar.contentType.parsed.params.method).toBe("CANCEL");
    expect(decoded(calendar)).toContain("\r\nMETHOD:CANCEL\r\n");
    expect(email.attachments.find((a) => a.mimeType === "text/calendar")?.method).toBe("CANCEL");
  });

  it("refuses a method= that differs from the calendar's METHOD", () => {
    const mismatch = message({ calendar: { method: "CANCEL", content: calendarText("REQUEST") } });
    expect(() => buildMimeMessage(mismatch)).toThrow(/METHOD/);
  });

  it("writes the envelope headers", async () => {
    const raw = buildMimeMessage(message({ headers: { "X-Liveline-Booking": "b-123" } }));
    const { email } = await parse(raw);
    expect(email.from).toEqual({ name: "Acme Demos", address: "demos@acme.example" });
    expect(email.to).toEqual([{ name: "Jane Doe", address: "jane@globex.example" }]);
    expect(email.replyTo).toEqual([{ name: "Maya Lopez", address: "maya@acme.example" }]);
    expect(email.subject).toBe("Confirmed: Live product demo with Maya");
    expect(email.messageId).toBe("<b-123.prospect.0@acme.example>");
    expect(email.date).toBe("2026-11-20T09:15:00.000Z");
    expect(headerLines(raw)).toContain("Date: Fri, 20 Nov 2026 09:15:00 +0000");
    expect(headerLines(raw)).toContain("MIME-Version: 1.0");
    expect(email.headers.find((h) => h.key === "x-liveline-booking")?.value).toBe("b-123");
  });

  it("uses CRLF only and no line over 998 characters, even with a huge unbroken text", () => {
    const raw = buildMimeMessage(message({ text: "x".repeat(5000), html: `<p>${"é".repeat(3000)}</p>`, subject: "s".repeat(2000) }));
    expectCrlfOnlyAndShortLines(raw);
    for (const line of headerLines(raw)) expect(line.length).toBeLessThanOrEqual(78);
  });

  it("is the same message for the same input: boundaries come from the seed", () => {
    expect(buildMimeMessage(message())).toBe(buildMimeMessage(message()));
    expect(buildMimeMessage(message())).not.toBe(buildMimeMessage(message({ boundarySeed: "other" })));
  });
});

describe("buildMimeMessage: without a calendar", () => {
  it("is multipart/alternative with text and HTML only", async () => {
    const { root, email } = await parse(buildMimeMessage(message({ calendar: undefined })));
    expect(type(root)).toBe("multipart/alternative");
    expect(root.childNodes.map(type)).toEqual(["text/plain", "text/html"]);
    expect(email.attachments).toHaveLength(0);
  });

  it("passes extra headers such as List-Unsubscribe through, long URLs unencoded", async () => {
    const unsubscribe = `<https://acme.example/unsubscribe?t=${"a1b2c3d4".repeat(20)}>, <mailto:unsubscribe@acme.example>`;
    const raw = buildMimeMessage(
      message({
        calendar: undefined,
        headers: {
          "List-Unsubscribe": unsubscribe,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
      }),
    );
    const { email } = await parse(raw);
    expect(email.headers.find((h) => h.key === "list-unsubscribe")?.value).toBe(unsubscribe);
    expect(raw).not.toContain("=?UTF-8?");
    expectCrlfOnlyAndShortLines(raw);
    expect(email.headers.find((h) => h.key === "list-unsubscribe-post")?.value).toBe("List-Unsubscribe=One-Click");
  });

  it("refuses extra headers that would replace its own, or that are not header names", () => {
    expect(() => buildMimeMessage(message({ headers: { Bcc: "x@example.com" } }))).toThrow();
    expect(() => buildMimeMessage(message({ headers: { "X-Bad\r\nBcc": "x" } }))).toThrow();
    expect(() => buildMimeMessage(message({ headers: { "X-Long": "x".repeat(1000) } }))).toThrow(/998/);
  });
});

describe("buildMimeMessage: header injection", () => {
  it("cannot add a header through a display name, subject or extra header value", async () => {
    const raw = buildMimeMessage(
      message({
        to: { name: "Eve\r\nBcc: victim@x.com", email: "eve@example.com" },
        replyTo: { name: "Mallory\nCc: other@x.com", email: "mallory@example.com" },
        subject: "Hello\r\nBcc: victim2@x.com\r\n\r\nbody",
        headers: { "X-Note": "ok\r\nBcc: victim3@x.com" },
      }),
    );
    expectCrlfOnlyAndShortLines(raw);
    const { email } = await parse(raw);
    expect(email.headers.map((h) => h.key)).not.toContain("bcc");
    expect(email.headers.map((h) => h.key)).not.toContain("cc");
    expect(email.bcc).toBeUndefined();
    expect(email.cc).toBeUndefined();
    expect(email.to).toEqual([{ name: "Eve Bcc: victim@x.com", address: "eve@example.com" }]);
    expect(email.replyTo).toEqual([{ name: "Mallory Cc: other@x.com", address: "mallory@example.com" }]);
    expect(email.subject).toBe("Hello Bcc: victim2@x.com body");
    for (const line of headerLines(raw)) expect(line).not.toMatch(/^(bcc|cc):/i);
  });
});

describe("buildMimeMessage: encoding", () => {
  it("encodes non-ASCII names and subjects as RFC 2047 words that decode to the original", async () => {
    const subject = "Bestätigt: Live-Demo mit Zoë — Di., 1. Dez., 17:00 (Europe/Berlin) 日本語のテキスト 😀";
    const raw = buildMimeMessage(message({ subject, to: { name: "Zoë Ünal-Søren 日本", email: "zoe@example.de" } }));
    for (const line of headerLines(raw)) {
      expect(line).toMatch(/^[\x20-\x7e]*$/);
      expect(line.length).toBeLessThanOrEqual(78);
    }
    expect(raw).toContain("=?UTF-8?B?");
    const { email } = await parse(raw);
    expect(email.subject).toBe(subject);
    expect(email.to).toEqual([{ name: "Zoë Ünal-Søren 日本", address: "zoe@example.de" }]);
  });

  it("quotes display names with specials so the address still parses", async () => {
    const names = ['Doe, Jane "JD"', "Acme <Sales>", "a\\b (c) @ d; e: f.", "=?UTF-8?B?QmNjOg==?="];
    for (const name of names) {
      const { email } = await parse(buildMimeMessage(message({ to: { name, email: "jane@globex.example" } })));
      expect(email.to).toEqual([{ name, address: "jane@globex.example" }]);
    }
  });

  it("folds a long ASCII subject at spaces and unfolds to the same text", async () => {
    const subject = Array.from({ length: 30 }, (_, i) => `word${i}`).join(" ");
    const raw = buildMimeMessage(message({ subject }));
    const subjectLines = headerLines(raw).filter((line, i, all) => line.startsWith("Subject:") || (line.startsWith(" ") && all[i - 1]?.startsWith("Subject:")));
    expect(subjectLines.length).toBeGreaterThan(1);
    const { email } = await parse(raw);
    expect(email.subject).toBe(subject);
  });

  it("writes text parts as quoted-printable that decodes to the original", async () => {
    const text = `Grüße, Zoë = 100% ✓  \nTrailing tab\t\n${"long line ".repeat(30)}\nend `;
    const html = `<p>${"ünïcödé ".repeat(40)}</p>`;
    const raw = buildMimeMessage(message({ text, html }));
    const { root } = await parse(raw);
    const [plain, htmlPart] = root.childNodes[0]!.childNodes as [PartNode, PartNode];
    expect(decodedQuotedPrintable(plain)).toBe(text);
    expect(decodedQuotedPrintable(htmlPart)).toBe(html);

    const marker = "quoted-printable\r\n\r\n";
    const start = raw.indexOf(marker) + marker.length;
    const body = raw.slice(start, raw.indexOf("\r\n--=_alt_", start));
    expect(body.split("\r\n").length).toBeGreaterThan(4);
    for (const line of body.split("\r\n")) {
      expect(line.length).toBeLessThanOrEqual(76);
      expect(line).toMatch(/^[\x21-\x7e \t]*$/);
      expect(line).not.toMatch(/[ \t]$/);
    }
    expect(body).toContain("=3D 100%");
    expect(body).toContain("=E2=9C=93 =20\r\n");
    expect(body).toContain("Trailing tab=09\r\n");
  });
});

describe("buildMimeMessage: any text", () => {
  it("round-trips any subject, display name and body through postal-mime, within line limits", async () => {
    const anyText = fc.oneof(
      fc.string({ unit: "binary", maxLength: 300 }),
      fc.string({ unit: "binary-ascii", maxLength: 300 }),
      fc.string({ maxLength: 300 }),
    );
    await fc.assert(
      fc.asyncProperty(anyText, anyText, anyText, async (subject, name, text) => {
        const raw = buildMimeMessage(message({ subject, to: { name, email: "jane@globex.example" }, text }));
        expectCrlfOnlyAndShortLines(raw);
        for (const line of headerLines(raw)) expect(line.length).toBeLessThanOrEqual(78);
        const { email, root } = await parse(raw);
        expect(email.subject ?? "").toBe(asHeaderText(subject));
        expect(email.to).toEqual([{ name: asHeaderText(name), address: "jane@globex.example" }]);
        expect(decodedQuotedPrintable(root.childNodes[0]!.childNodes[0]!)).toBe(text.replace(/\r\n|\r/g, "\n"));
      }),
      { numRuns: 200 },
    );
  });
});

/** Header text as sent: each run of control characters or line separators is one space, ends trimmed. */
function asHeaderText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").trim();
}
