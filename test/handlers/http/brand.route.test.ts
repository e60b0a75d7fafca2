// GET /api/brand through the real handler: what every prospect page applies (web/src/shared/brand.ts).
import { describe, expect, it } from "vitest";
import { createTestApi, defaultConfig } from "../../support/test-api";

describe("GET /api/brand", () => {
  it("gives the company's colour with its hover shade, logo path and font, cached a minute", async () => {
    const config = defaultConfig();
    config.company = { name: "Acme Analytics", brand: { primaryColor: "#0b57d0", logo: "brand/logo.svg", fontStack: '"Inter", sans-serif' } };
    const api = await createTestApi({ config });
    const response = await api.call("GET", "/api/brand");
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ company: "Acme Analytics", primaryColor: "#0b57d0", hoverColor: "#094ab1", logo: "brand/logo.svg", fontStack: '"Inter", sans-serif' });
    expect(response.headers["cache-control"]).toBe("public, max-age=60");
  });

  it("gives only the name when the config has no brand: the pages keep their own look", async () => {
    const api = await createTestApi();
    expect((await api.call("GET", "/api/brand")).json).toEqual({ company: defaultConfig().company.name });
  });
});
