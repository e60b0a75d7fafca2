// HTTP API: the rep console — GET /api/console/queue, POST /api/console/queue/{id}/outcome and /assign,
// GET /api/console/team (managers), GET /api/console/schedule, GET /api/leads?query= (or ?figure=…: the leads
// behind an insights figure, seen as the figures are), GET /api/leads/{leadId},
// POST /api/leads/{leadId}/notes. Cookie or bearer; a rep acts on their own work (403 otherwise), a manager on the team's.
import type { Lead } from "../../../core/bookings/booking";
import type { PromptContact } from "../../../ports/lead-log";
import { scopeFor } from "../../../core/insights/insights";
import { bucketRange } from "../../../core/insights/insights-report";
import { addLeadNote, leadPage, leadsBehindFigure, searchLeads } from "../../../use-cases/workspace/console-leads";
import { CALL_BACK_POOL, findQueuePrompt, queueOf, reassignCallBack, takeFromPool } from "../../../use-cases/workspace/console-queue";
import { scheduleOf } from "../../../use-cases/workspace/console-schedule";
import { OutcomeAlreadyRecorded, recordOutcomeOnPrompt, refuseUnrecordableOutcome } from "../../../use-cases/calls/record-outcome";
import type { UseCaseDependencies } from "../../../use-cases/use-case-dependencies";
import { asLeadViewer, consoleCaller, requireAccessTo, requireManager } from "../console-auth";
import { assignBody, consoleOutcomeBody, leadsQuery, noteBody, queueQuery } from "../console-schemas";
import { HttpError, jsonBody, parseWith, type Route } from "../http-route";
import { checkedInsightsFilter } from "../insights-filter";

const leadView = (id: string, contact: PromptContact) => ({ id, name: contact.name, ...(contact.company ? { company: contact.company } : {}), email: contact.email, ...(contact.phone ? { phone: contact.phone } : {}), timeZone: contact.timeZone });
const leadOf = (lead: Lead) => leadView(lead.id, { ...lead.prospect, timeZone: lead.timeZone });

/** Whose queue or schedule: the caller's own by default; another rep's, or `all`, for managers only. */
function requestedRepIds(deps: UseCaseDependencies, caller: Awaited<ReturnType<typeof consoleCaller>>, query: Record<string, string>): string[] {
  const { rep = caller.rep.id } = parseWith(queueQuery, query);
  if (rep !== caller.rep.id) requireManager(caller);
  // Read per request: the route table is also built without dependencies, to list the routes.
  const repIds = deps.catalogue.config.reps.map((each) => each.id);
  if (rep === "all") return [...repIds, CALL_BACK_POOL];
  if (!repIds.includes(rep)) throw new HttpError(422, "invalid_input", "rep is not a rep id.", "rep");
  // Your own queue shows the team's pool too (a deactivated rep's call-backs): anyone may take one.
  return rep === caller.rep.id ? [rep, CALL_BACK_POOL] : [rep];
}

export function consoleRoutes(deps: UseCaseDependencies): Route[] {
  return [
    {
      method: "GET",
      pattern: "/api/console/queue",
      handle: async (request) => {
        const caller = await consoleCaller(deps, request);
        const items = await queueOf(deps, requestedRepIds(deps, caller, request.query));
        return {
          statusCode: 200,
          json: {
            items: items.map(({ id, prompt, contact, overdue }) => ({
              id,
              kind: prompt.reason,
              repId: prompt.repId,
              dueAt: prompt.dueAt,
              attempt: prompt.attempt,
              overdue,
              escalated: Boolean(prompt.escalated),
              lead: leadView(prompt.leadId, contact),
              ...(prompt.bookingId ? { bookingId: prompt.bookingId } : {}),
              ...(prompt.repId === CALL_BACK_POOL ? { inPool: true } : {}),
              ...(prompt.instantCallId ? { instant: { callId: prompt.instantCallId, ...(prompt.ringUntil ? { ringUntil: prompt.ringUntil } : {}), ...(prompt.claimedAt ? { claimedAt: prompt.claimedAt } : {}) } } : {}),
            })),
          },
        };
      },
    },
    {
      method: "POST",
      pattern: "/api/console/queue/{id}/outcome",
      handle: async (request) => {
        const caller = await consoleCaller(deps, request);
        const { outcome, note } = jsonBody(request, consoleOutcomeBody);
        let prompt = await findQueuePrompt(deps, request.params.id!);
        if (prompt.repId === CALL_BACK_POOL && prompt.status === "open") {
          // From the pool: the caller takes it first (one conditional write; another rep may have been quicker),
          // and only for an outcome that will be recorded, so a refused one leaves the item in the pool.
          await refuseUnrecordableOutcome(deps, prompt, outcome);
          prompt = (await takeFromPool(deps, prompt, caller.rep)) ?? (await findQueuePrompt(deps, request.params.id!));
        }
        requireAccessTo(caller, prompt.repId);
        const recorded = await recordOutcomeOnPrompt(deps, prompt, outcome, note);
        return {
          statusCode: 200,
          json: {
            outcome: recorded.outcome,
            lead: { name: recorded.leadName },
            ...(recorded.attempt !== undefined ? { attempt: recorded.attempt } : {}),
            ...(recorded.next ? { next: { attempt: recorded.next.attempt, dueAt: recorded.next.dueAt.toISOString() } } : {}),
            ...(recorded.closed ? { closed: recorded.closed } : {}),
          },
        };
      },
    },
    {
      method: "POST",
      pattern: "/api/console/queue/{id}/assign",
      handle: async (request) => {
        const caller = await consoleCaller(deps, request);
        requireManager(caller);
        const { repId } = jsonBody(request, assignBody);
        const to = deps.catalogue.activeReps().find((rep) => rep.id === repId);
        if (!to) throw new HttpError(422, "invalid_input", "repId is not a rep id.", "repId");
        const prompt = await findQueuePrompt(deps, request.params.id!);
        if (!(await reassignCallBack(deps, prompt, to, caller.rep))) throw new OutcomeAlreadyRecorded();
        return { statusCode: 200, json: { id: request.params.id, repId: to.id } };
      },
    },
    {
      method: "GET",
      pattern: "/api/console/team",
      handle: async (request) => {
        requireManager(await consoleCaller(deps, request));
        return { statusCode: 200, json: { reps: deps.catalogue.activeReps().map(({ id, name, role }) => ({ id, name, role })) } };
      },
    },
    {
      method: "GET",
      pattern: "/api/console/schedule",
      handle: async (request) => {
        const caller = await consoleCaller(deps, request);
        const entries = await scheduleOf(deps, requestedRepIds(deps, caller, request.query));
        return {
          statusCode: 200,
          json: {
            entries: entries.map((entry) => ({
              kind: entry.kind,
              repId: entry.repId,
              start: new Date(entry.start).toISOString(),
              end: new Date(entry.end).toISOString(),
              title: entry.title,
              joinUrl: entry.joinUrl,
              ...(entry.booking
                ? { bookingId: entry.booking.id, lead: { id: entry.booking.leadId, name: entry.booking.prospect.name, ...(entry.booking.prospect.company ? { company: entry.booking.prospect.company } : {}), ...(entry.booking.prospect.interest ? { interest: entry.booking.prospect.interest } : {}), ...(entry.booking.notes ? { notes: entry.booking.notes } : {}) }, timeZone: entry.booking.timeZone }
                : {}),
              ...(entry.session ? { sessionId: entry.session.session.id, seatsTaken: entry.session.seatsTaken } : {}),
            })),
          },
        };
      },
    },
    {
      method: "GET",
      pattern: "/api/leads",
      handle: async (request) => {
        const caller = await consoleCaller(deps, request);
        const { query, figure, from, to, timeZone, ...scope } = parseWith(leadsQuery, request.query);
        if (figure === undefined) {
          if (query === undefined) throw new HttpError(422, "invalid_input", "query is required (or figure, for the leads behind an insights figure).", "query");
          return { statusCode: 200, json: { leads: (await searchLeads(deps, query, caller.rep)).map(leadOf) } };
        }
        // The leads behind an insights figure: the figure's own filter, checked as the figures are.
        for (const [name, value] of Object.entries({ from, to, timeZone })) if (value === undefined) throw new HttpError(422, "invalid_input", `${name} is required with figure.`, name);
        if (query !== undefined) throw new HttpError(422, "invalid_input", "query and figure cannot be combined.", "query");
        const filter = checkedInsightsFilter(deps, caller.rep, { from: from!, to: to!, timeZone: timeZone!, ...scope }, { unassigned: true });
        const behind = await leadsBehindFigure(deps, { figure, ...bucketRange(filter.from, filter.to, filter.timeZone), scope: scopeFor(filter.rep, filter.offering, filter.source !== undefined), ...(filter.source !== undefined ? { source: filter.source } : {}) });
        return { statusCode: 200, json: { leads: behind.leads.map(leadOf), total: behind.total } };
      },
    },
    {
      method: "GET",
      pattern: "/api/leads/{leadId}",
      handle: async (request) => {
        const caller = await consoleCaller(deps, request);
        const page = await asLeadViewer(() => leadPage(deps, request.params.leadId!, caller.rep));
        return { statusCode: 200, json: { lead: leadOf(page.lead), events: page.events.map(({ at, kind, data }) => ({ at, kind, ...(data ? { data } : {}) })) } };
      },
    },
    {
      method: "POST",
      pattern: "/api/leads/{leadId}/notes",
      handle: async (request) => {
        const caller = await consoleCaller(deps, request);
        const { text } = jsonBody(request, noteBody);
        const note = await asLeadViewer(() => addLeadNote(deps, request.params.leadId!, caller.rep, text));
        return { statusCode: 201, json: { at: note.at, kind: note.kind, data: note.data } };
      },
    },
  ];
}
