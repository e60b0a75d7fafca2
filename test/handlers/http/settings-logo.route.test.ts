// PUT /api/settings/brand/logo through the real handler: a manager's upload is stored as a site file under a
// name made from its content and becomes the brand's logo in one versioned save — the pages (GET /api/brand)
// and every e-mail (its address on the site) show it; refusals name the field and store nothing.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { companyIdentity } from "../../../functions/use-cases/messages/message-context";
import { createTestApi, TEST_PUBLIC_URL } from "../../support/test-api";

const MANAGER = { authorization: "Bearer local-token-lukas" };
const MAYA = { authorization: "Bearer local-token-maya" };

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
const upload = (bytes: Buffer, contentType = "image/png") => ({ contentType, data: bytes.toString("base64") });
const uploadedFiles = (dir: string) => (existsSync(join(dir, "brand/uploads")) ? readdirSync(join(dir, "brand/uploads")) : []);

describe("PUT /api/settings/brand/logo", () => {
  it("stores the logo under its content's name and makes it the brand's, for the pages and every e-mail", async () => {
    const api = await createTestApi();
    const saved = await api.call("PUT", "/api/settings/brand/logo", upload(PNG), { ...MANAGER, "if-match": '"1"' });
    expect(saved.status).toBe(200);
    expect(saved.headers.etag).toBe('"2"');
    const path = saved.json.settings.company.brand.logo as string;
    expect(path).toMatch(/^brand\/uploads\/logo-[0-9a-f]{20}\.png$/);
    expect(readFileSync(join(api.siteUploadsDir, path))).toEqual(PNG);

    expect((await api.call("GET", "/api/brand")).json).toMatchObject({ logo: path });
    expect(companyIdentity(api.deps).brand?.logoUrl).toBe(`${TEST_PUBLIC_URL}/${path}`);
    const history = await api.call("GET", "/api/settings/history", undefined, MANAGER);
    expect(history.json.versions[0]).toMatchObject({ version: 2, savedBy: "lukas", changes: expect.arrayContaining([expect.objectContaining({ path: expect.stringMatching(/^company\.brand/) })]) });
  });

  it("is for managers only, and only against the version in force", async () => {
    const api = await createTestApi();
    expect((await api.call("PUT", "/api/settings/brand/logo", upload(PNG), { ...MAYA, "if-match": '"1"' })).status).toBe(403);
    expect((await api.call("PUT", "/api/settings/brand/logo", upload(PNG), MANAGER)).status).toBe(428);
    const document = (await api.call("GET", "/api/settings", undefined, MANAGER)).json.settings;
    await api.call("PUT", "/api/settings", { ...document, company: { ...document.company, name: "Renamed Inc" } }, { ...MANAGER, "if-match": '"1"' });
    const stale = await api.call("PUT", "/api/settings/brand/logo", upload(PNG), { ...MANAGER, "if-match": '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.json.error).toMatchObject({ code: "version_moved", currentVersion: 2 });
    expect(api.deps.catalogue.config.company.brand?.logo).toBeUndefined();
  });

  it("refuses what is not a PNG, JPEG, GIF or WebP, a type other than the one named, a file over 256 KB and broken base64 — naming the field, storing nothing", async () => {
    const api = await createTestApi();
    const headers = { ...MANAGER, "if-match": '"1"' };
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const refusals = [
      [upload(svg, "image/svg+xml"), "data", /PNG, JPEG, GIF or WebP/],
      [upload(PNG, "image/jpeg"), "contentType", /is a image\/png image, not image\/jpeg/],
      [upload(Buffer.concat([PNG, Buffer.alloc(300 * 1024)])), "data", /a logo may be at most 256 KB/],
      [{ contentType: "image/png", data: "not base64!" }, "data", /./],
    ] as const;
    for (const [body, field, message] of refusals) {
      const refused = await api.call("PUT", "/api/settings/brand/logo", body, headers);
      expect(refused.status, field).toBe(422);
      expect(refused.json.error.fields).toEqual([{ field, message: expect.stringMatching(message) }]);
    }
    expect(uploadedFiles(api.siteUploadsDir)).toEqual([]);
    expect((await api.call("GET", "/api/settings", undefined, MANAGER)).headers.etag).toBe('"1"');
  });
});
