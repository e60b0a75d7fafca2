// HTTP API: which Lambda serves which path. The prospect-facing API (pages, forms, manage links) and the
// workspace API (reps and managers: sign-in, console, insights, leads, outcomes, privacy, webinar hosting,
// the OpenAPI document) are two functions, so a prospect's cold start loads none of the workspace's code.
// The stack routes these paths to the workspace function and every other /api/* path to the public one;
// npm start's server picks the handler the same way (infra/local/api-families-dispatch.ts).

export type ApiFamily = "public" | "workspace";

/** The workspace function's paths, as its routes name them (any method: a wrong one gets its 405 there). */
export const WORKSPACE_API_PATHS: readonly string[] = [
  "/api/auth/session",
  "/api/auth/sign-in",
  "/api/auth/sign-out",
  "/api/me",
  "/api/console/presence",
  "/api/console/queue",
  "/api/console/queue/{id}/assign",
  "/api/console/queue/{id}/claim",
  "/api/console/queue/{id}/outcome",
  "/api/console/schedule",
  "/api/console/team",
  "/api/console/webhooks",
  "/api/console/webhooks/{endpointId}/deliveries/{deliveryId}/resend",
  "/api/insights",
  "/api/insights.csv",
  "/api/leads",
  "/api/leads/{leadId}",
  "/api/leads/{leadId}/bookings",
  "/api/leads/{leadId}/notes",
  "/api/leads/{leadId}/slots",
  "/api/outcomes",
  "/api/outcomes/view",
  "/api/privacy/erase",
  "/api/privacy/export",
  "/api/reps/{repId}/follow-ups",
  "/api/settings",
  "/api/settings/history",
  "/api/settings/history/{version}/restore",
  "/api/settings/brand/logo",
  "/api/settings/reps/{repId}/availability",
  "/api/settings/reps",
  "/api/settings/reps/{repId}",
  "/api/settings/reps/{repId}/deactivate",
  "/api/settings/reps/{repId}/reactivate",
  "/api/settings/offerings",
  "/api/settings/offerings/{offeringId}",
  "/api/settings/routing",
  "/api/settings/routing/test",
  "/api/reps/{repId}/follow-ups/{leadId}/{promptId}/outcome",
  "/api/webinars/{sessionId}/attendance",
  "/api/webinars/{sessionId}/attendees",
  "/api/webinars/{sessionId}/cancel",
  "/api/webinars/{sessionId}/reschedule",
  "/api/openapi.json",
];

// A {placeholder} is one non-empty path segment, as in API Gateway's route keys.
const workspacePathPatterns = WORKSPACE_API_PATHS.map(
  (path) => new RegExp(`^${path.split(/\{[^}]+\}/).map(escapeRegExp).join("[^/]+")}$`),
);

/** The function API Gateway hands this path to. */
export function apiFamilyOf(path: string): ApiFamily {
  return workspacePathPatterns.some((pattern) => pattern.test(path)) ? "workspace" : "public";
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
