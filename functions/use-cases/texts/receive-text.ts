// Use case: a text arrived from a prospect (AWS: the two-way SNS topic → handlers/text-inbound.handler.ts;
// locally POST /api/_local/texts/inbound). STOP or a carrier keyword opts the number out of every later
// text at once (no confirmation from us: AWS End User Messaging and the carriers send their own); START or
// UNSTOP ends the opt-out, answered with a short confirmation; HELP is answered with the company's name and contact; anything else goes into the lead's history and, by e-mail,
// to the lead's rep. The lead is the one the number was last texted about. Every write is keyed by the
// inbound message, so a redelivered message has one effect.

import { composedMail } from "../../core/messages/outbox-items";
import { prospectLanguage, type Lead } from "../../core/bookings/booking";
import { composeTextReplyNotice } from "../../core/bookings/lifecycle-messages";
import { DEFAULT_LANGUAGE } from "../../core/messages/catalogue";
import { toE164 } from "../../core/calls/phone-number";
import { inboundIntent } from "../../core/texts/text-keywords";
import { composeHelpText, composeOptInText } from "../../core/texts/text-messages";
import type { OutboxItem } from "../../ports/outbox";
import { leadView } from "../calls/call-prompts";
import type { UseCaseDependencies } from "../use-case-dependencies";

export interface InboundText {
  /** The sender's number, E.164 (a local test may write it with spaces). */
  from: string;
  body: string;
  /** The provider's id of the message: one effect per id. */
  messageId: string;
  /** When the provider received it (ISO): the time of its log events, the same on a redelivery. */
  receivedAt: string;
}

/** `superseded`: a STOP or START older than one already recorded (delivered late or again), which changes nothing. */
export type InboundOutcome = "opted-out" | "already-opted-out" | "opted-in" | "superseded" | "help" | "forwarded" | "unknown-number" | "invalid";

export async function receiveText(deps: UseCaseDependencies, inbound: InboundText): Promise<InboundOutcome> {
  const number = toE164(inbound.from);
  if (!number.ok) {
    deps.log("warn", "inbound text from a number that is not one", { problem: number.message });
    return "invalid";
  }
  const from = number.e164;
  const intent = inboundIntent(inbound.body);
  const known = await deps.texts.numbers.get(from);
  const lead = known.leadId ? await deps.store.getLead(known.leadId) : undefined;
  const ref = inbound.messageId;
  if (intent === "stop") {
    const result = await deps.texts.numbers.optOut(from, inbound.receivedAt);
    if (result.superseded) return superseded(deps, intent);
    if (lead) await deps.leadLog.append([{ leadId: lead.id, at: inbound.receivedAt, kind: "text_opted_out", ref, data: { keyword: inbound.body.trim().toUpperCase() } }]);
    deps.log("info", "number opted out of texts", { first: !result.wasOptedOut });
    return result.wasOptedOut ? "already-opted-out" : "opted-out";
  }
  if (intent === "start") {
    const result = await deps.texts.numbers.optIn(from, inbound.receivedAt);
    if (result.superseded) return superseded(deps, intent);
    const wasOut = result.wasOptedOut;
    if (lead && wasOut) await deps.leadLog.append([{ leadId: lead.id, at: inbound.receivedAt, kind: "text_opted_in", ref, data: { keyword: inbound.body.trim().toUpperCase() } }]);
    await deps.outbox.enqueue([answer(deps, from, lead, ref, "opt-in")], deps.clock.now());
    deps.log("info", "number opted in to texts", { wasOut });
    return "opted-in";
  }
  if (intent === "help") {
    await deps.outbox.enqueue([answer(deps, from, lead, ref, "help")], deps.clock.now());
    return "help";
  }
  if (!lead) {
    deps.log("warn", "text reply from a number no lead was texted at; not forwarded", { messageId: ref });
    return "unknown-number";
  }
  await deps.leadLog.append([{ leadId: lead.id, at: inbound.receivedAt, kind: "text_reply", ref, data: { body: inbound.body.slice(0, 1600) } }]);
  await deps.outbox.enqueue([replyNotice(deps, lead, await repOf(deps, lead), inbound)], deps.clock.now());
  return "forwarded";
}

/** A STOP or START sent before one already recorded: nothing changes, nothing is answered. */
function superseded(deps: UseCaseDependencies, intent: "stop" | "start"): InboundOutcome {
  deps.log("info", "text keyword older than the one recorded; nothing changed", { intent });
  return "superseded";
}

/**
 * The answer to HELP (the company's name and contact) or to START (texts come again), in the lead's language,
 * sent at once: they just wrote.
 */
function answer(deps: UseCaseDependencies, to: string, lead: Lead | undefined, messageId: string, text: "help" | "opt-in"): OutboxItem {
  const config = deps.catalogue.config;
  const language = lead ? prospectLanguage(lead.prospect) : DEFAULT_LANGUAGE;
  const body = text === "help" ? composeHelpText({ language, company: config.company.name, contact: config.texts.helpContact ?? config.sender.email }) : composeOptInText({ language, company: config.company.name });
  const owner = lead ? { kind: "lead" as const, id: lead.id } : { kind: "text" as const, id: messageId };
  return { type: "text", owner, key: `text-${text}-${messageId}`, to, body, timeZone: lead?.timeZone ?? "UTC", category: "help", ...(lead ? { logAs: { leadId: lead.id, kind: "text_sent", data: { text } } } : {}) };
}

/** The lead's rep: who is to call them (an open prompt), else who met them (the latest booking), else their routing pool's first. */
async function repOf(deps: UseCaseDependencies, lead: Lead): Promise<string> {
  const open = await deps.leadLog.openPromptsOf(lead.id);
  if (open[0]) return open[0].repId;
  const booking = lead.lastBookingId ? await deps.store.getBooking(lead.lastBookingId) : undefined;
  return booking?.repId ?? lead.routing.pool[0] ?? deps.catalogue.config.reps[0]!.id;
}

/** The rep hears of the reply by e-mail; replying to it writes to the lead. */
function replyNotice(deps: UseCaseDependencies, lead: Lead, repId: string, inbound: InboundText): OutboxItem {
  const config = deps.catalogue.config;
  const rep = deps.catalogue.rep(repId);
  const email = composeTextReplyNotice(
    { now: deps.clock.now(), company: config.company, sender: config.sender },
    { rep: { name: rep.name, email: rep.email, timeZone: rep.timeZone }, lead: leadView(lead), body: inbound.body, receivedAt: new Date(inbound.receivedAt), messageId: inbound.messageId },
  );
  return { type: "mail", owner: { kind: "lead", id: lead.id }, key: `text-reply-${inbound.messageId}`, from: config.sender.email, ...composedMail(email), category: "transactional" };
}
