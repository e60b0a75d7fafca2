// Which items are about a person, and what an erase does to each: pure rules over stored items.
import { describe, expect, it } from "vitest";
import { addressKey } from "../../../functions/core/access/protection";
import { ERASED, erasePlan, exportDocument, identifiersOf, inactiveAddresses, itemMentions, ownedPartitions, textMentions, type StoredItem } from "../../../functions/core/access/personal-data";

const lead: StoredItem = { pk: "LEAD#l1", sk: "LEAD", prospect: { name: "Petra Privacy", email: "Petra@Privco.example", phone: "+13125550177" }, consentAt: "2026-11-30T06:00:00Z" };
const event: StoredItem = { pk: "LEAD#l1", sk: "EVENT#2026-12-01T17:40:00Z#call_attempt#p1", data: { outcome: "reached" } };
const booking: StoredItem = { pk: "BOOKING#b1", sk: "BOOKING", prospect: { name: "Petra Privacy", email: "petra@privco.example" }, leadId: "l1" };
const seat: StoredItem = { pk: "WEBINAR#s1", sk: "SEAT#petra@privco.example", status: "confirmed" };
const othersGroup: StoredItem = {
  pk: "REGISTRATION#r2",
  sk: "REGISTRATION",
  members: [
    { email: "quincy@keeps.example", name: "Quincy Keeps" },
    { email: "petra@privco.example", name: "Petra Privacy", leadId: "l1" },
  ],
};
const rawMail: StoredItem = { pk: "REGISTRATION#r2", sk: "OUTBOX#invite-1", item: { to: "pat@privco.example", raw: "Subject: Petra Privacy invited you\r\n\r\nCall +1 (312) 555-0177" } };
const idempotency: StoredItem = { pk: "IDEMP#k", sk: "IDEMP", response: "{}" };
// Abuse protection's items about Petra's address name only its hash; a stranger's stay.
const colleaguesCounter: StoredItem = { pk: `RATE#colleagues#${addressKey("petra@privco.example")}#1764460800000`, sk: "RATE", count: 3 };
const answeredMark: StoredItem = { pk: `ANSWERED#${addressKey("Petra@Privco.example")}`, sk: "ANSWERED", until: 1 };
const strangersCounter: StoredItem = { pk: `RATE#colleagues#${addressKey("al@elsewhere.example")}#1764460800000`, sk: "RATE", count: 1 };
const stranger: StoredItem = { pk: "LEAD#l9", sk: "LEAD", prospect: { name: "Al", email: "al@elsewhere.example" } };

describe("a person's identifiers", () => {
  it("are their address and the phone and full name their own records give", () => {
    expect(identifiersOf("PETRA@privco.example", [lead, booking, othersGroup])).toEqual({ email: "petra@privco.example", phones: ["+13125550177"], names: ["Petra Privacy"] });
  });

  it("match a phone however it is spaced, and ignore names too short to be theirs alone", () => {
    const who = identifiersOf("petra@privco.example", [lead]);
    expect(textMentions("Call +1 (312) 555-0177 now", who)).toBe(true);
    expect(itemMentions(stranger, identifiersOf("al@elsewhere.example", [stranger]))).toBe(true);
    expect(identifiersOf("al@elsewhere.example", [stranger]).names).toEqual([]);
    expect(itemMentions(stranger, who)).toBe(false);
  });
});

describe("a mention of the person", () => {
  const ann = identifiersOf("ann@dx.example", [{ pk: "LEAD#a", sk: "LEAD", prospect: { name: "Ann Lee", email: "ann@dx.example", phone: "+33123456789" } }]);

  it("is their address, name or number as a whole, wherever it stands in a text", () => {
    const texts = [
      "ann@dx.example",
      "To: Ann <ANN@dx.example>",
      '{"email":"ann@dx.example"}',
      "write to ann@dx.example.",
      "https://site.example/signup?email=ann@dx.example&x=1",
      "https://site.example/u/ann@dx.example",
      "'ann@dx.example'",
      "SEAT#ann@dx.example",
      "ann lee called",
      "Call +33 1 23 45 67 89",
      "2026-11-03 +33 1 23 45 67 89 at 9am",
    ];
    for (const text of texts) expect(textMentions(text, ann), text).toBe(true);
  });

  it("is not someone else's longer address or name that holds theirs", () => {
    const others = ["joann@dx.example", "jo.ann@dx.example", "jo-ann@dx.example", "jo+ann@dx.example", "jo'ann@dx.example", "ann@dx.example.org", "ann@dx.examples", "ann@dx.example-two.test", "Joann Leeds", "Ann Leeds", "+331234567890", "+4433123456789"];
    for (const text of others) expect(textMentions(text, ann), text).toBe(false);
    const joann: StoredItem = { pk: "BOOKING#j", sk: "BOOKING", prospect: { name: "Joann Leeds", email: "joann@dx.example", phone: "+331234567890" } };
    expect(itemMentions(joann, ann)).toBe(false);
    expect(erasePlan([joann], ann, new Set())).toEqual({ remove: [], replace: [] });
  });
});

describe("an erase plan", () => {
  const items = [lead, event, booking, seat, othersGroup, rawMail, idempotency, colleaguesCounter, answeredMark, strangersCounter];
  const who = identifiersOf("petra@privco.example", items);
  const plan = erasePlan(items, who, ownedPartitions(items, who));

  it("removes the person's own partitions, items keyed by them or their address's hash (abuse protection's) and idempotency records", () => {
    expect(plan.remove).toEqual([event, booking, seat, idempotency, colleaguesCounter, answeredMark, lead]);
    expect(plan.replace).not.toContainEqual(strangersCounter);
  });

  it("removes the lead items last: an erase cut off part-way leaves them, and the retention sweep finds the person again", () => {
    const secondLead: StoredItem = { pk: "LEAD#l2", sk: "LEAD", prospect: { name: "Petra Privacy", email: "petra@privco.example" } };
    const both = erasePlan([lead, secondLead, event, booking], who, ownedPartitions([lead, secondLead, booking], who)).remove;
    expect(both.slice(-2)).toEqual([lead, secondLead]);
    expect(both.slice(0, -2).some((item) => item.sk === "LEAD")).toBe(false);
  });

  it("keeps others' records, with the person blanked and every mention replaced", () => {
    const [group, mail] = plan.replace;
    expect(group!.members).toEqual([
      { email: "quincy@keeps.example", name: "Quincy Keeps" },
      { email: ERASED, name: ERASED, leadId: "l1" },
    ]);
    expect(mail!.item).toEqual({ to: "pat@privco.example", raw: ERASED });
    expect(JSON.stringify(plan.replace)).not.toMatch(/petra|3125550177/i);
  });
});

describe("an export", () => {
  // As the outbox stores them once finished (adapters/dynamodb/outbox-records.ts): the item, its status and finishedAt.
  const sentMail: StoredItem = { pk: "BOOKING#b1", sk: "OUTBOX#invite-v1", entity: "outbox", type: "mail", status: "done", finishedAt: "2026-11-30T06:01:00.000Z", item: { type: "mail", to: ["petra@privco.example"], raw: "Subject: Your demo\r\n\r\nHi" } };
  const sentText: StoredItem = { pk: "BOOKING#b1", sk: "OUTBOX#text-reminder-v1", entity: "outbox", type: "text", status: "done", finishedAt: "2026-12-01T16:00:00.000Z", item: { type: "text", to: "+13125550177", body: "Acme: your demo starts in 1 hour.\nReply STOP to opt out" } };
  const skippedText: StoredItem = { pk: "LEAD#l1", sk: "OUTBOX#text-missed-p1", entity: "outbox", type: "text", status: "skipped", finishedAt: "2026-12-01T18:00:00.000Z", item: { type: "text", to: "+13125550177", body: "Sorry I missed you" } };
  const document = exportDocument([lead, booking, sentMail, sentText, skippedText], identifiersOf("petra@privco.example", [lead]), new Date("2026-12-07T00:00:00Z"));

  it("lists texts under textsSent — number, words, status and when — and not among the e-mails", () => {
    expect(document.textsSent).toEqual([
      { to: "+13125550177", body: "Acme: your demo starts in 1 hour.\nReply STOP to opt out", status: "done", sentAt: "2026-12-01T16:00:00.000Z" },
      { to: "+13125550177", body: "Sorry I missed you", status: "skipped", sentAt: "2026-12-01T18:00:00.000Z" },
    ]);
    expect(document.emailsSent).toEqual([{ to: ["petra@privco.example"], type: "mail", status: "done", sentAt: "2026-11-30T06:01:00.000Z", subject: "Your demo" }]);
  });
});

describe("who the retention sweep finds inactive", () => {
  const leadOf = (n: number, createdAt: string): StoredItem => ({ pk: `LEAD#l${n}`, sk: "LEAD", createdAt, prospect: { email: `p${n}@old.example` } });
  const event = (n: number, at: string, kind: string, data: Record<string, unknown>): StoredItem => ({ pk: `LEAD#l${n}`, sk: `EVENT#${at}#${kind}#r`, kind, data });
  const cutoff = new Date("2026-10-01T00:00:00Z");

  it("counts the start of a demo or a session the person is booked for as activity, even when it was booked long before", () => {
    const items = [
      leadOf(1, "2026-06-01T09:00:00Z"),
      event(1, "2026-06-01T09:00:00Z", "booked", { bookingId: "b1", start: "2026-12-01T17:00:00.000Z" }),
      leadOf(2, "2026-06-01T09:00:00Z"),
      event(2, "2026-06-01T09:00:00Z", "booked", { bookingId: "b2", start: "2026-06-20T17:00:00.000Z" }),
      event(2, "2026-06-02T09:00:00Z", "rescheduled", { bookingId: "b2", from: "2026-06-20T17:00:00.000Z", to: "2026-11-20T17:00:00.000Z" }),
      leadOf(3, "2026-06-01T09:00:00Z"),
      event(3, "2026-06-01T09:00:00Z", "registered", { sessionId: "weekly-webinar-20261201T1600Z" }),
      leadOf(4, "2026-06-01T09:00:00Z"),
      event(4, "2026-06-01T09:00:00Z", "booked", { bookingId: "b4", start: "2026-06-15T17:00:00.000Z" }),
      event(4, "2026-06-01T09:00:00Z", "registered", { sessionId: "weekly-webinar-20260610T1600Z" }),
    ];
    expect(inactiveAddresses(items, cutoff)).toEqual(["p4@old.example"]);
  });
});
