// HTTP API: every route the API Lambda serves, in one list.
import type { UseCaseDependencies } from "../../use-cases/use-case-dependencies";
import type { Route } from "./http-route";
import { authRoutes } from "./routes/auth.route";
import { consoleRoutes } from "./routes/console.route";
import { bookingIcsRoute } from "./routes/booking-ics.route";
import { bookingsRoute } from "./routes/bookings.route";
import { challengeRoute } from "./routes/challenge.route";
import { protectedWrite } from "./protection";
import { PUBLIC_WRITES } from "./public-writes";
import { contactRequestsRoute } from "./routes/contact-requests.route";
import { feedbackRoute } from "./routes/feedback.route";
import { followUpsRoute } from "./routes/follow-ups.route";
import { healthRoute } from "./routes/health.route";
import { insightsRoutes } from "./routes/insights.route";
import { instantCallRoutes } from "./routes/instant-calls.route";
import { leadBookingRoutes } from "./routes/lead-booking.route";
import { manageBookingRoutes } from "./routes/manage-booking.route";
import { offeringsRoute } from "./routes/offerings.route";
import { openApiRoute } from "./routes/openapi.route";
import { outcomeRoutes } from "./routes/outcomes.route";
import { privacyRoutes } from "./routes/privacy.route";
import { slotsRoute } from "./routes/slots.route";
import { timelineRoute } from "./routes/timeline.route";
import { unsubscribeRoute } from "./routes/unsubscribe.route";
import { registrationRoutes } from "./routes/registrations.route";
import { webinarHostingRoutes } from "./routes/webinar-hosting.route";
import { webinarRoutes } from "./routes/webinars.route";


export function apiRoutes(deps: UseCaseDependencies): Route[] {
  const guard = (route: Route) => {
    const body = PUBLIC_WRITES.get(`${route.method} ${route.pattern}`);
    return body ? protectedWrite(deps, route, body) : route;
  };
  return [
    healthRoute,
    openApiRoute,
    offeringsRoute(deps),
    slotsRoute(deps),
    challengeRoute(deps),
    contactRequestsRoute(deps),
    bookingsRoute(deps),
    bookingIcsRoute(deps),
    ...manageBookingRoutes(deps),
    timelineRoute(deps),
    ...outcomeRoutes(deps),
    feedbackRoute(deps),
    unsubscribeRoute(deps),
    followUpsRoute(deps),
    ...webinarRoutes(deps),
    ...registrationRoutes(deps),
    ...webinarHostingRoutes(deps),
    ...authRoutes(deps),
    ...consoleRoutes(deps),
    ...leadBookingRoutes(deps),
    ...privacyRoutes(deps),
    ...insightsRoutes(deps),
    ...instantCallRoutes(deps),
  ].map(guard);
}
