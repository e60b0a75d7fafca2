// HTTP API: how offerings and webinar sessions are answered — shared by the routes that list them and
// those that answer with one (offerings, contact requests, webinars, registrations, webinar hosting).
import type { OfferingConfig } from "../../../config/liveline-config";
import { toZonedIso } from "../../../core/time/zoned-time";
import type { Registration } from "../../../ports/webinar-store";
import type { SessionInfo } from "../../../use-cases/webinars/webinar-sessions";
import type { OfferingSummary, SessionSummaryBody } from "../api-schemas";

export function offeringSummary(offering: OfferingConfig): OfferingSummary {
  return {
    id: offering.id,
    title: offering.title,
    durationMinutes: offering.durationMinutes,
    kind: offering.kind,
    ...(offering.description ? { description: offering.description } : {}),
  };
}

export function sessionSummary(info: SessionInfo, timeZone: string): SessionSummaryBody {
  return {
    id: info.session.id,
    offering: { id: info.webinar.id, title: info.webinar.title },
    title: info.webinar.title,
    ...(info.webinar.description ? { description: info.webinar.description } : {}),
    start: toZonedIso(info.start, timeZone),
    end: toZonedIso(info.end, timeZone),
    capacity: info.session.capacity,
    seatsLeft: info.seatsLeft,
    maxColleagues: info.webinar.maxColleagues,
    registrationOpen: info.registrationOpen,
  };
}

export function registrationMembers(registration: Registration) {
  return registration.members.map((member) => ({ email: member.email, ...(member.name ? { name: member.name } : {}), status: member.status }));
}
