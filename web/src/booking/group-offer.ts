// Web: the booking page's offer of a private group session. When the contact request says the team is
// large (the API answers with `groupSession`), step 2 offers that session instead of the 1:1 demo; the
// person can switch back and forth, and colleague inputs appear only while the group session is chosen.

import type { ContactRequestCreated, Offering } from "../api/api-types";
import { text } from "../shared/page-text";
import "../page-text/slots";

export type GroupSession = NonNullable<ContactRequestCreated["groupSession"]>;

/** The sentence above the switch: what the group session is and who can come. */
export function groupOfferText(group: GroupSession, teamSize: number | undefined): string {
  const who = teamSize ? text("team.whoSized", { count: teamSize }) : text("team.who");
  const max = group.maxColleagues;
  return text(max === 1 ? "team.offer.one" : "team.offer.other", { who, title: group.offering.title, minutes: group.offering.durationMinutes, max });
}

/** The switch's label: to the group session, or back to the demo the request was routed to. */
export function groupSwitchLabel(groupChosen: boolean, demo: Pick<Offering, "title">): string {
  return groupChosen ? text("team.back", { title: demo.title }) : text("team.switch");
}

/** The confirmation's line about the colleagues the booking invited (empty when none). */
export function colleaguesInvitedText(count: number): string {
  if (count === 0) return "";
  return text(count === 1 ? "team.invited.one" : "team.invited.other", { count });
}
