// Web: the words of a webinar registration — the confirmation after registering (everything is in the
// e-mail; each person gets their own) and the manage page's status line (registration.html).

import type { RegistrationMember, RegistrationView } from "./api-types";
import { apiSentence } from "./link-messages";

const STATUS_LABELS: Readonly<Record<RegistrationMember["status"], string>> = {
  confirmed: "Confirmed",
  waitlisted: "On the waitlist",
  cancelled: "Cancelled",
};

export function memberStatusLabel(status: RegistrationMember["status"]): string {
  return STATUS_LABELS[status] ?? status;
}

/** "Wendy Webinar (wendy@webco.example)", or the address alone for a colleague registered without a name. */
export function memberLabel(member: Pick<RegistrationMember, "email" | "name">): string {
  return member.name && member.name !== member.email ? `${member.name} (${member.email})` : member.email;
}

export interface ConfirmationText {
  heading: string;
  /** The API's answer: "We have e-mailed you your registration." */
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
export function confirmationText(apiMessage: string, colleagues: number, waitlist: boolean): ConfirmationText {
  const yours = waitlist
    ? "It says whether you have a seat or a place on the waitlist, and has the link to see or change your registration."
    : "It has your invitation with the join link (or your place on the waitlist, if the seats ran out) and the link to see or change your registration.";
  const others = colleagues === 0 ? "" : ` ${colleagues === 1 ? "Your colleague gets" : `Each of your ${colleagues} colleagues gets`} their own e-mail; nobody sees the others' addresses.`;
  const calendar = waitlist
    ? "Add the session to your calendar to keep the time free. If a seat frees up, your invitation e-mail brings the join link."
    : "Add the session to your calendar to keep the time free. The join link is in your invitation e-mail.";
  return { heading: "Check your inbox", status: apiSentence(apiMessage), invitations: `${yours}${others}`, calendar };
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
      heading: "Your registration is cancelled",
      status: event === "cancelled" ? "Cancelled. We've e-mailed everyone a cancellation for their calendar." : "Cancelled. Nobody from this registration is coming.",
      tone: "warn",
      canCancel: false,
      canAdd: false,
    };
  }
  const heading = "Your webinar registration";
  const canAdd = view.canChange && view.session.registrationOpen && view.colleaguesLeft > 0;
  if (!view.canChange) {
    const started = Date.parse(view.session.start) <= now;
    const status = Date.parse(view.session.end) <= now
      ? "This session has taken place, so the registration can no longer be changed."
      : started
        ? "This session has started, so the registration can no longer be changed — join with the link in your invitation."
        : "This session was cancelled by its host. We've e-mailed everyone; a link to the next session is in that e-mail.";
    return { heading, status, tone: "warn", canCancel: false, canAdd: false };
  }
  const base = { heading, tone: "ok" as const, canCancel: true, canAdd };
  if (event === "cancelled") return { ...base, status: `Cancelled ${detail ?? "the seat"}. Whoever held a seat gets a cancellation for their calendar by e-mail.` };
  if (event === "added") return { ...base, status: `Added ${detail ?? "your colleagues"}. Each gets their own invitation by e-mail.` };
  const waiting = active.filter((member) => member.status === "waitlisted").length;
  const seated = active.length - waiting;
  const status = waiting === active.length
    ? "On the waitlist. We'll e-mail an invitation as soon as a seat frees up."
    : `Confirmed: ${seated === 1 ? "1 seat" : `${seated} seats`}${waiting > 0 ? `, ${waiting} on the waitlist` : ""}. Cancel a seat or add colleagues below.`;
  return { ...base, status };
}

/** "wendy@webco.example", "2 people", "everyone": what a cancel confirms. */
export function cancelTarget(members: readonly Pick<RegistrationMember, "email" | "name">[], emails: readonly string[] | undefined): string {
  if (!emails) return "everyone";
  if (emails.length === 1) {
    const member = members.find((candidate) => candidate.email === emails[0]);
    return member ? memberLabel(member) : emails[0]!;
  }
  return `${emails.length} people`;
}
