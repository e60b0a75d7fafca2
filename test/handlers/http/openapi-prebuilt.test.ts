// The OpenAPI document as a deployed API function serves it: built at synth (infra/lib/openapi-inline.ts),
// inlined gzipped, and read back by the route — the same document the generator makes at run time.
import { afterEach, describe, expect, it, vi } from "vitest";
import { openApiDocument } from "../../../functions/handlers/http/openapi-document";
import type { RouteRequest } from "../../../functions/handlers/http/http-route";
import { prebuiltOpenApiDefines } from "../../../infra/lib/openapi-inline";

afterEach(() => {
  delete process.env.LIVELINE_OPENAPI_GZIP;
  vi.resetModules();
});

describe("the prebuilt OpenAPI document", () => {
  it("is what the route serves when the bundle carries it, equal to the generated one", async () => {
    const defines = prebuiltOpenApiDefines();
    process.env.LIVELINE_OPENAPI_GZIP = JSON.parse(defines["process.env.LIVELINE_OPENAPI_GZIP"]!) as string;
    vi.resetModules();
    // Fresh module state: the route reads the variable on its first request.
    vi.doMock("../../../functions/handlers/http/openapi-document", () => {
      throw new Error("the generator must not be loaded when the document is prebuilt");
    });
    const { openApiRoute } = await import("../../../functions/handlers/http/routes/openapi.route");
    const response = await openApiRoute.handle({} as RouteRequest);
    vi.doUnmock("../../../functions/handlers/http/openapi-document");
    expect(response.statusCode).toBe(200);
    expect(response.json).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });
});
