// Web: the people of a webinar registration as a list — each with their status, and on the manage page a
// "Cancel" button per person who still holds a seat or a place on the waitlist.

import type { RegistrationMember } from "../api/api-types";
import { text } from "../shared/page-text";
import "../page-text/webinars";
import { memberLabel, memberStatusLabel } from "./registration-messages";

export function renderMembers(list: HTMLElement, members: readonly RegistrationMember[], options: { cancellable?: boolean } = {}): void {
  list.replaceChildren(
    ...members.map((member) => {
      const item = document.createElement("li");
      item.className = "member";
      item.dataset["status"] = member.status;
      const who = document.createElement("span");
      who.className = "member-who";
      who.textContent = memberLabel(member);
      const status = document.createElement("span");
      status.className = "member-status";
      status.textContent = memberStatusLabel(member.status);
      item.append(who, status);
      if (options.cancellable && member.status !== "cancelled") {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "button button--secondary button--small member-cancel";
        button.dataset["email"] = member.email;
        button.textContent = text("registration.cancelMember");
        button.setAttribute("aria-label", text("registration.cancelMemberLabel", { who: memberLabel(member) }));
        item.append(button);
      }
      return item;
    }),
  );
}
