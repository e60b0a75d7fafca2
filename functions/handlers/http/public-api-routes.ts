// HTTP API: the prospect-facing routes, served by the public API function (http-api.handler.ts): the
// booking, webinar, manage, feedback and unsubscribe pages and the forms, on a site or embedded; and the
// link page behind the e-mails' short links.
import type { UseCaseDependencies } from "../../use-cases/use-case-dependencies";
import type { Route } from "./http-route";
import { withAbuseProtection } from "./protection";
import { PROSPECT_WRITES } from "./public-writes";
import { bookingIcsRoute } from "./routes/booking-ics.route";
import { brandRoute } from "./routes/brand.route";
import { bookingsRoute } from "./routes/bookings.route";
import { challengeRoute } from "./routes/challenge.route";
import { contactRequestsRoute } from "./routes/contact-requests.route";
import { feedbackRoute } from "./routes/feedback.route";
import { healthRoute } from "./routes/health.route";
import { instantCallRoutes } from "./routes/instant-calls.route";
import { manageBookingRoutes } from "./routes/manage-booking.route";
import { offeringsRoute } from "./routes/offerings.route";
import { registrationRoutes } from "./routes/registrations.route";
import { shortLinksRoute } from "./routes/short-links.route";
import { slotsRoute } from "./routes/slots.route";
import { timelineRoute } from "./routes/timeline.route";
import { unsubscribeRoute } from "./routes/unsubscribe.route";
import { webinarRoutes } from "./routes/webinars.route";

export function publicApiRoutes(deps: UseCaseDependencies): Route[] {
  return withAbuseProtection(deps, PROSPECT_WRITES, [
    healthRoute,
    offeringsRoute(deps),
    brandRoute(deps),
    slotsRoute(deps),
    challengeRoute(deps),
    contactRequestsRoute(deps),
    bookingsRoute(deps),
    bookingIcsRoute(deps),
    ...manageBookingRoutes(deps),
    timelineRoute(deps),
    feedbackRoute(deps),
    unsubscribeRoute(deps),
    shortLinksRoute(deps),
    ...webinarRoutes(deps),
    ...registrationRoutes(deps),
    ...instantCallRoutes(deps),
  ]);
}
