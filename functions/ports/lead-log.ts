// Port: what happened to a lead — the append-only event log (requested, booked, invite_sent, …,
// converted, unreachable), the call prompts reps act on, attendance and feedback, and "call me now" (reps'
// presence, instant calls ringing a rep's queue). Every "once" here is a conditional write: a duplicate
// delivery or a second click changes nothing.

import type { LeadEvent } from "../core/bookings/booking";
import type { Presence } from "../core/calls/instant-calls";
import type { OutboxItem } from "../core/messages/outbox-items";

export type { LeadEvent };

export type PromptReason = "after-demo" | "after-webinar" | "unbooked-request" | "retry" | "instant";

/** The lead's contact details, copied onto the prompt so a rep's queue is one read whatever the table holds. */
export interface PromptContact {
  name: string;
  email: string;
  phone?: string;
  company?: string;
  timeZone: string;
}

export interface Prompt {
  leadId: string;
  promptId: string;
  /** "lead" for an unbooked request, else the booking id the chain started from. */
  chain: string;
  attempt: number;
  repId: string;
  bookingId?: string;
  reason: PromptReason;
  dueAt: string;
  status: "open" | "done";
  outcome?: string;
  /** When the outcome was logged (the prompt closed). */
  closedAt?: string;
  escalated?: boolean;
  /** "instant": the "call me now" request it rings for, and who took it (one conditional write). */
  instantCallId?: string;
  /** "instant": when it stops ringing this rep (ISO), unless claimed. */
  ringUntil?: string;
  claimedBy?: string;
  claimedAt?: string;
  /** Absent on prompts opened before it was copied there: read the lead instead. */
  contact?: PromptContact;
}

export interface PromptStart {
  prompt: Prompt;
  /** The prompt e-mail and the escalation timer. */
  outbox: OutboxItem[];
  events: LeadEvent[];
}

export interface OutcomeWrite {
  /** Closes this prompt (it must still be open), or none for attendance. */
  /** Closed only while open and still `repId`'s (the owner it was read with). */
  closePrompt?: { leadId: string; promptId: string; outcome: string; repId: string };
  /** Records attendance once per booking. */
  attendance?: { bookingId: string; outcome: string };
  /** Closes the lead (converted, not interested, wrong number, unreachable). */
  closeLead?: { leadId: string; reason: string };
  events: LeadEvent[];
  outbox: OutboxItem[];
}

export interface FeedbackWrite {
  /** What was rated, once: a booking id, or a webinar attendee ("w:<registrationId>:<index>"). */
  subject: string;
  rating: number;
  comment?: string;
  events: LeadEvent[];
  outbox: OutboxItem[];
}

export interface LeadLog {
  events(leadId: string): Promise<LeadEvent[]>;
  /** Adds events; one with the same lead, time, kind and ref is the same event (written once). */
  append(events: readonly LeadEvent[]): Promise<void>;
  /** Opens the prompt with its mail and timers; false when it exists already (a duplicate delivery). */
  startPrompt(start: PromptStart, now: Date): Promise<boolean>;
  getPrompt(leadId: string, promptId: string): Promise<Prompt | undefined>;
  /** Marks the prompt escalated and enqueues the escalation; false when it was already, or is closed. */
  escalate(leadId: string, promptId: string, outbox: readonly OutboxItem[], now: Date): Promise<boolean>;
  /** One write; false when the prompt was closed or the attendance recorded before. */
  recordOutcome(write: OutcomeWrite, now: Date): Promise<boolean>;
  /** One write; false when feedback on this subject was received before. */
  recordFeedback(write: FeedbackWrite, now: Date): Promise<boolean>;
  /** The lead's open prompts (one query of its own partition). */
  openPromptsOf(leadId: string): Promise<Prompt[]>;
  /** A rep's open prompts, earliest due first. */
  openPrompts(repId: string): Promise<Prompt[]>;
  /** Hands an open prompt from one rep to another, with its log events; false when it is closed or moved meanwhile. */
  reassignPrompt(prompt: Prompt, toRepId: string, events: readonly LeadEvent[]): Promise<boolean>;
}

// "Call me now": reps' presence and the instant calls. Every step of a call (start, hand-off, give-up,
// claim) is one conditional write together with the queue item (a prompt) and log events it changes: a
// retried or raced step has one effect.

export type InstantCallStatus = "ringing" | "claimed" | "unavailable";

export interface InstantCall {
  id: string;
  leadId: string;
  offeringId: string;
  /** The routed pool, in the order routing gave it. */
  pool: string[];
  status: InstantCallStatus;
  /** Reps rung so far, in order; the last one rings now (status ringing). */
  rung: string[];
  /** 1 for the first rep, 2 after the first hand-off, … */
  ring: number;
  /** The queue item (prompt) on the lead, once a rep was rung. */
  promptId?: string;
  /** Epoch ms: the current ring ends (the hand-off timer's time). */
  ringUntil?: number;
  createdAt: string;
  claimedBy?: string;
  claimedAt?: string;
  /** The validated request's hash: the same Idempotency-Key with another body is refused. */
  requestHash: string;
}

export interface InstantCallStart {
  call: InstantCall;
  /** The prompt for the first rep (absent when nobody can be rung: the call starts unavailable). */
  prompt?: PromptStart;
  events: LeadEvent[];
  /** Until when (epoch ms) a second request of the person gets this call; absent for a call that rings nobody. */
  guardUntil?: number;
}

export interface InstantHandOff {
  call: InstantCall;
  prompt: Prompt;
  toRepId: string;
  ringUntil: number;
  dueAt: string;
  events: LeadEvent[];
  outbox: OutboxItem[];
}

export type StartResult = { started: true } | { started: false; existingId: string };

export interface InstantCallStore {
  /** Sets or clears a rep's presence (`undefined`: not taking instant calls). */
  savePresence(repId: string, presence: Presence | undefined, expiresAt: number): Promise<void>;
  /** The presence of each rep that has one (one batch read). */
  presenceOf(repIds: readonly string[]): Promise<Map<string, Presence>>;
  get(callId: string): Promise<InstantCall | undefined>;
  /**
   * Writes the call, its first prompt and events, unless a call of this id exists, or the person has a call
   * still ringing or claimed (their guard): then the existing call's id.
   */
  start(start: InstantCallStart, now: Date): Promise<StartResult>;
  /** Moves the ringing call and its prompt to the next rep; false when it was claimed or moved meanwhile. */
  handOff(handOff: InstantHandOff, now: Date): Promise<boolean>;
  /** Nobody (else) can take it: the call becomes unavailable, its prompt closes; false when claimed meanwhile. */
  giveUp(call: InstantCall, events: readonly LeadEvent[], now: Date): Promise<boolean>;
  /** When an instant call of the lead was last claimed (epoch ms): a call-back requested before it is not needed. */
  lastClaimOf(leadId: string): Promise<number | undefined>;
  /** The ringing rep takes it; false when it was claimed, handed on or given up meanwhile. */
  claim(call: InstantCall, repId: string, events: readonly LeadEvent[], now: Date): Promise<boolean>;
}
