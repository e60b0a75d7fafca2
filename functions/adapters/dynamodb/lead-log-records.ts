// Storage: how the lead's log events and call prompts are stored — events under the lead, sorted by time;
// open prompts in the sparse index partition of their rep, earliest due first.

import type { LeadEvent, Prompt } from "../../ports/lead-log";
import { itemKeys } from "./item-keys";

export function followUpPartition(repId: string): string {
  return `REP#${repId}#FOLLOWUP`;
}

export function leadEventRecord(event: LeadEvent): Record<string, unknown> {
  return { ...itemKeys.leadEvent(event.leadId, event.at, event.kind, event.ref ?? ""), entity: "lead-event", ...event };
}

/** The Put of each event, for a transaction. */
export function leadEventPuts(tableName: string, events: readonly LeadEvent[]) {
  return events.map((event) => ({ Put: { TableName: tableName, Item: leadEventRecord(event) } }));
}

export function promptKey(leadId: string, promptId: string): { pk: string; sk: string } {
  return { pk: `LEAD#${leadId}`, sk: `PROMPT#${promptId}` };
}

export function promptRecord(prompt: Prompt): Record<string, unknown> {
  return {
    ...promptKey(prompt.leadId, prompt.promptId),
    entity: "prompt",
    ...prompt,
    gsi1pk: followUpPartition(prompt.repId),
    gsi1sk: `${prompt.dueAt}#${prompt.leadId}#${prompt.promptId}`,
  };
}

export function toPrompt(record: Record<string, any>): Prompt {
  const { pk: _pk, sk: _sk, entity: _entity, gsi1pk: _g1, gsi1sk: _g2, ...prompt } = record;
  return prompt as Prompt;
}
