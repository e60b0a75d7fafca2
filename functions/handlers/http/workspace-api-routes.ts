// HTTP API: the reps' and managers' routes, served by the workspace API function
// (workspace-api.handler.ts) on the paths api-families.ts lists.
import type { UseCaseDependencies } from "../../use-cases/use-case-dependencies";
import type { Route } from "./http-route";
import { withAbuseProtection } from "./protection";
import { WORKSPACE_PUBLIC_WRITES } from "./workspace-public-writes";
import { authRoutes } from "./routes/auth.route";
import { consoleRoutes } from "./routes/console.route";
import { followUpsRoute } from "./routes/follow-ups.route";
import { insightsRoutes } from "./routes/insights.route";
import { instantCallPresenceRoutes } from "./routes/instant-call-presence.route";
import { leadBookingRoutes } from "./routes/lead-booking.route";
import { openApiRoute } from "./routes/openapi.route";
import { outcomeRoutes } from "./routes/outcomes.route";
import { privacyRoutes } from "./routes/privacy.route";
import { settingsRoutes } from "./routes/settings.route";
import { webhookRoutes } from "./routes/webhooks.route";
import { webinarHostingRoutes } from "./routes/webinar-hosting.route";

export function workspaceApiRoutes(deps: UseCaseDependencies): Route[] {
  return withAbuseProtection(deps, WORKSPACE_PUBLIC_WRITES, [
    openApiRoute,
    ...outcomeRoutes(deps),
    followUpsRoute(deps),
    ...webinarHostingRoutes(deps),
    ...authRoutes(deps),
    ...consoleRoutes(deps),
    ...instantCallPresenceRoutes(deps),
    ...leadBookingRoutes(deps),
    ...privacyRoutes(deps),
    ...insightsRoutes(deps),
    ...webhookRoutes(deps),
    ...settingsRoutes(deps),
  ]);
}
