// Web: the booking page's offer of a private group session. When the contact request says the team is
// large (the API answers with `groupSession`), step 2 offers that session instead of the 1:1 demo; the
// person can switch back and forth, and colleague inputs appear only while the group session is chosen.

import type { ContactRequestCreated, Offering } from "./api-types";

export type GroupSession = NonNullable<ContactRequestCreated["groupSession"]>;

/** The sentence above the switch: what the group session is and who can come. */
export function groupOfferText(group: GroupSession, teamSize: number | undefined): string {
  const who = teamSize ? `Bringing your team of ${teamSize}?` : "Bringing your team?";
  const max = group.maxColleagues;
  return `${who} Book a ${group.offering.title} (${group.offering.durationMinutes} min) instead: invite up to ${max} colleague${max === 1 ? "" : "s"}, and each gets their own invitation.`;
}

/** The switch's label: to the group session, or back to the demo the request was routed to. */
export function groupSwitchLabel(groupChosen: boolean, demo: Pick<Offering, "title">): string {
  return groupChosen ? `Back to the ${demo.title}` : "Book the team session instead";
}

/** The confirmation's line about the colleagues the booking invited (empty when none). */
export function colleaguesInvitedText(count: number): string {
  if (count === 0) return "";
  return count === 1 ? "Your colleague gets their own invitation too." : `Your ${count} colleagues each get their own invitation too.`;
}
