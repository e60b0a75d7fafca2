// Use case: "call me now". A rep says they take instant calls (presence, kept alive by the console's
// heartbeats); the booking page asks whether a rep of the offering's pool is reachable; a prospect's request
// is first a contact request (its lead and speed-to-lead call-back), then an `instant` queue item for the
// fairest reachable rep of the routed pool, who is e-mailed too. Unclaimed when its ring time ends (a timer),
// it moves to the next reachable rep; when nobody is left the prospect is told and the call-back stands.

import { composedMail } from "../../core/messages/outbox-items";
import { createHash } from "node:crypto";
import type { RepConfig } from "../../config/liveline-config";
import type { Lead, LeadSource, Prospect } from "../../core/bookings/booking";
import { ConflictError, IdempotencyKeyReused, InvalidInput, NotFound } from "../../core/errors";
import { nextToRing, presenceState, presenceUntil, type PresenceState } from "../../core/calls/instant-calls";
import { composeCallPrompt } from "../../core/bookings/lifecycle-messages";
import { instantRingTimer, promptId as promptIdOf } from "../../core/bookings/timer-plan";
import type { InstantCall, LeadEvent, Prompt, PromptStart } from "../../ports/lead-log";
import type { OutboxItem } from "../../ports/outbox";
import { repLoad } from "../availability/free-slot";
import { leadView } from "./call-prompts";
import { saveContactRequest } from "../bookings/record-contact-request";
import type { UseCaseDependencies } from "../use-case-dependencies";
import { messageContext } from "../messages/message-context";

const DAY = 86_400_000;
/** A second request of the same person while their call may still ring gets the same call (the ring times, and this). */
const GUARD_MARGIN_MS = 60_000;

/** A call rang out, or someone took it first. */
export class InstantCallTaken extends ConflictError {
  readonly code = "instant_call_taken";
  constructor(message = "This call was already taken or has moved on. Nothing changed.") {
    super(message);
    this.name = "InstantCallTaken";
  }
}

export interface PresenceView {
  /** The rep's switch: on until it lapses (no heartbeat within the presence time) or they turn it off. */
  available: boolean;
  /** Whether a request would ring them now (inside working hours, no demo running). */
  reachable: boolean;
  /** ISO: when the switch lapses without another heartbeat. */
  until?: string;
  reason?: Exclude<PresenceState, { reachable: true }>["reason"];
}

// ---------------------------------------------------------------- presence

export async function setPresence(deps: UseCaseDependencies, rep: RepConfig, available: boolean): Promise<PresenceView> {
  const now = deps.clock.now().getTime();
  const presence = available ? { repId: rep.id, heartbeatAt: now } : undefined;
  const expiresAt = presence ? presenceUntil(presence, deps.catalogue.config.instantCalls.presenceMinutes) : now;
  await deps.instantCalls.savePresence(rep.id, presence, expiresAt);
  deps.log("info", available ? "rep available for instant calls" : "rep not available for instant calls", { repId: rep.id });
  return presenceOf(deps, rep);
}

export async function presenceOf(deps: UseCaseDependencies, rep: RepConfig): Promise<PresenceView> {
  const states = await presenceStates(deps, [rep.id]);
  const state = states.get(rep.id)!;
  if (state.reachable) return { available: true, reachable: true, until: new Date(state.until).toISOString() };
  if (state.reason === "off") return { available: false, reachable: false, reason: "off" };
  return { available: true, reachable: false, reason: state.reason, ...(state.until ? { until: new Date(state.until).toISOString() } : {}) };
}

/** Each rep's state now: one batch read of presence, and of schedules only for reps whose switch is on. */
async function presenceStates(deps: UseCaseDependencies, repIds: readonly string[]): Promise<Map<string, PresenceState>> {
  const now = deps.clock.now().getTime();
  const minutes = deps.catalogue.config.instantCalls.presenceMinutes;
  const presences = await deps.instantCalls.presenceOf(repIds);
  const live = [...presences.values()].filter((presence) => presenceUntil(presence, minutes) > now).map((presence) => presence.repId);
  const schedules = live.length ? await deps.store.readSchedules(live) : new Map();
  const states = new Map<string, PresenceState>();
  for (const repId of repIds) {
    const demos = (schedules.get(repId)?.demos ?? []).map((demo: { blocked: { start: number; end: number } }) => demo.blocked);
    const rep = deps.catalogue.availabilityReps([repId])[0]!;
    states.set(repId, presenceState(presences.get(repId), rep, demos, now, minutes));
  }
  return states;
}

/** The reps of the pool that can be rung now, with their fairness loads. */
async function reachableOf(deps: UseCaseDependencies, pool: readonly string[], fairnessWindowDays: number) {
  const states = await presenceStates(deps, pool);
  const reachable = new Set([...states].filter(([, state]) => state.reachable).map(([repId]) => repId));
  if (reachable.size === 0) return { reachable, loads: [] };
  const schedules = await deps.store.readSchedules([...reachable]);
  const windowStart = deps.clock.now().getTime() - fairnessWindowDays * DAY;
  return { reachable, loads: [...reachable].map((repId) => repLoad(deps, schedules.get(repId)!, windowStart)) };
}

/**
 * For the booking page: whether any rep of the offering's pool — or of the pool its contact request was
 * routed to — would be rung now (no names).
 */
export async function instantAvailability(deps: UseCaseDependencies, offeringId: string, contactRequestId?: string): Promise<boolean> {
  const offering = deps.catalogue.offering(offeringId);
  let pool = deps.catalogue.poolIds(offering);
  if (contactRequestId) {
    const lead = await deps.store.getLead(contactRequestId);
    if (!lead) throw new InvalidInput("contactRequest", "No contact request has this id.", "unknown_contact_request");
    if (lead.offeringId === offering.id) pool = lead.routing.pool;
  }
  const states = await presenceStates(deps, pool);
  return [...states.values()].some((state) => state.reachable);
}

// ---------------------------------------------------------------- the request

export interface InstantCallRequest {
  offeringId: string;
  prospect: Prospect;
  timeZone: string;
  source?: LeadSource;
  /** The "Text me reminders" box. */
  smsConsent?: boolean;
  /** The Idempotency-Key, when sent: the same key is the same request. */
  idempotencyKey?: string;
  /** The validated body's hash. */
  requestHash: string;
}

export async function requestInstantCall(deps: UseCaseDependencies, request: InstantCallRequest): Promise<{ call: InstantCall; replayed: boolean }> {
  const id = request.idempotencyKey ? `k${createHash("sha256").update(request.idempotencyKey).digest("base64url").slice(0, 22)}` : deps.newId();
  if (request.idempotencyKey) {
    const existing = await deps.instantCalls.get(id);
    if (existing) return { call: sameRequest(existing, request.requestHash), replayed: true };
  }
  const offering = deps.catalogue.offering(request.offeringId);
  const { lead, routing } = await saveContactRequest(deps, { prospect: request.prospect, timeZone: request.timeZone, source: request.source, smsConsent: request.smsConsent }, offering);
  const now = deps.clock.now();
  const { reachable, loads } = await reachableOf(deps, routing.pool, offering.fairnessWindowDays);
  const repId = nextToRing(loads, reachable, []);
  const ringMs = deps.catalogue.config.instantCalls.ringSeconds * 1000;
  const promptId = promptIdOf(`i${id}`, 1);
  const call: InstantCall = {
    id,
    leadId: lead.id,
    offeringId: offering.id,
    pool: routing.pool,
    status: repId ? "ringing" : "unavailable",
    rung: repId ? [repId] : [],
    ring: 1,
    ...(repId ? { promptId, ringUntil: now.getTime() + ringMs } : {}),
    createdAt: now.toISOString(),
    requestHash: request.requestHash,
  };
  const prompt = repId ? instantPrompt(deps, lead, call, repId, now) : undefined;
  const events: LeadEvent[] = [{ leadId: lead.id, at: now.toISOString(), kind: "instant_requested", ref: id, data: { callId: id, offeringId: offering.id, status: call.status, ...(repId ? { repId } : {}) } }];
  // The guard lasts while the call could still ring someone of the pool.
  const guardUntil = now.getTime() + ringMs * routing.pool.length + GUARD_MARGIN_MS;
  const started = await deps.instantCalls.start({ call, ...(prompt ? { prompt } : {}), events, ...(repId ? { guardUntil } : {}) }, now);
  if (!started.started) {
    const existing = await deps.instantCalls.get(started.existingId);
    if (!existing) throw new NotFound("There is no such instant call.");
    return { call: started.existingId === id ? sameRequest(existing, request.requestHash) : existing, replayed: true };
  }
  deps.log("info", "instant call requested", { callId: id, leadId: lead.id, status: call.status, repId, pool: routing.pool });
  return { call, replayed: false };
}

function sameRequest(call: InstantCall, requestHash: string): InstantCall {
  if (call.requestHash !== requestHash) throw new IdempotencyKeyReused();
  return call;
}

export async function instantCallStatus(deps: UseCaseDependencies, callId: string): Promise<InstantCall> {
  // Ids are UUIDs or "k" + 22 base64url characters; anything else cannot be one (nor a valid table key).
  const call = /^[A-Za-z0-9_-]{1,64}$/.test(callId) ? await deps.instantCalls.get(callId) : undefined;
  if (!call) throw new NotFound("There is no such instant call.");
  return call;
}

/** The queue item, its e-mail to the rep and the timer that ends the ring. */
function instantPrompt(deps: UseCaseDependencies, lead: Lead, call: InstantCall, repId: string, now: Date): PromptStart {
  const ringUntil = now.getTime() + deps.catalogue.config.instantCalls.ringSeconds * 1000;
  const prompt: Prompt = {
    leadId: lead.id,
    promptId: promptIdOf(`i${call.id}`, 1),
    chain: `i${call.id}`,
    attempt: 1,
    repId,
    reason: "instant",
    dueAt: now.toISOString(),
    status: "open",
    instantCallId: call.id,
    ringUntil: new Date(ringUntil).toISOString(),
    contact: { name: lead.prospect.name, email: lead.prospect.email, ...(lead.prospect.phone ? { phone: lead.prospect.phone } : {}), ...(lead.prospect.company ? { company: lead.prospect.company } : {}), timeZone: lead.timeZone },
  };
  return {
    prompt,
    outbox: ringOutbox(deps, lead, call.id, 1, repId, ringUntil, now, prompt.promptId),
    events: [{ leadId: lead.id, at: now.toISOString(), kind: "call_prompted", ref: prompt.promptId, data: { promptId: prompt.promptId, attempt: 1, repId, reason: "instant", callId: call.id } }],
  };
}

/** What one ring owes: the e-mail to the rep it rings, and the timer that ends it. */
function ringOutbox(deps: UseCaseDependencies, lead: Lead, callId: string, ring: number, repId: string, ringUntil: number, now: Date, promptId: string): OutboxItem[] {
  const config = deps.catalogue.config;
  const rep = deps.catalogue.rep(repId);
  const email = composeCallPrompt(
    messageContext(deps, now),
    {
      lead: leadView(lead),
      rep: { name: rep.name, email: rep.email, timeZone: rep.timeZone, language: rep.language },
      attempt: 1,
      attemptsInAll: 1,
      reason: "instant",
      instant: { consoleUrl: `${deps.publicUrl.replace(/\/+$/, "")}/console`, ringSeconds: config.instantCalls.ringSeconds },
      outcomeLinks: [],
      promptId: `${promptId}-r${ring}`,
    },
  );
  const owner = { kind: "lead" as const, id: lead.id };
  return [
    { type: "mail", owner, key: `instant-${callId}-r${ring}`, from: config.sender.email, ...composedMail(email), category: "transactional" },
    { type: "timers", owner, key: `instant-timer-${callId}-r${ring}`, schedule: [instantRingTimer(callId, ring, ringUntil)], cancel: [] },
  ];
}

// ---------------------------------------------------------------- ring ends, claim

export type RingOutcome = "handed-off" | "unanswered" | "stale" | "duplicate";

/** The ring timer: unclaimed → the next reachable rep of the pool, or nobody → unavailable (the call-back stands). */
export async function endRing(deps: UseCaseDependencies, callId: string, ring: number): Promise<RingOutcome> {
  const call = await deps.instantCalls.get(callId);
  if (!call || call.status !== "ringing" || call.ring !== ring) return "stale";
  const prompt = call.promptId ? await deps.leadLog.getPrompt(call.leadId, call.promptId) : undefined;
  const lead = await deps.store.getLead(call.leadId);
  const now = deps.clock.now();
  const at = now.toISOString();
  const offering = deps.catalogue.offering(call.offeringId);
  const { reachable, loads } = prompt?.status === "open" && lead ? await reachableOf(deps, call.pool, offering.fairnessWindowDays) : { reachable: new Set<string>(), loads: [] };
  const next = nextToRing(loads, reachable, call.rung);
  if (next && prompt && lead) {
    const ringUntil = now.getTime() + deps.catalogue.config.instantCalls.ringSeconds * 1000;
    const outbox = ringOutbox(deps, lead, call.id, ring + 1, next, ringUntil, now, prompt.promptId);
    const events: LeadEvent[] = [{ leadId: call.leadId, at, kind: "instant_handed_off", ref: `${call.id}.${ring + 1}`, data: { callId: call.id, fromRepId: prompt.repId, repId: next, ring: ring + 1 } }];
    if (!(await deps.instantCalls.handOff({ call, prompt, toRepId: next, ringUntil, dueAt: at, events, outbox }, now))) return "duplicate";
    deps.log("info", "instant call handed on", { callId, from: prompt.repId, to: next, ring: ring + 1 });
    return "handed-off";
  }
  const events: LeadEvent[] = [{ leadId: call.leadId, at, kind: "instant_unanswered", ref: call.id, data: { callId: call.id, rung: call.rung } }];
  if (!(await deps.instantCalls.giveUp(call, events, now))) return "duplicate";
  deps.log("info", "instant call unanswered: nobody else is free", { callId, rung: call.rung });
  return "unanswered";
}

/** The rep it rings takes it: one conditional write; a second claim (or a claim after it moved on) is a 409. */
export async function claimInstantCall(deps: UseCaseDependencies, prompt: Prompt, rep: RepConfig): Promise<InstantCall> {
  if (prompt.reason !== "instant" || !prompt.instantCallId) throw new InstantCallTaken("This call-back is not an instant call; there is nothing to claim.");
  const call = await deps.instantCalls.get(prompt.instantCallId);
  if (!call || call.status !== "ringing" || call.rung.at(-1) !== rep.id || prompt.claimedAt) throw new InstantCallTaken();
  const now = deps.clock.now();
  const events: LeadEvent[] = [{ leadId: call.leadId, at: now.toISOString(), kind: "instant_claimed", ref: call.id, data: { callId: call.id, repId: rep.id, ring: call.ring } }];
  if (!(await deps.instantCalls.claim(call, rep.id, events, now))) throw new InstantCallTaken();
  deps.log("info", "instant call claimed", { callId: call.id, repId: rep.id, ring: call.ring });
  return { ...call, status: "claimed", claimedBy: rep.id, claimedAt: now.toISOString() };
}
