// Use case: a rep's open call prompts, due and overdue first, with the lead's contact details — the
// list behind "who do I call now?".

import type { Lead } from "../../core/bookings/booking";
import type { Prompt } from "../../ports/lead-log";
import type { UseCaseDependencies } from "../use-case-dependencies";

export interface FollowUp {
  prompt: Prompt;
  lead: Lead;
  overdue: boolean;
}

export async function repFollowUps(deps: UseCaseDependencies, repId: string): Promise<FollowUp[]> {
  const prompts = await deps.leadLog.openPrompts(repId);
  const leads = await Promise.all([...new Set(prompts.map((p) => p.leadId))].map((id) => deps.store.getLead(id)));
  const byId = new Map(leads.filter((lead): lead is Lead => lead !== undefined).map((lead) => [lead.id, lead]));
  const now = deps.clock.now().toISOString();
  return prompts
    .filter((prompt) => byId.has(prompt.leadId))
    .map((prompt) => ({ prompt, lead: byId.get(prompt.leadId)!, overdue: prompt.dueAt < now }));
}
