// Entry: the API Lambda (API Gateway HTTP API, payload 2.0) — and, unchanged, the API of `npm start`.
// Ports are built once per cold start (top-level await), then every request is routed.

import { createHandlerDependencies } from "./handler-dependencies";
import { createHttpApiHandler } from "./http/http-api-handler";

const dependencies = await createHandlerDependencies();

export const handler = createHttpApiHandler(dependencies);
