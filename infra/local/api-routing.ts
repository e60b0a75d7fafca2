// Local runtime: API Gateway's route selection for npm start — the workspace's paths (api-families.ts) go to
// the workspace API function's handler, every other /api/* path to the public one, as the stack routes them.

import { apiFamilyOf } from "../../functions/handlers/http/api-families";
import type { ApiHandler } from "./local-server";

export function routeByFamily(handlers: { public: ApiHandler; workspace: ApiHandler }): ApiHandler {
  return (event) => handlers[apiFamilyOf(event.rawPath)](event);
}
