// Use case: prompting a rep to call — after a demo, for a contact request that was not booked, or for the
// next attempt after voicemail. The prompt, its e-mail (with one-click outcome links) and its escalation
// timer are written in one transaction; a duplicate timer delivery finds the prompt and does nothing.

import { composedMail } from "../../core/messages/outbox-items";
import type { Lead } from "../../core/bookings/booking";
import { attemptsInAll } from "../../core/calls/call-cadence";
import { rankByFairness } from "../../core/availability/fair-assignment";
import { outcomeUrl } from "../../core/bookings/lifecycle-links";
import { composeCallPrompt, type LeadView, type LinkView } from "../../core/bookings/lifecycle-messages";
import { type KeyOf, messagesIn } from "../../core/messages/catalogue";
import { LIFECYCLE_WORDS } from "../../core/messages/catalogues/lifecycle";
import { escalationTimer, promptId as promptIdOf } from "../../core/bookings/timer-plan";
import type { Prompt, PromptContact, PromptReason } from "../../ports/lead-log";
import type { OutboxItem } from "../../ports/outbox";
import { CALL_BACK_POOL } from "../workspace/console-queue";
import { repLoad } from "../availability/free-slot";
import { isActiveRep } from "../settings/offering-catalogue";
import type { UseCaseDependencies } from "../use-case-dependencies";
import { messageContext } from "../messages/message-context";

const message = messagesIn(LIFECYCLE_WORDS);

const MINUTE = 60_000;

/** An outcome a prompt offers, with the catalogue key of its label (written in the rep's language). */
export interface OutcomeChoice {
  outcome: string;
  label: KeyOf<typeof LIFECYCLE_WORDS>;
}

export const CALL_OUTCOMES: readonly OutcomeChoice[] = [
  { outcome: "reached", label: "rep.outcome.reached" },
  { outcome: "voicemail", label: "rep.outcome.voicemail" },
  { outcome: "no_answer", label: "rep.outcome.noAnswer" },
  { outcome: "wrong_number", label: "rep.outcome.wrongNumber" },
  { outcome: "not_interested", label: "rep.outcome.notInterested" },
  { outcome: "converted", label: "rep.outcome.converted" },
  { outcome: "wants_another_demo", label: "rep.outcome.wantsAnotherDemo" },
];
/** A lead who left no phone is written to: outcomes an e-mail can have. */
export const EMAIL_OUTCOMES: readonly OutcomeChoice[] = [
  { outcome: "reached", label: "rep.outcome.replied" },
  { outcome: "not_interested", label: "rep.outcome.notInterested" },
  { outcome: "converted", label: "rep.outcome.converted" },
  { outcome: "wants_another_demo", label: "rep.outcome.wantsAnotherDemo" },
];
export const ATTENDANCE_OUTCOMES: readonly OutcomeChoice[] = [
  { outcome: "attended", label: "rep.outcome.attended" },
  { outcome: "no_show", label: "rep.outcome.noShow" },
];

export interface PromptRequest {
  lead: Lead;
  repId: string;
  /** "lead" for an unbooked contact request, else the booking id the chain started from. */
  chain: string;
  attempt: number;
  reason: PromptReason;
  bookingId?: string;
  demo?: { start: Date; offeringTitle: string };
  webinar?: { title: string; start: Date; end?: Date; minutesAttended?: number };
}

const DAY = 86_400_000;

/** Who should call: the fairest rep of the pool (fewest demos for their weight, least recently assigned). */
export async function fairestRepOf(deps: UseCaseDependencies, pool: readonly string[], fairnessWindowDays: number): Promise<string> {
  const schedules = await deps.store.readSchedules(pool);
  const windowStart = deps.clock.now().getTime() - fairnessWindowDays * DAY;
  return rankByFairness(pool.map((id) => repLoad(deps, schedules.get(id)!, windowStart)))[0]!;
}

export function leadView(lead: Lead): LeadView {
  const { name, email, phone, company, teamSize, interest, locale } = lead.prospect;
  return { name, email, phone, company, teamSize, interest, timeZone: lead.timeZone, locale };
}

function promptContact(lead: Lead): PromptContact {
  const { name, email, phone, company } = lead.prospect;
  return { name, email, ...(phone ? { phone } : {}), ...(company ? { company } : {}), timeZone: lead.timeZone };
}

/** Opens the prompt and mails it; false when it already existed (the timer was delivered twice). */
export async function startCallPrompt(deps: UseCaseDependencies, request: PromptRequest): Promise<boolean> {
  const now = deps.clock.now();
  const config = deps.catalogue.config;
  const rep = deps.catalogue.rep(request.repId);
  // A deactivated rep's call-back (a retry of theirs, a call after their demo) goes to the team's pool, unmailed.
  const repId = isActiveRep(rep) ? rep.id : CALL_BACK_POOL;
  const id = promptIdOf(request.chain, request.attempt);
  const link = (outcome: string) => outcomeUrl(deps.publicUrl, deps.signingSecret, now, { leadId: request.lead.id, promptId: id, repId, outcome }, rep.language);
  const links = (outcomes: readonly OutcomeChoice[]): LinkView[] => outcomes.map(({ outcome, label }) => ({ label: message(rep.language, label), url: link(outcome) }));
  const email = composeCallPrompt(
    messageContext(deps, now),
    {
      lead: leadView(request.lead),
      rep: { name: rep.name, email: rep.email, timeZone: rep.timeZone, language: rep.language },
      attempt: request.attempt,
      attemptsInAll: attemptsInAll(config.followUps.callCadence),
      reason: request.reason,
      demo: request.demo,
      webinar: request.webinar,
      outcomeLinks: links(request.lead.prospect.phone ? CALL_OUTCOMES : EMAIL_OUTCOMES),
      attendanceLinks: request.reason === "after-demo" ? links(ATTENDANCE_OUTCOMES) : undefined,
      promptId: id,
    },
  );
  const prompt: Prompt = {
    leadId: request.lead.id,
    promptId: id,
    chain: request.chain,
    attempt: request.attempt,
    repId,
    ...(request.bookingId ? { bookingId: request.bookingId } : {}),
    reason: request.reason,
    dueAt: now.toISOString(),
    status: "open",
    contact: promptContact(request.lead),
  };
  const owner = { kind: "lead" as const, id: request.lead.id };
  const outbox: OutboxItem[] = [
    ...(repId === rep.id ? [{ type: "mail" as const, owner, key: `prompt-${id}`, from: config.sender.email, ...composedMail(email), category: "transactional" as const }] : []),
    { type: "timers", owner, key: `escalation-timer-${id}`, schedule: [escalationTimer(request.lead.id, id, now.getTime() + config.followUps.escalationMinutes * MINUTE)], cancel: [] },
  ];
  const started = await deps.leadLog.startPrompt(
    { prompt, outbox, events: [{ leadId: request.lead.id, at: now.toISOString(), kind: "call_prompted", ref: id, data: { promptId: id, attempt: request.attempt, repId, reason: request.reason } }] },
    now,
  );
  if (!started) return false;
  deps.log("info", "rep prompted to call", { leadId: request.lead.id, promptId: id, repId, reason: request.reason });
  return true;
}
