// Use case: a lead in the rep console — its whole log in time order (requests, bookings, moves, cancels,
// webinars, every call attempt with its note, feedback, e-mails), notes a rep adds, and search. A rep sees
// the leads they work on (booked with them, called by them, handed to them, or routed to them); a manager
// sees every lead.

import type { RepConfig } from "../config/liveline-config";
import type { Lead } from "../core/booking";
import { NotFound } from "../core/errors";
import type { LeadEvent } from "../ports/lead-log";
import type { UseCaseDependencies } from "./use-case-dependencies";

export class NotYourLead extends Error {
  constructor() {
    super("This lead belongs to another rep.");
    this.name = "NotYourLead";
  }
}

export interface LeadPage {
  lead: Lead;
  events: LeadEvent[];
}

const isManager = (rep: RepConfig) => rep.role === "manager";

/** Events that name a rep as the one working the lead. */
function worksOn(rep: RepConfig, lead: Lead, events: readonly LeadEvent[]): boolean {
  if (lead.routing.pool.length === 1 && lead.routing.pool[0] === rep.id) return true;
  return events.some((event) => event.data?.repId === rep.id || event.data?.secondRepId === rep.id);
}

export async function leadPage(deps: UseCaseDependencies, leadId: string, viewer: RepConfig): Promise<LeadPage> {
  const [lead, events] = await Promise.all([deps.store.getLead(leadId), deps.leadLog.events(leadId)]);
  if (!lead) throw new NotFound("There is no such lead.");
  if (!isManager(viewer) && !worksOn(viewer, lead, events)) throw new NotYourLead();
  return { lead, events };
}

export async function addLeadNote(deps: UseCaseDependencies, leadId: string, author: RepConfig, text: string): Promise<LeadEvent> {
  await leadPage(deps, leadId, author);
  const note: LeadEvent = { leadId, at: deps.clock.now().toISOString(), kind: "note", ref: author.id, data: { text, repId: author.id, repName: author.name } };
  await deps.leadLog.append([note]);
  return note;
}

const SEARCH_LIMIT = 25;

/** A rep finds the leads routed to them; a manager every lead. */
export async function searchLeads(deps: UseCaseDependencies, query: string, viewer: RepConfig): Promise<Lead[]> {
  const found = await deps.leads.search(query, isManager(viewer) ? SEARCH_LIMIT : 10 * SEARCH_LIMIT);
  return (isManager(viewer) ? found : found.filter((lead) => lead.routing.pool.includes(viewer.id))).slice(0, SEARCH_LIMIT);
}
