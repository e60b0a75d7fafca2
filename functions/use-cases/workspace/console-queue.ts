// Use case: the rep console's call queue — every open call-back of a rep (or, for a manager, of the team),
// earliest due first, with the lead's contact details and zone; an outcome logged from a row, and a
// manager handing a call-back to another rep. One index query per rep: the cost does not grow with the
// number of leads in the table (prompts carry their lead's contact details; older ones read the lead).

import type { RepConfig } from "../../config/liveline-config";
import { InvalidInput, NotFound } from "../../core/errors";
import { UNASSIGNED_REP } from "../../core/insights/insights";
import type { Prompt, PromptContact } from "../../ports/lead-log";
import type { UseCaseDependencies } from "../use-case-dependencies";

const MINUTE = 60_000;

/**
 * The team's pool: open call-backs that belong to no rep (a deactivated rep's), listed in every rep's queue;
 * the rep who logs an outcome takes it first. The same "-" the figures count not yet assigned work under.
 */
export const CALL_BACK_POOL = UNASSIGNED_REP;

export interface QueueItem {
  id: string;
  prompt: Prompt;
  contact: PromptContact;
  /** Not acted on within the escalation delay (or escalated already). */
  overdue: boolean;
}

/** A queue item's id names its lead and prompt: `<leadId>~<promptId>`. */
export function queueItemId(prompt: Pick<Prompt, "leadId" | "promptId">): string {
  return `${prompt.leadId}~${prompt.promptId}`;
}

export async function findQueuePrompt(deps: UseCaseDependencies, id: string): Promise<Prompt> {
  const [leadId, promptId, extra] = id.split("~");
  const prompt = leadId && promptId && extra === undefined ? await deps.leadLog.getPrompt(leadId, promptId) : undefined;
  if (!prompt) throw new NotFound("There is no such call-back.");
  return prompt;
}

export async function queueOf(deps: UseCaseDependencies, repIds: readonly string[]): Promise<QueueItem[]> {
  const prompts = (await Promise.all(repIds.map((repId) => deps.leadLog.openPrompts(repId)))).flat();
  const contacts = await contactsOf(deps, prompts);
  const now = deps.clock.now().getTime();
  const overdueAfter = deps.catalogue.config.followUps.escalationMinutes * MINUTE;
  return prompts
    .filter((prompt) => contacts.has(prompt.leadId))
    .map((prompt) => ({ id: queueItemId(prompt), prompt, contact: contacts.get(prompt.leadId)!, overdue: Boolean(prompt.escalated) || now - Date.parse(prompt.dueAt) >= overdueAfter }))
    .sort((a, b) => a.prompt.dueAt.localeCompare(b.prompt.dueAt) || a.id.localeCompare(b.id));
}

async function contactsOf(deps: UseCaseDependencies, prompts: readonly Prompt[]): Promise<Map<string, PromptContact>> {
  const contacts = new Map<string, PromptContact>();
  for (const prompt of prompts) if (prompt.contact) contacts.set(prompt.leadId, prompt.contact);
  const missing = [...new Set(prompts.filter((prompt) => !contacts.has(prompt.leadId)).map((prompt) => prompt.leadId))];
  for (const lead of await Promise.all(missing.map((leadId) => deps.store.getLead(leadId)))) {
    if (!lead) continue;
    const { name, email, phone, company } = lead.prospect;
    contacts.set(lead.id, { name, email, ...(phone ? { phone } : {}), ...(company ? { company } : {}), timeZone: lead.timeZone });
  }
  return contacts;
}

/** A manager hands an open call-back to another rep; the lead's log says who moved it and to whom. */
export async function reassignCallBack(deps: UseCaseDependencies, prompt: Prompt, to: RepConfig, by: RepConfig): Promise<boolean> {
  if (prompt.status !== "open") return false;
  if (prompt.repId === to.id) throw new InvalidInput("repId", "already has this call-back.");
  const at = deps.clock.now().toISOString();
  const moved = await deps.leadLog.reassignPrompt(prompt, to.id, [
    { leadId: prompt.leadId, at, kind: "reassigned", ref: prompt.promptId, data: { promptId: prompt.promptId, fromRepId: prompt.repId, repId: to.id, byRepId: by.id } },
  ]);
  if (moved) deps.log("info", "call-back reassigned", { leadId: prompt.leadId, promptId: prompt.promptId, from: prompt.repId, to: to.id, by: by.id });
  return moved;
}

/** The call-back goes to the team's pool (a rep was deactivated); the lead's log says who moved it and why. */
export async function handToPool(deps: UseCaseDependencies, prompt: Prompt, by: RepConfig): Promise<boolean> {
  const at = deps.clock.now().toISOString();
  const moved = await deps.leadLog.reassignPrompt(prompt, CALL_BACK_POOL, [
    { leadId: prompt.leadId, at, kind: "reassigned", ref: prompt.promptId, data: { promptId: prompt.promptId, fromRepId: prompt.repId, repId: CALL_BACK_POOL, byRepId: by.id, reason: "deactivated" } },
  ]);
  if (moved) deps.log("info", "call-back handed to the pool", { leadId: prompt.leadId, promptId: prompt.promptId, from: prompt.repId, by: by.id });
  return moved;
}

/**
 * A rep takes a call-back from the pool (to log its outcome): one write conditioned on it still being in
 * the pool, so two reps never both take it. The prompt as it is now theirs, or undefined when another did.
 */
export async function takeFromPool(deps: UseCaseDependencies, prompt: Prompt, rep: RepConfig): Promise<Prompt | undefined> {
  const at = deps.clock.now().toISOString();
  const taken = await deps.leadLog.reassignPrompt(prompt, rep.id, [
    { leadId: prompt.leadId, at, kind: "reassigned", ref: `${prompt.promptId}.taken`, data: { promptId: prompt.promptId, fromRepId: CALL_BACK_POOL, repId: rep.id, byRepId: rep.id } },
  ]);
  return taken ? { ...prompt, repId: rep.id } : undefined;
}
