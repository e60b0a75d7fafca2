// Web: the words of a webinar registration — the confirmation after registering (everything is in the
// e-mail; each person gets their own) and the manage page's status line (registration.html).

import type { RegistrationMember, RegistrationView } from "../api/api-types";
import { text } from "../shared/page-text";
import "../page-text/webinars";

const STATUSES: readonly RegistrationMember["status"][] = ["confirmed", "waitlisted", "cancelled"];

export function memberStatusLabel(status: RegistrationMember["status"]): string {
  return STATUSES.includes(status) ? text(`registration.status.${status}`) : status;
}

/** "Wendy Webinar (wendy@webco.example)", or the address alone for a colleague registered without a name. */
export function memberLabel(member: Pick<RegistrationMember, "email" | "name">): string {
  return member.name && member.name !== member.email ? `${member.name} (${member.email})` : member.email;
}

export interface ConfirmationText {
  heading: string;
  /** What the API's 202 means: "We have e-mailed you your registration." */
  status: string;
  /** Who gets an e-mail, and what is in it. */
  invitations: string;
  /** Beside the session's calendar links: they hold the time only; the join link is in the e-mail. */
  calendar: string;
}

/**
 * After registering. The API answers a new registration and a repeated one alike (202, no seats, no links:
 * anyone can type an address), so the page says only what the person asked for and where to look.
 */
export function confirmationText(colleagues: number, waitlist: boolean): ConfirmationText {
  const yours = text(waitlist ? "webinars.yoursWaitlist" : "webinars.yours");
  const others = colleagues === 0 ? "" : ` ${text(colleagues === 1 ? "webinars.others.one" : "webinars.others.other", { count: colleagues })}`;
  const calendar = text(waitlist ? "webinars.calendarWaitlist" : "webinars.calendar");
  return { heading: text("webinars.checkInbox"), status: text("webinars.accepted"), invitations: `${yours}${others}`, calendar };
}

/** What just happened on the manage page: the status line thanks for a change, not only describes. */
export type RegistrationEvent = "loaded" | "cancelled" | "added";

export interface RegistrationStatus {
  heading: string;
  status: string;
  tone: "ok" | "warn";
  /** Offer cancelling members. */
  canCancel: boolean;
  /** Offer adding colleagues. */
  canAdd: boolean;
}

type ViewState = Pick<RegistrationView, "members" | "canChange" | "colleaguesLeft"> & { session: Pick<RegistrationView["session"], "start" | "end" | "registrationOpen"> };

export function registrationStatus(view: ViewState, event: RegistrationEvent, detail?: string, now = Date.now()): RegistrationStatus {
  const active = view.members.filter((member) => member.status !== "cancelled");
  if (active.length === 0) {
    return {
      heading: text("registration.cancelledHeading"),
      status: text(event === "cancelled" ? "registration.cancelledNow" : "registration.cancelledBefore"),
      tone: "warn",
      canCancel: false,
      canAdd: false,
    };
  }
  const heading = text("registration.cardHeading");
  const canAdd = view.canChange && view.session.registrationOpen && view.colleaguesLeft > 0;
  if (!view.canChange) {
    const started = Date.parse(view.session.start) <= now;
    const status = Date.parse(view.session.end) <= now
      ? text("registration.over")
      : started
        ? text("registration.started")
        : text("registration.hostCancelled");
    return { heading, status, tone: "warn", canCancel: false, canAdd: false };
  }
  const base = { heading, tone: "ok" as const, canCancel: true, canAdd };
  if (event === "cancelled") return { ...base, status: text("registration.cancelledSome", { who: detail ?? text("registration.theSeat") }) };
  if (event === "added") return { ...base, status: text("registration.added", { who: detail ?? text("registration.yourColleagues") }) };
  const waiting = active.filter((member) => member.status === "waitlisted").length;
  const seated = active.length - waiting;
  const status = waiting === active.length
    ? text("registration.waitlisted")
    : text("registration.confirmed", {
        seats: text(seated === 1 ? "registration.seats.one" : "registration.seats.other", { count: seated }),
        waiting: waiting > 0 ? text("registration.waiting", { count: waiting }) : "",
      });
  return { ...base, status };
}

/** "wendy@webco.example", "2 people", "everyone": what a cancel confirms. */
export function cancelTarget(members: readonly Pick<RegistrationMember, "email" | "name">[], emails: readonly string[] | undefined): string {
  if (!emails) return text("registration.everyone");
  if (emails.length === 1) {
    const member = members.find((candidate) => candidate.email === emails[0]);
    return member ? memberLabel(member) : emails[0]!;
  }
  return text("registration.people", { count: emails.length });
}
