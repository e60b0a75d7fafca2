// Port: what happened to a lead — the append-only event log (requested, booked, invite_sent, …,
// converted, unreachable), the call prompts reps act on, attendance and feedback. Every "once" here is a
// conditional write: a duplicate delivery or a second click changes nothing.

import type { LeadEvent } from "../core/booking";
import type { OutboxItem } from "../core/outbox-items";

export type { LeadEvent };

export type PromptReason = "after-demo" | "after-webinar" | "unbooked-request" | "retry";

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
  closePrompt?: { leadId: string; promptId: string; outcome: string };
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
