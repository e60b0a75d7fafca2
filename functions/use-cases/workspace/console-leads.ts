// Use case: a lead in the rep console — its whole log in time order (requests, bookings, moves, cancels,
// webinars, every call attempt with its note, feedback, e-mails), notes a rep adds, and search. A rep sees
// the leads they work on (booked with them, called by them, handed to them, or routed to them); a manager
// sees every lead. The leads behind an insights figure: those whose counters sum up to it (each lead's
// insights snapshot, core/insights/insights-report.ts leadPartOf).

import type { RepConfig } from "../../config/liveline-config";
import type { Lead } from "../../core/bookings/booking";
import { NotFound } from "../../core/errors";
import { leadPartOf, type FigureFilter } from "../../core/insights/insights-report";
import type { LeadEvent } from "../../ports/lead-log";
import type { UseCaseDependencies } from "../use-case-dependencies";

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

/** Leads listed behind a figure: the most recent this many; `total` says how many there are. */
export const FIGURE_LEADS_LIMIT = 100;

export interface LeadsBehindFigure {
  total: number;
  /** The most recent first (the last time each added to the figure). */
  leads: Lead[];
}

/**
 * The leads behind a figure of the insights (the caller decides whose figures the viewer may see, as for
 * the figures themselves); an erased lead has no snapshot left and is not listed.
 */
export async function leadsBehindFigure(deps: UseCaseDependencies, filter: FigureFilter): Promise<LeadsBehindFigure> {
  const behind: { leadId: string; last: string }[] = [];
  await deps.insights.eachSnapshot((leadId, rows) => {
    const part = leadPartOf(rows, filter);
    if (part) behind.push({ leadId, last: part.last });
  });
  behind.sort((a, b) => b.last.localeCompare(a.last) || a.leadId.localeCompare(b.leadId));
  const leads = await Promise.all(behind.slice(0, FIGURE_LEADS_LIMIT).map(({ leadId }) => deps.store.getLead(leadId)));
  return { total: behind.length, leads: leads.filter((lead): lead is Lead => lead !== undefined) };
}
