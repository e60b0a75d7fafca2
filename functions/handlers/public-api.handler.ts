// Entry: the public API Lambda (API Gateway HTTP API, payload 2.0) — the prospect-facing routes; every /api/*
// path api-families.ts does not give the workspace. `npm start` runs this very handler for those paths.

import { apiFunctionHandler } from "./http-api-function";
import { publicApiRoutes } from "./http/public-api-routes";

export const handler = await apiFunctionHandler(publicApiRoutes);
