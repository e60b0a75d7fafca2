// Use case: the prospect rates the demo (once per booking). A rating at or below the configured
// threshold alerts the rep as a complaint to handle.

import { composedMail } from "../../core/messages/outbox-items";
import { ConflictError, Forbidden, NotFound } from "../../core/errors";
import { FEEDBACK_PURPOSE } from "../../core/bookings/lifecycle-links";
import { composeComplaintAlert, type DemoView } from "../../core/bookings/lifecycle-messages";
import { verifyToken } from "../../core/access/signed-token";
import type { OutboxItem, OutboxOwner } from "../../ports/outbox";
import { bookingDemoView } from "./invitation-input";
import type { UseCaseDependencies } from "../use-case-dependencies";
import { sessionInfo } from "../webinars/webinar-sessions";
import { messageContext } from "../messages/message-context";

export class FeedbackAlreadyReceived extends ConflictError {
  readonly code = "feedback_already_received";
  constructor() {
    super("We already have your feedback for this demo. Thank you!");
    this.name = "FeedbackAlreadyReceived";
  }
}

export async function recordFeedback(deps: UseCaseDependencies, token: string, rating: number, comment?: string): Promise<void> {
  const now = deps.clock.now();
  const claims = verifyToken(token, deps.signingSecret, FEEDBACK_PURPOSE, now);
  if (!claims) throw new Forbidden();
  const rated = claims.subject.startsWith("w:") ? await webinarAttendee(deps, claims.subject) : claims.subject.startsWith("c:") ? await demoColleague(deps, claims.subject) : await bookedDemo(deps, claims.subject);
  const config = deps.catalogue.config;
  const outbox: OutboxItem[] = [];
  if (rating <= config.followUps.complaintRatingAtMost) {
    const email = composeComplaintAlert(messageContext(deps, now), rated.demo, { rating, comment });
    outbox.push({ type: "mail", owner: rated.owner, key: `complaint-alert-${rated.tag}`, from: config.sender.email, ...composedMail(email), category: "transactional", logAs: { leadId: rated.leadId, kind: "complaint_alerted" } });
  }
  const written = await deps.leadLog.recordFeedback(
    { subject: claims.subject, rating, comment, events: [{ leadId: rated.leadId, at: now.toISOString(), kind: "feedback", ref: claims.subject, data: { rating, ...(comment ? { comment } : {}) } }], outbox },
    now,
  );
  if (!written) throw new FeedbackAlreadyReceived();
}

interface Rated {
  leadId: string;
  /** What the complaint alert shows: the demo, or the webinar as the attendee saw it (with its host as the rep). */
  demo: DemoView;
  owner: OutboxOwner;
  tag: string;
}

async function bookedDemo(deps: UseCaseDependencies, bookingId: string): Promise<Rated> {
  const booking = await deps.store.getBooking(bookingId);
  if (!booking) throw new NotFound("There is no such booking.");
  return { leadId: booking.leadId, demo: bookingDemoView(deps, booking), owner: { kind: "booking", id: booking.id }, tag: "demo" };
}

/** A colleague the booker invited to a private team demo: their rating goes on the booking's lead. */
async function demoColleague(deps: UseCaseDependencies, subject: string): Promise<Rated> {
  const [, bookingId = "", index = ""] = subject.split(":");
  const booked = await bookedDemo(deps, bookingId);
  const booking = await deps.store.getBooking(bookingId);
  const email = booking?.colleagues?.[Number(index)];
  if (!email) throw new NotFound("There is no such colleague.");
  return { ...booked, demo: { ...booked.demo, prospect: { name: email, email, timeZone: booked.demo.prospect.timeZone } }, tag: `colleague-${index}` };
}

async function webinarAttendee(deps: UseCaseDependencies, subject: string): Promise<Rated> {
  const [, registrationId = "", index = ""] = subject.split(":");
  const registration = await deps.webinars.getRegistration(registrationId);
  const member = registration?.members[Number(index)];
  if (!registration || !member) throw new NotFound("There is no such registration.");
  const info = await sessionInfo(deps, registration.sessionId);
  const lead = await deps.store.getLead(member.leadId);
  const host = deps.catalogue.rep(info.session.hosts[0]!);
  return {
    leadId: member.leadId,
    owner: { kind: "registration", id: registration.id },
    tag: index,
    demo: {
      id: info.session.id,
      start: new Date(info.start),
      end: new Date(info.end),
      offeringTitle: info.webinar.title,
      joinUrl: info.session.joinUrl,
      manageUrl: "",
      prospect: { ...(lead?.prospect ?? { name: member.email, email: member.email }), timeZone: registration.timeZone },
      rep: { name: host.name, email: host.email, phone: host.phone, timeZone: host.timeZone },
    },
  };
}
