// Use case: a "Contact Us" request. It is routed to a pool of reps, stored as the lead first (it must
// never be lost, booked or not), then the prospect is shown the next two weeks of that pool's slots.

import type { DemoOfferingConfig } from "../../config/liveline-config";
import { firstTouch, latestDetails, type Lead, type LeadSource, type Prospect } from "../../core/bookings/booking";
import { routeRequest, type RoutingDecision } from "../../core/availability/routing";
import { leadCallBackTimer } from "../../core/bookings/timer-plan";
import type { OutboxItem } from "../../ports/outbox";
import { listSlots, type SlotListing } from "../availability/list-slots";
import type { UseCaseDependencies } from "../use-case-dependencies";
import { smsConsentOf } from "../texts/sms-consent";

export interface ContactRequestInput {
  prospect: Prospect;
  timeZone: string;
  /** Where the prospect came from, as the page saw it. */
  source?: LeadSource;
  /** The "Text me reminders" box (with a phone: the schema refuses it without). */
  smsConsent?: boolean;
}

export interface RecordedContactRequest {
  lead: Lead;
  listing: SlotListing;
  routing: RoutingDecision;
}

export async function recordContactRequest(deps: UseCaseDependencies, input: ContactRequestInput): Promise<RecordedContactRequest> {
  const offering = deps.catalogue.contactOffering();
  const { lead, routing } = await saveContactRequest(deps, input, offering);
  const listing = await listSlots(deps, { offeringId: offering.id, timeZone: input.timeZone, pool: routing.pool });
  return { lead, listing, routing };
}

/**
 * The request as a lead (one person, one lead) with its speed-to-lead call-back — also what a "call me
 * now" request is first, so the call-back stands when nobody takes the instant call.
 */
export async function saveContactRequest(deps: UseCaseDependencies, input: ContactRequestInput, offering: DemoOfferingConfig): Promise<{ lead: Lead; routing: RoutingDecision }> {
  const now = deps.clock.now().toISOString();
  const routing = routeRequest(input.prospect, deps.catalogue.config.routing, deps.catalogue.routableReps(offering));
  // One person, one lead: a repeat request from the same address (any case) lands on the lead it has.
  const candidateId = deps.newId();
  const leadId = await deps.store.claimLeadId(input.prospect.email, candidateId);
  const earlier = leadId === candidateId ? undefined : await deps.store.getLead(leadId);
  const source = firstTouch(earlier?.source, input.source);
  const lead: Lead = {
    id: leadId,
    prospect: latestDetails(earlier?.prospect, input.prospect),
    timeZone: input.timeZone,
    offeringId: offering.id,
    routing: { rule: routing.rule, pool: routing.pool },
    ...(source ? { source } : {}),
    consentAt: now,
    ...smsConsentOf(input, now),
    createdAt: earlier?.createdAt ?? now,
    ...(earlier?.lastBookingId ? { lastBookingId: earlier.lastBookingId } : {}),
  };
  // Speed to lead: if no booking follows within minutes, the routed rep is prompted to call — inside the
  // lead's calling hours (a request at 03:00 theirs is called back when their day begins). A repeat
  // request has a call-back of its own, unless the lead is in a rep's queue by then (fire-timer.ts).
  const calling = { timeZone: lead.timeZone, hours: deps.catalogue.callingHours(offering.id) };
  const callBack = leadCallBackTimer(lead.id, Date.parse(now), deps.catalogue.config.followUps.leadCallBackMinutes, calling);
  const outbox: OutboxItem[] = [{ type: "timers", owner: { kind: "lead", id: lead.id }, key: `timers-${callBack.name}`, schedule: [callBack], cancel: [] }];
  await deps.store.saveLead(lead, outbox, now);
  deps.log("info", "contact request recorded", { leadId: lead.id, repeat: leadId !== candidateId, offering: offering.id, rule: routing.rule, pool: routing.pool });
  return { lead, routing };
}
