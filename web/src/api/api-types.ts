// Web: the shapes of the Liveline HTTP API as the pages see them — taken, type-only, from the server's
// schemas (functions/handlers/http/api-schemas.ts), so the pages and the API cannot drift apart.
// `import type` is erased by esbuild: none of zod reaches the browser.

import type * as z from "zod/mini";
import type {
  attendanceBody,
  attendanceResponse,
  attendeesResponse,
  brandResponse,
  bookingBody,
  bookingConfirmation,
  bookingView,
  cancelBody,
  cancelResponse,
  contactRequestBody,
  contactRequestResponse,
  errorResponse,
  feedbackBody,
  feedbackResponse,
  leadSource,
  offeringSummary,
  outcomeBody,
  outcomeResponse,
  outcomeViewResponse,
  registrationBody,
  registrationCancelBody,
  registrationColleaguesBody,
  registrationAccepted,
  registrationMember,
  registrationView,
  rescheduleBody,
  slotListResponse,
  unsubscribeResponse,
  webinarsResponse,
} from "../../../functions/handlers/http/api-schemas";

export type Offering = z.output<typeof offeringSummary>;
export type Brand = z.output<typeof brandResponse>;
export type SlotsResponse = z.output<typeof slotListResponse>;
/** A free slot; start/end are ISO-8601 with the requested zone's offset ("2026-12-01T10:00:00.000-06:00"). */
export type Slot = SlotsResponse["slots"][number];
export type ContactRequestBody = z.input<typeof contactRequestBody>;
export type ContactRequestCreated = z.output<typeof contactRequestResponse>;
export type BookingBody = z.input<typeof bookingBody>;
/** Where the prospect came from: sent with a contact request, booking, instant call or registration. */
export type LeadSourceBody = z.input<typeof leadSource>;
export type BookingConfirmed = z.output<typeof bookingConfirmation>;
/** Every API error body: `field` names the request field at fault, when there is one. */
export type ApiErrorBody = z.output<typeof errorResponse>;

// The lifecycle pages: manage (reschedule, cancel), one-click outcomes, feedback, unsubscribe.

/** GET /api/bookings/{id}?token: the booking as its manage link shows it. */
export type BookingView = z.output<typeof bookingView>;
export type RescheduleBody = z.input<typeof rescheduleBody>;
export type CancelBody = z.input<typeof cancelBody>;
export type Cancelled = z.output<typeof cancelResponse>;
export type OutcomeBody = z.input<typeof outcomeBody>;
export type OutcomeLogged = z.output<typeof outcomeResponse>;
/** POST /api/outcomes/view: what the link would log, and what was logged already. */
export type OutcomeView = z.output<typeof outcomeViewResponse>;
export type FeedbackBody = z.input<typeof feedbackBody>;
export type FeedbackReceived = z.output<typeof feedbackResponse>;
export type Unsubscribed = z.output<typeof unsubscribeResponse>;

// Webinars: the session list, registration (with colleagues, the waitlist), the registrant's manage link,
// and the hosts' attendee list and attendance.

export type WebinarList = z.output<typeof webinarsResponse>;
/** An upcoming session; start/end are ISO-8601 with the asked zone's offset. */
export type WebinarSession = WebinarList["sessions"][number];
export type RegistrationBody = z.input<typeof registrationBody>;
export type RegistrationAccepted = z.output<typeof registrationAccepted>;
export type RegistrationMember = z.output<typeof registrationMember>;
export type RegistrationView = z.output<typeof registrationView>;
export type RegistrationCancelBody = z.input<typeof registrationCancelBody>;
export type RegistrationColleaguesBody = z.input<typeof registrationColleaguesBody>;
export type AttendeeList = z.output<typeof attendeesResponse>;
export type Attendee = AttendeeList["attendees"][number];
export type AttendanceBody = z.input<typeof attendanceBody>;
export type AttendanceResult = z.output<typeof attendanceResponse>;
