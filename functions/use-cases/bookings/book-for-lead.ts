// Use case: a rep books a demo for a lead from the console's lead page — the free times of the pool the
// lead's details route to, in the lead's zone and hours, then the normal booking (book-demo.ts) on that
// lead, so the prospect gets the same invitation, reminders and manage link as if they had booked
// themself. The booking and the lead's history name the rep who booked it.

import type { RepConfig } from "../../config/liveline-config";
import { routeRequest } from "../../core/availability/routing";
import { bookDemo, type BookDemoOptions, type BookDemoResult } from "./book-demo";
import { leadPage } from "../workspace/console-leads";
import { listSlots, type SlotListing } from "../availability/list-slots";
import type { UseCaseDependencies } from "../use-case-dependencies";

export interface LeadSlotsQuery {
  offeringId: string;
  from?: string;
  to?: string;
  /** Every free time, also outside the lead's prospect hours (the lead asked for one). */
  allTimes?: boolean;
}

export interface LeadBookingRequest {
  offeringId: string;
  /** Epoch ms. */
  start: number;
  notes?: string;
}

/** The times the lead could be booked at: the offering's slots for the pool their details route to. */
export async function leadSlots(deps: UseCaseDependencies, leadId: string, viewer: RepConfig, query: LeadSlotsQuery): Promise<SlotListing> {
  const { lead } = await leadPage(deps, leadId, viewer);
  const offering = deps.catalogue.offering(query.offeringId);
  const routing = routeRequest(lead.prospect, deps.catalogue.config.routing, deps.catalogue.routableReps(offering));
  return listSlots(deps, { offeringId: offering.id, timeZone: lead.timeZone, from: query.from, to: query.to, pool: routing.pool, allTimes: query.allTimes });
}

/** Books the lead (who must be the rep's to see) at `start`; the booking routes and checks the slot as any booking does. */
export async function bookForLead(deps: UseCaseDependencies, leadId: string, rep: RepConfig, request: LeadBookingRequest, options: BookDemoOptions): Promise<BookDemoResult> {
  const { lead } = await leadPage(deps, leadId, rep);
  return bookDemo(
    deps,
    { offeringId: request.offeringId, start: request.start, timeZone: lead.timeZone, prospect: lead.prospect, notes: request.notes, contactRequestId: lead.id, bookedBy: rep.id },
    options,
  );
}
