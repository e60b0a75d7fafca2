// Use case: a "Contact Us" request. The lead is stored first (it must never be lost, booked or not),
// then the prospect is shown the next two weeks of slots in their zone.

import type { Lead, Prospect } from "../core/booking";
import { listSlots, type SlotListing } from "./list-slots";
import type { UseCaseDependencies } from "./use-case-dependencies";

export interface ContactRequestInput {
  prospect: Prospect;
  timeZone: string;
}

export async function recordContactRequest(deps: UseCaseDependencies, input: ContactRequestInput): Promise<{ lead: Lead; listing: SlotListing }> {
  const offering = deps.catalogue.contactOffering();
  const now = deps.clock.now().toISOString();
  const lead: Lead = {
    id: deps.newId(),
    prospect: input.prospect,
    timeZone: input.timeZone,
    offeringId: offering.id,
    consentAt: now,
    createdAt: now,
  };
  await deps.store.saveLead(lead);
  deps.log("info", "contact request recorded", { leadId: lead.id, offering: offering.id });
  const listing = await listSlots(deps, { offeringId: offering.id, timeZone: input.timeZone });
  return { lead, listing };
}
