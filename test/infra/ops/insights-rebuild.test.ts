// insights:rebuild against the aggregator: random lead histories, written event by event in random order
// with refreshes after random steps and repeated ones (redeliveries), give exactly the counters a rebuild
// from the lead log gives — and the rebuild removes counters nothing backs.
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Lead, LeadEvent } from "../../../functions/core/bookings/booking";
import { MAX_TRANSACTION_ITEMS } from "../../../functions/adapters/dynamodb/transaction-limits";
import { addRows, leadContribution, type CounterRows } from "../../../functions/core/insights/insights";
import { refreshLeadInsights } from "../../../functions/use-cases/insights/aggregate-insights";
import { rebuildInsights } from "../../../infra/ops/insights-rebuild";
import { createTestApi, type TestApi } from "../../support/test-api";

const REPS = ["maya", "priya", "lukas"];
const OUTCOMES = ["reached", "voicemail", "no_answer", "wrong_number", "not_interested", "converted", "wants_another_demo"];
const DAY0 = Date.parse("2026-12-01T00:00:00.000Z");
const iso = (minutes: number) => new Date(DAY0 + minutes * 60_000).toISOString();

const eventArb = fc.record({
  kind: fc.constantFrom("booked", "rescheduled", "attended", "no_show", "call_prompted", "call_attempt", "converted", "registered", "waitlisted", "promoted_from_waitlist", "webinar_attended", "webinar_no_show"),
  after: fc.integer({ min: 0, max: 12 * 24 * 60 }),
  rep: fc.constantFrom(...REPS),
  booking: fc.constantFrom("b1", "b2"),
  outcome: fc.constantFrom(...OUTCOMES),
  prompt: fc.constantFrom("p1", "p2", "p3"),
  session: fc.constantFrom("s1", "s2"),
  colleague: fc.boolean(),
  stayed: fc.boolean(),
});
const leadArb = fc.record({
  created: fc.integer({ min: 0, max: 3 * 24 * 60 }),
  offering: fc.constantFrom("live-demo", "team-demo"),
  source: fc.constantFrom(undefined, "google", "newsletter"),
  events: fc.array(eventArb, { maxLength: 8 }),
});
/** Each step writes one event (of lead, index) and then maybe brings its lead up to date, maybe twice. */
const historyArb = fc.array(leadArb, { minLength: 1, maxLength: 4 }).chain((leads) => {
  const steps = leads.flatMap((lead, leadIndex) => lead.events.map((_, eventIndex) => ({ leadIndex, eventIndex })));
  return fc.record({
    leads: fc.constant(leads),
    order: fc.shuffledSubarray(steps, { minLength: steps.length, maxLength: steps.length }),
    refresh: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: steps.length, maxLength: steps.length }),
  });
});

type GeneratedEvent = typeof eventArb extends fc.Arbitrary<infer T> ? T : never;

function leadEvent(leadId: string, created: number, event: GeneratedEvent, index: number): LeadEvent {
  const at = iso(created + event.after);
  const ref = `${event.kind}-${index}`;
  switch (event.kind) {
    case "booked":
      return { leadId, at, kind: "booked", ref: event.booking, data: { bookingId: event.booking, repId: event.rep, start: iso(created + event.after + 600), offeringId: "live-demo" } };
    case "rescheduled":
      return { leadId, at, kind: "rescheduled", ref, data: { bookingId: event.booking, to: iso(created + event.after + 900), repId: event.rep } };
    case "attended":
    case "no_show":
      return { leadId, at, kind: event.kind, ref: event.booking, data: { bookingId: event.booking } };
    case "call_prompted":
      return { leadId, at, kind: "call_prompted", ref: event.prompt, data: { repId: event.rep } };
    case "call_attempt":
      return { leadId, at, kind: "call_attempt", ref: event.prompt, data: { outcome: event.outcome, repId: event.rep } };
    case "registered":
    case "waitlisted":
      return { leadId, at, kind: event.kind, ref: event.session, data: { sessionId: event.session, registrationId: `r-${event.session}`, ...(event.colleague ? { invitedBy: "boss@initech.example" } : {}) } };
    case "promoted_from_waitlist":
      return { leadId, at, kind: event.kind, ref: event.session, data: { sessionId: event.session } };
    case "webinar_attended":
      return { leadId, at, kind: "attended", ref: event.session, data: { sessionId: event.session, minutes: 30, stayed: event.stayed } };
    case "webinar_no_show":
      return { leadId, at, kind: "no_show", ref: event.session, data: { sessionId: event.session } };
    default:
      return { leadId, at, kind: "converted", ref: event.prompt };
  }
}

/** Every counter item's non-zero counters, by key. */
async function counters(api: TestApi): Promise<CounterRows> {
  const rows: CounterRows = {};
  for (const item of await api.allItems()) {
    if (!String(item.pk).startsWith("INSIGHTS#")) continue;
    const { pk, sk, entity: _entity, ...values } = item;
    const nonZero = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== 0));
    if (Object.keys(nonZero).length > 0) rows[`${String(pk).slice("INSIGHTS#".length)}|${sk}`] = nonZero as Record<string, number>;
  }
  return rows;
}

describe("insights:rebuild", () => {
  it("equals the incremental counters exactly, for random histories delivered in random order with redeliveries", async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, async ({ leads, order, refresh }) => {
        const api = await createTestApi();
        const store = api.deps.insights;
        const ids = leads.map((_, index) => `lead-${index}`);
        const expected: CounterRows = {};
        const all: LeadEvent[][] = leads.map((lead, index) => lead.events.map((event, eventIndex) => leadEvent(ids[index]!, lead.created, event, eventIndex)));
        for (const [index, lead] of leads.entries()) {
          const record: Lead = { id: ids[index]!, prospect: { name: "P", email: `p${index}@example.org` }, timeZone: "UTC", offeringId: lead.offering, routing: { rule: null, pool: REPS }, consentAt: iso(lead.created), createdAt: iso(lead.created), ...(lead.source ? { source: { utmSource: lead.source } } : {}) };
          await api.deps.store.saveLead(record, []);
          addRows(expected, leadContribution({ id: record.id, createdAt: record.createdAt, offeringId: record.offeringId, source: record.source }, all[index]!));
        }
        for (const [step, { leadIndex, eventIndex }] of order.entries()) {
          await api.deps.leadLog.append([all[leadIndex]![eventIndex]!]);
          for (let times = 0; times < refresh[step]!; times++) await refreshLeadInsights(store, ids[leadIndex]!);
        }
        // The stream delivers every change at least once: the last one of each lead in the end.
        for (const id of ids) await refreshLeadInsights(store, id);
        const incremental = await counters(api);
        const withoutZeros = Object.fromEntries(Object.entries(expected).map(([key, row]) => [key, Object.fromEntries(Object.entries(row).filter(([, v]) => v !== 0))]));
        expect(incremental).toEqual(withoutZeros);

        // A counter nothing backs (a bug once counted it): the rebuild removes it.
        await api.documents.send(new PutCommand({ TableName: api.tableName, Item: { pk: "INSIGHTS#ALL", sk: "2020-01-01T00:00", entity: "insights-counter", requests: 3 } }));
        await rebuildInsights(api.documents, api.tableName);
        expect(await counters(api)).toEqual(incremental);
        // After a rebuild the aggregator carries on from the rebuilt snapshots: nothing is added twice.
        for (const id of ids) await refreshLeadInsights(store, id);
        expect(await counters(api)).toEqual(incremental);
      }),
      { numRuns: 8 },
    );
  }, 120_000);

  it("applies a change of more rows than one transaction takes in several, the snapshot following each", async () => {
    const api = await createTestApi();
    const lead: Lead = { id: "big", prospect: { name: "P", email: "p@example.org" }, timeZone: "UTC", offeringId: "live-demo", routing: { rule: null, pool: REPS }, consentAt: iso(0), createdAt: iso(0) };
    await api.deps.store.saveLead(lead, []);
    // 30 calls in 30 quarter hours: 8 rollups each (4 whole, 4 split by source), 240 rows and more.
    const events: LeadEvent[] = Array.from({ length: 30 }, (_, index) => ({ leadId: "big", at: iso(15 * index + 1), kind: "call_attempt", ref: `p${index}`, data: { outcome: "voicemail", repId: "maya" } }));
    await api.deps.leadLog.append(events);
    await refreshLeadInsights(api.deps.insights, "big");
    const rows = leadContribution({ id: "big", createdAt: lead.createdAt, offeringId: "live-demo" }, events);
    expect(await counters(api)).toEqual(rows);
    // One transaction per 99 rows (the 100th item is the snapshot), each a version of the snapshot.
    const transactions = Math.ceil(Object.keys(rows).length / (MAX_TRANSACTION_ITEMS - 1));
    expect(transactions).toBeGreaterThan(1);
    expect((await api.deps.insights.snapshot("big"))?.version).toBe(transactions);
  });
});
