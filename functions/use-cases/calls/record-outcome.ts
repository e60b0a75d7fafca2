// Use case: a rep logs an outcome — from a signed one-click link or through the API with their token.
// Each prompt takes one outcome and each booking one attendance; a second click changes nothing (409).
// Voicemail or no answer schedules the next attempt by the cadence, or closes the lead as unreachable,
// and texts "sorry I missed you" to a lead who agreed to texts.

import { composedMail } from "../../core/messages/outbox-items";
import { nextAttemptAt, RETRY_OUTCOMES } from "../../core/calls/call-cadence";
import { nextCallingTime } from "../../core/calls/calling-hours";
import { ConflictError, Forbidden, InvalidInput, NotFound } from "../../core/errors";
import { bookingPageUrl } from "../../core/bookings/link-language";
import { OUTCOME_PURPOSE, parseOutcomeSubject, unsubscribeUrls, type OutcomeSubject } from "../../core/bookings/lifecycle-links";
import { composeRebookInvite } from "../../core/bookings/lifecycle-messages";
import { timeForRep } from "../../core/calls/rep-facing-time";
import { verifyToken } from "../../core/access/signed-token";
import { callAttemptTimer, escalationTimer } from "../../core/bookings/timer-plan";
import type { LeadEvent, OutcomeWrite, Prompt } from "../../ports/lead-log";
import type { OutboxItem } from "../../ports/outbox";
import { leadView } from "./call-prompts";
import { CALL_BACK_POOL } from "../workspace/console-queue";
import { missedCallText } from "../texts/texts";
import type { UseCaseDependencies } from "../use-case-dependencies";
import { messageContext } from "../messages/message-context";

export class OutcomeAlreadyRecorded extends ConflictError {
  readonly code = "outcome_already_recorded";
  constructor() {
    super("This was already logged. Nothing changed.");
    this.name = "OutcomeAlreadyRecorded";
  }
}

/** A call-back in the team's pool (its rep was deactivated) is taken by a rep in the console before its outcome is logged. */
export class CallBackInPool extends ConflictError {
  readonly code = "call_back_in_pool";
  constructor() {
    super("This call-back was handed to the team's pool: take it from the queue in the console.");
    this.name = "CallBackInPool";
  }
}

/** An outcome link's follow-up is no longer its rep's: a manager moved it, or another rep took it from the pool. */
export class CallBackMoved extends ConflictError {
  readonly code = "call_back_moved";
  constructor() {
    super("This follow-up was moved to another rep, so nothing was logged: it is in their queue now.");
    this.name = "CallBackMoved";
  }
}

/** An instant call's queue item is claimed before its outcome is logged: until then it may move to another rep. */
export class InstantCallNotClaimed extends ConflictError {
  readonly code = "instant_call_not_claimed";
  constructor() {
    super("Claim this call first: until then it may move to another rep.");
    this.name = "InstantCallNotClaimed";
  }
}

const ATTENDANCE = new Set(["attended", "no_show"]);
/** Outcomes that end the follow-up, and how the lead's log names the close. */
const CLOSING: Record<string, string> = { converted: "converted", not_interested: "not_interested", wrong_number: "wrong_number" };

export interface RecordedOutcome {
  outcome: string;
  leadName: string;
  attempt?: number;
  /** With the due time as the rep reads it: "9:00 AM Pat's time (Europe/Paris) · 2:00 AM yours". */
  next?: { attempt: number; dueAt: Date; dueText: string };
  closed?: string;
}

/** From a signed outcome link (the token names the lead, the prompt, the outcome and the rep it was mailed to). */
export async function recordOutcomeFromLink(deps: UseCaseDependencies, token: string): Promise<RecordedOutcome> {
  const subject = outcomeLinkSubject(deps, token);
  const prompt = await deps.leadLog.getPrompt(subject.leadId, subject.promptId);
  if (prompt) await refuseMovedPrompt(deps, prompt, subject);
  return recordOutcome(deps, subject.leadId, subject.promptId, subject.outcome, prompt);
}

/** The link's subject, when its token is ours, for outcomes and unexpired; else Forbidden. */
function outcomeLinkSubject(deps: UseCaseDependencies, token: string): OutcomeSubject {
  const claims = verifyToken(token, deps.signingSecret, OUTCOME_PURPOSE, deps.clock.now());
  const subject = claims && parseOutcomeSubject(claims.subject);
  if (!subject) throw new Forbidden();
  return subject;
}

/**
 * A call outcome link speaks for the rep it was mailed to: once the open follow-up is someone else's (a
 * manager assigned it, or another rep took it from the team's pool), that rep's old links log nothing. An
 * attendance link still logs (the demo was theirs, whoever calls next); a closed follow-up goes on to
 * "already logged", a pooled one to CallBackInPool. A link naming no rep (mailed before links named one)
 * speaks for the prompt's owner as long as the prompt was never moved.
 */
async function refuseMovedPrompt(deps: UseCaseDependencies, prompt: Prompt, subject: OutcomeSubject): Promise<void> {
  if (ATTENDANCE.has(subject.outcome) || prompt.status !== "open" || prompt.repId === CALL_BACK_POOL) return;
  const mailedTo = subject.repId ?? ((await everMoved(deps, prompt)) ? undefined : prompt.repId);
  if (prompt.repId !== mailedTo) throw new CallBackMoved();
}

/** Whether the prompt was ever handed from one rep (or the pool) to another: its lead's log says so. */
async function everMoved(deps: UseCaseDependencies, prompt: Prompt): Promise<boolean> {
  return (await deps.leadLog.events(prompt.leadId)).some((event) => event.kind === "reassigned" && event.data?.promptId === prompt.promptId);
}

/** What an outcome link would record, for whom — and, when something was logged already, what and when. */
export interface OutcomeLinkView {
  outcome: string;
  leadName: string;
  attempt?: number;
  recorded?: { outcome: string; at: string };
}

/**
 * Reads an outcome link without acting on it: opening the link (a mail scanner does) changes nothing; the
 * page shows this and records only when the rep presses its button.
 */
export async function viewOutcomeLink(deps: UseCaseDependencies, token: string): Promise<OutcomeLinkView> {
  const subject = outcomeLinkSubject(deps, token);
  const prompt = await deps.leadLog.getPrompt(subject.leadId, subject.promptId);
  const lead = await deps.store.getLead(subject.leadId);
  if (!prompt || !lead) throw new NotFound("There is no such follow-up.");
  await refuseMovedPrompt(deps, prompt, subject);
  refuseOnPrompt(prompt, subject.outcome);
  const view: OutcomeLinkView = { outcome: subject.outcome, leadName: lead.prospect.name };
  if (ATTENDANCE.has(subject.outcome)) {
    const logged = await loggedAttendance(deps, prompt);
    return logged ? { ...view, recorded: { outcome: logged.kind, at: logged.at } } : view;
  }
  const recorded = prompt.status === "done" && prompt.outcome ? { outcome: prompt.outcome, at: prompt.closedAt ?? "" } : undefined;
  return { ...view, attempt: prompt.attempt, ...(recorded ? { recorded } : {}) };
}

/** From the rep API: the rep must own the prompt. */
export async function recordOutcomeAsRep(deps: UseCaseDependencies, repId: string, leadId: string, promptId: string, outcome: string): Promise<RecordedOutcome> {
  const prompt = await deps.leadLog.getPrompt(leadId, promptId);
  if (!prompt || prompt.repId !== repId) throw new NotFound("There is no such follow-up for this rep.");
  return recordOutcome(deps, leadId, promptId, outcome, prompt);
}

/**
 * Throws what recording `outcome` on `prompt` would refuse, before anything is written: the console takes an
 * item from the team's pool only for an outcome that will then be recorded (console.route.ts).
 */
export async function refuseUnrecordableOutcome(deps: UseCaseDependencies, prompt: Prompt, outcome: string): Promise<void> {
  refuseWhoeverHasIt(prompt, outcome);
  if (ATTENDANCE.has(outcome) && (await loggedAttendance(deps, prompt))) throw new OutcomeAlreadyRecorded();
}

/**
 * What the prompt's state alone refuses: a call outcome on a pooled follow-up (a rep takes it in the console
 * first, console-queue.ts; attendance may be logged, the demo is over either way), and what refuseWhoeverHasIt does.
 */
function refuseOnPrompt(prompt: Prompt, outcome: string): void {
  if (prompt.status === "open" && prompt.repId === CALL_BACK_POOL && !ATTENDANCE.has(outcome)) throw new CallBackInPool();
  refuseWhoeverHasIt(prompt, outcome);
}

/** What the prompt's state refuses whoever has it, the team's pool too: an unclaimed instant call, an attendance outcome on a follow-up without a demo. */
function refuseWhoeverHasIt(prompt: Prompt, outcome: string): void {
  if (prompt.status === "open" && prompt.reason === "instant" && !prompt.claimedAt) throw new InstantCallNotClaimed();
  if (ATTENDANCE.has(outcome)) demoOf(prompt);
}

/** The demo an attendance outcome is about: only a follow-up after a demo has one. */
function demoOf(prompt: Prompt): string {
  if (!prompt.bookingId) throw new InvalidInput("outcome", "applies only to a demo.");
  return prompt.bookingId;
}

/** The attendance already logged for the prompt's demo, if any. */
async function loggedAttendance(deps: UseCaseDependencies, prompt: Prompt): Promise<LeadEvent | undefined> {
  if (!prompt.bookingId) return undefined;
  return (await deps.leadLog.events(prompt.leadId)).find((event) => ATTENDANCE.has(event.kind) && event.ref === prompt.bookingId);
}

/** From the console: the caller has already checked the rep may act on this prompt. The note goes into the log. */
export async function recordOutcomeOnPrompt(deps: UseCaseDependencies, prompt: Prompt, outcome: string, note?: string): Promise<RecordedOutcome> {
  return recordOutcome(deps, prompt.leadId, prompt.promptId, outcome, prompt, note);
}

async function recordOutcome(deps: UseCaseDependencies, leadId: string, promptId: string, outcome: string, known?: Prompt, note?: string): Promise<RecordedOutcome> {
  const prompt = known ?? (await deps.leadLog.getPrompt(leadId, promptId));
  const lead = await deps.store.getLead(leadId);
  if (!prompt || !lead) throw new NotFound("There is no such follow-up.");
  refuseOnPrompt(prompt, outcome);
  const now = deps.clock.now();
  const at = now.toISOString();
  if (ATTENDANCE.has(outcome)) {
    const bookingId = demoOf(prompt);
    const write: OutcomeWrite = {
      attendance: { bookingId, outcome },
      events: [{ leadId, at, kind: outcome, ref: bookingId, data: { bookingId, ...(note ? { note } : {}) } }],
      outbox: [],
    };
    if (!(await deps.leadLog.recordOutcome(write, now))) throw new OutcomeAlreadyRecorded();
    return { outcome, leadName: lead.prospect.name };
  }
  const config = deps.catalogue.config;
  const events: LeadEvent[] = [{ leadId, at, kind: "call_attempt", ref: prompt.promptId, data: { outcome, attempt: prompt.attempt, promptId: prompt.promptId, repId: prompt.repId, ...(note ? { note } : {}) } }];
  const owner = { kind: "lead" as const, id: leadId };
  // Acted on: the escalation is no longer needed.
  const outbox: OutboxItem[] = [{ type: "timers", owner, key: `outcome-${prompt.promptId}`, schedule: [], cancel: [escalationTimer(leadId, prompt.promptId, 0).name] }];
  const result: RecordedOutcome = { outcome, leadName: lead.prospect.name, attempt: prompt.attempt };
  let closeLead: OutcomeWrite["closeLead"];
  if (RETRY_OUTCOMES.has(outcome)) {
    // "Sorry I missed you", by text, when the lead agreed to texts (written with the outcome: once).
    const text = missedCallText(deps, lead, prompt, now);
    if (text) outbox.push(text);
    const cadenceDue = nextAttemptAt(config.followUps.callCadence, prompt.attempt, now.getTime(), lead.timeZone, config.followUps.businessMorning);
    // Never due outside the lead's calling hours: a retry at 20:35 theirs waits for the next window.
    const dueAt = cadenceDue === undefined ? undefined : nextCallingTime(cadenceDue, lead.timeZone, deps.catalogue.callingHours(lead.offeringId));
    if (dueAt === undefined) {
      closeLead = { leadId, reason: "unreachable" };
      events.push({ leadId, at, kind: "unreachable", ref: prompt.promptId, data: { attempts: prompt.attempt } });
      result.closed = "unreachable";
    } else {
      const timer = callAttemptTimer(leadId, prompt.chain, prompt.attempt + 1, dueAt);
      outbox[0] = { ...(outbox[0] as Extract<OutboxItem, { type: "timers" }>), schedule: [timer] };
      // In the rep's words: the outcome page shows it as it is.
      const rep = deps.catalogue.rep(prompt.repId);
      result.next = { attempt: prompt.attempt + 1, dueAt: new Date(dueAt), dueText: timeForRep(new Date(dueAt), { name: lead.prospect.name, timeZone: lead.timeZone }, rep.timeZone, { withDay: true, language: rep.language }) };
    }
  } else if (CLOSING[outcome]) {
    closeLead = { leadId, reason: CLOSING[outcome]! };
    if (outcome === "converted") events.push({ leadId, at, kind: "converted", ref: prompt.promptId });
    result.closed = CLOSING[outcome];
  } else if (outcome === "wants_another_demo") {
    const rep = deps.catalogue.rep(prompt.repId);
    const unsubscribe = unsubscribeUrls(deps.publicUrl, deps.signingSecret, now, lead.prospect.email, lead.prospect.locale);
    const email = composeRebookInvite(
      messageContext(deps, now),
      { lead: leadView(lead), rep: { name: rep.name, email: rep.email }, bookingPageUrl: bookingPageUrl(deps.publicUrl, lead.prospect.locale), unsubscribeUrl: unsubscribe.oneClick, unsubscribePageUrl: unsubscribe.page },
    );
    outbox.push({ type: "mail", owner, key: `rebook-${prompt.promptId}`, from: config.sender.email, ...composedMail(email), category: "engagement", logAs: { leadId, kind: "rebook_invited" } });
  }
  // Closed only while still the rep's it was read as: a move in between (a link checked a moment before) logs nothing.
  const write: OutcomeWrite = { closePrompt: { leadId, promptId: prompt.promptId, outcome, repId: prompt.repId }, closeLead, events, outbox };
  if (!(await deps.leadLog.recordOutcome(write, now))) throw await notRecorded(deps, prompt);
  deps.log("info", "call outcome logged", { leadId, promptId: prompt.promptId, outcome, next: result.next?.dueAt, closed: result.closed });
  return result;
}

/** Why the close found the prompt changed: moved to another rep or to the team's pool while still open, or closed already. */
async function notRecorded(deps: UseCaseDependencies, asRead: Prompt): Promise<Error> {
  const now = await deps.leadLog.getPrompt(asRead.leadId, asRead.promptId);
  if (now?.status !== "open" || now.repId === asRead.repId) return new OutcomeAlreadyRecorded();
  return now.repId === CALL_BACK_POOL ? new CallBackInPool() : new CallBackMoved();
}
