// HTTP API: GET /api/openapi.json — the OpenAPI 3.1 document generated from the request schemas. A deployed
// API function carries it prebuilt (gzipped at synth: infra/lib/openapi-inline.ts), so its bundle holds
// neither the generator nor zod's JSON Schema code; `npm start` and the tests generate it on first request.
import { gunzipSync } from "node:zlib";
import type { JsonObject } from "../openapi-document";
import type { Route } from "../http-route";

let document: JsonObject | undefined;

export const openApiRoute: Route = {
  method: "GET",
  pattern: "/api/openapi.json",
  handle: async () => ({ statusCode: 200, json: (document ??= await loadDocument()) }),
};

async function loadDocument(): Promise<JsonObject> {
  // esbuild replaces the variable with the text at synth, which drops the other branch from the bundle (it
  // does so for a conditional expression, not for code after an early return).
  return process.env.LIVELINE_OPENAPI_GZIP
    ? (JSON.parse(gunzipSync(Buffer.from(process.env.LIVELINE_OPENAPI_GZIP, "base64")).toString("utf8")) as JsonObject)
    : import("../openapi-document").then(({ openApiDocument }) => openApiDocument());
}
