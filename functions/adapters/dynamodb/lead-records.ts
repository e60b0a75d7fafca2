// Storage: how a lead item is written. One person is one lead (keyed by the lower-cased address through
// the person item), so a request may meet its lead already there: every write is an upsert, never a
// "create" that fails on the second request, and racing writers end on the same one item.

import type { Lead } from "../../core/bookings/booking";
import { itemKeys } from "./item-keys";

/**
 * "latest": a contact request or a booking — its details become the lead's, and a closed lead is open
 * again (its log keeps why it was closed). "keep": a webinar registration — it fills in only what a new
 * lead lacks, so a colleague's bare address never overwrites a person's own details.
 */
export type LeadWriteMode = "latest" | "keep";

export function leadUpsert(tableName: string, lead: Lead, mode: LeadWriteMode, lastBookingId?: string) {
  const fields: Record<string, unknown> = { prospect: lead.prospect, timeZone: lead.timeZone, offeringId: lead.offeringId, routing: lead.routing, consentAt: lead.consentAt, ...(lead.source ? { source: lead.source } : {}), ...(lead.smsConsent ? { smsConsent: lead.smsConsent } : {}) };
  const names: Record<string, string> = { "#id": "id" };
  const values: Record<string, unknown> = { ":entity": "lead", ":id": lead.id, ":createdAt": lead.createdAt };
  const sets = ["entity = :entity", "#id = :id", "createdAt = if_not_exists(createdAt, :createdAt)"];
  for (const [index, [name, value]] of Object.entries(fields).entries()) {
    names[`#f${index}`] = name;
    values[`:f${index}`] = value;
    // The source is first touch: whatever wrote the lead first keeps it, in either mode.
    // Consent to texts is the person's latest word, whatever wrote it (a request without the box keeps it).
    const keep = (mode === "keep" && name !== "smsConsent") || name === "source";
    sets.push(keep ? `#f${index} = if_not_exists(#f${index}, :f${index})` : `#f${index} = :f${index}`);
  }
  if (lastBookingId !== undefined) {
    values[":booking"] = lastBookingId;
    sets.push("lastBookingId = :booking");
  }
  return {
    TableName: tableName,
    Key: itemKeys.lead(lead.id),
    UpdateExpression: `SET ${sets.join(", ")}${mode === "latest" ? " REMOVE closedAt, closedReason" : ""}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}
