// Use cases: a data subject's requests (GDPR Art. 15 and 17, CCPA) — export everything held about a person
// as one document, or erase it: their future demos and webinar seats are cancelled the normal way first
// (the rep gets the CANCEL, timers go, seats are freed), then their records are deleted, mentions of them in
// others' records are replaced, and a bounce or complaint keeps them suppressed, as a hash only.

import { MANAGE_PURPOSE, manageSubject } from "../../core/bookings/booking-links";
import type { Booking } from "../../core/bookings/booking";
import { REGISTRATION_PURPOSE } from "../../core/bookings/lifecycle-links";
import { addressHashItems, erasePlan, exportDocument, identifiersOf, inactiveAddresses, itemMentions, mentionsAddress, ownedPartitions, type PersonalDataExport, type PersonIdentifiers, type StoredItem } from "../../core/access/personal-data";
import { signToken } from "../../core/access/signed-token";
import type { PersonalDataStore } from "../../ports/personal-data-store";
import type { Registration } from "../../ports/webinar-store";
import { cancelBooking } from "../bookings/manage-booking";
import { performNewItems } from "../messages/process-outbox";
import { cancelRegistrationMembers } from "../webinars/manage-registration";
import type { UseCaseDependencies } from "../use-case-dependencies";

export type PersonalDataDependencies = UseCaseDependencies & { personalData: PersonalDataStore };

/** Who asked: logged with every request (never the subject's address). */
export interface Requester {
  actor: string;
}

export interface ErasureReport {
  cancelledBookings: number;
  cancelledSeats: number;
  removed: number;
  anonymised: number;
}

export async function exportPersonalData(deps: PersonalDataDependencies, email: string, requester: Requester): Promise<PersonalDataExport> {
  const { items, who } = await itemsAbout(deps, email);
  deps.log("info", "personal data exported", { actor: requester.actor, items: items.length });
  const document = exportDocument(items, who, deps.clock.now());
  // The suppression list is keyed by a hash of the address: asked, not found by reading.
  const reason = (await deps.suppressions.reasons([who.email])).get(who.email);
  return { ...document, suppression: reason ? [{ reason }] : [] };
}

export async function erasePersonalData(deps: PersonalDataDependencies, email: string, requester: Requester): Promise<ErasureReport> {
  const before = await itemsAbout(deps, email);
  const cancelledBookings = await cancelFutureBookings(deps, before.items, before.who);
  const cancelledSeats = await cancelFutureSeats(deps, before.items, before.who);
  // Again: the cancellations wrote events and messages of their own — the messages are sent first (the
  // rep's CANCEL, the timers' removal), since erasing them unsent would lose them.
  const { items, who } = await itemsAfterMessagesSent(deps, email, await itemsAbout(deps, email, before.who));
  const suppressed = (await deps.suppressions.reasons([who.email])).get(who.email);
  const plan = erasePlan(items, who, ownedPartitions(items, who));
  await deps.personalData.replace(plan.replace);
  await deps.personalData.remove(plan.remove);
  // A bounce or complaint must keep holding: the suppression list keeps the address as a hash only.
  if (suppressed) await deps.suppressions.suppress(who.email, suppressed, deps.clock.now());
  const report = { cancelledBookings, cancelledSeats, removed: plan.remove.length, anonymised: plan.replace.length };
  deps.log("info", "personal data erased", { actor: requester.actor, ...report });
  return report;
}

/**
 * Performs the outbox items among `found` that nobody has taken yet (claimed, so the change feed's delivery
 * of the same item does nothing) and reads the person's items again; `found` itself when there were none.
 */
async function itemsAfterMessagesSent(deps: PersonalDataDependencies, email: string, found: { items: StoredItem[]; who: PersonIdentifiers }) {
  const pending = deps.personalData.untouchedOutboxItems(found.items);
  if (pending.length === 0) return found;
  await performNewItems(deps, pending);
  return itemsAbout(deps, email, found.who);
}

/** Every item that mentions the person, and every item of the partitions that are theirs alone. */
async function itemsAbout(deps: PersonalDataDependencies, email: string, known?: PersonIdentifiers): Promise<{ items: StoredItem[]; who: PersonIdentifiers }> {
  const address = email.trim().toLowerCase();
  const byEmail: StoredItem[] = [];
  const pages: StoredItem[][] = [];
  for await (const page of deps.personalData.everyItem()) pages.push(page);
  const all = pages.flat();
  for (const item of all) if (mentionsAddress(JSON.stringify(item, setsAsArrays).toLowerCase(), address)) byEmail.push(item);
  // Their phone and full name come from their own records; names found before a cancellation still count.
  const found = identifiersOf(address, byEmail);
  const who: PersonIdentifiers = {
    email: address,
    phones: [...new Set([...(known?.phones ?? []), ...found.phones])],
    names: [...new Set([...(known?.names ?? []), ...found.names])],
  };
  const owned = ownedPartitions(byEmail, who);
  const hashed = addressHashItems(who);
  const items = all.filter((item) => owned.has(item.pk) || itemMentions(item, who) || hashed(item));
  return { items, who };
}

const setsAsArrays = (_key: string, value: unknown) => (value instanceof Set ? [...value] : value);

async function cancelFutureBookings(deps: PersonalDataDependencies, items: readonly StoredItem[], who: PersonIdentifiers): Promise<number> {
  const now = deps.clock.now().getTime();
  const future = items
    .filter((item) => item.sk === "BOOKING")
    .map((item) => item as unknown as Booking)
    .filter((booking) => booking.prospect?.email?.toLowerCase() === who.email && booking.status === "confirmed" && Date.parse(booking.start) > now);
  let cancelled = 0;
  for (const booking of future) if (await cancelForErasure(deps, booking)) cancelled++;
  return cancelled;
}

/**
 * Cancels one future demo; false when another request (a second erasure at the same moment) cancelled it
 * first. A booking moved meanwhile is cancelled at its new version.
 */
async function cancelForErasure(deps: PersonalDataDependencies, booking: Booking, attemptsLeft = 3): Promise<boolean> {
  const now = deps.clock.now().getTime();
  const token = signToken({ purpose: MANAGE_PURPOSE, subject: manageSubject(booking.id, booking.version), expiresAt: Math.floor(now / 1000) + 600 }, deps.signingSecret);
  try {
    await cancelBooking(deps, booking.id, token, "The person asked for their data to be erased.");
    return true;
  } catch (error) {
    const current = await deps.store.getBooking(booking.id);
    if (!current || current.status !== "confirmed" || Date.parse(current.start) <= now) return false;
    if (attemptsLeft <= 1 || current.version === booking.version) throw error;
    return cancelForErasure(deps, current, attemptsLeft - 1);
  }
}

async function cancelFutureSeats(deps: PersonalDataDependencies, items: readonly StoredItem[], who: PersonIdentifiers): Promise<number> {
  const now = Math.floor(deps.clock.now().getTime() / 1000);
  let cancelled = 0;
  for (const item of items.filter((candidate) => candidate.sk === "REGISTRATION")) {
    const registration = item as unknown as Registration;
    const member = registration.members.find((candidate) => candidate.email.toLowerCase() === who.email && candidate.status !== "cancelled");
    if (!member) continue;
    const token = signToken({ purpose: REGISTRATION_PURPOSE, subject: registration.id, expiresAt: now + 600 }, deps.signingSecret);
    try {
      await cancelRegistrationMembers(deps, registration.id, token, [member.email]);
      cancelled++;
    } catch (error) {
      // A session that has started or passed cannot be changed: there is no seat to free, only data to erase.
      if ((error as { code?: string }).code !== "too_late_to_change") throw error;
    }
  }
  return cancelled;
}

const DAY_MS = 86_400_000;

/**
 * The daily retention sweep: everyone whose leads saw no activity for `retention.inactiveLeadDays` is erased
 * through the same path as a request (a future demo or seat counts as activity until it starts, so none is
 * cancelled by the sweep).
 */
export async function eraseInactivePeople(deps: PersonalDataDependencies, inactiveLeadDays: number): Promise<{ erased: number }> {
  const cutoff = new Date(deps.clock.now().getTime() - inactiveLeadDays * DAY_MS);
  const items: StoredItem[] = [];
  for await (const page of deps.personalData.everyItem()) items.push(...page.filter((item) => item.pk.startsWith("LEAD#")));
  const addresses = inactiveAddresses(items, cutoff);
  for (const address of addresses) await erasePersonalData(deps, address, { actor: "retention" });
  deps.log("info", "retention sweep", { inactiveLeadDays, erased: addresses.length });
  return { erased: addresses.length };
}
