// HTTP API: GET /api/openapi.json — the generated OpenAPI 3.1 document.
import { openApiDocument } from "../openapi-document";
import type { Route } from "../http-route";

export const openApiRoute: Route = {
  method: "GET",
  pattern: "/api/openapi.json",
  handle: async () => ({ statusCode: 200, json: openApiDocument() }),
};
