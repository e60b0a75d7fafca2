// Infra: the API's OpenAPI document, generated at synth and inlined into the API function's bundle (gzipped,
// base64) where the route reads it (functions/handlers/http/routes/openapi.route.ts).

import { gzipSync } from "node:zlib";
import { openApiDocument } from "../../functions/handlers/http/openapi-document";

/** esbuild `define`s that put the prebuilt document where the route looks for it. */
export function prebuiltOpenApiDefines(): Record<string, string> {
  const gzip = gzipSync(JSON.stringify(openApiDocument()), { level: 9 }).toString("base64");
  return { "process.env.LIVELINE_OPENAPI_GZIP": JSON.stringify(gzip) };
}
