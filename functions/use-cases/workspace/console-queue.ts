// Use case: the rep console's call queue — every open call-back of a rep (or, for a manager, of the team),
// earliest due first, with the lead's contact details and zone; an outcome logged from a row, and a
// manager handing a call-back to another rep. One index query per rep: the cost does not grow with the
// number of leads in the table (prompts carry their lead's contact details; older ones read the lead).

import type { RepConfig } from "../../config/liveline-config";
import { InvalidInput, NotFound } from "../../core/errors";
import type { Prompt, PromptContact } from "../../ports/lead-log";
import type { UseCaseDependencies } from "../use-case-dependencies";

const MINUTE = 60_000;

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
