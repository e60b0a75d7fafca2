// Entry: the API Lambda (API Gateway HTTP API, payload 2.0) — and, unchanged, the API of `npm start`.
// Ports are built once per cold start (top-level await), then every request is routed; the signing keys
// are read again when the copy is a few minutes old. Each request's log lines carry its API Gateway request id.

import { createHandlerDependencies } from "./handler-dependencies";
import type { APIGatewayProxyEventV2 } from "./http-api-types";
import { createHttpApiHandler } from "./http/http-api-handler";
import { observed } from "./observability";

const dependencies = await createHandlerDependencies();
const route = createHttpApiHandler(dependencies);

export const handler = observed(dependencies.observability, async (event: APIGatewayProxyEventV2) => {
  await dependencies.refreshSigningKeys();
  return route(event);
});
