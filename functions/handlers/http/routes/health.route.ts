// HTTP API: GET /api/health — answers when the function runs and its config loaded.
import type { Route } from "../http-route";

export const healthRoute: Route = {
  method: "GET",
  pattern: "/api/health",
  handle: async () => ({ statusCode: 200, json: { status: "ok" } }),
};
