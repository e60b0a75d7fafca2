// Tests: core/messages/logo-image — an uploaded logo is judged by its own bytes (type, size) and stored under
// a name made from its content, which the config accepts as the brand's logo path.
import { describe, expect, it } from "vitest";
import { parseConfig, readConfigFile } from "../../../functions/config/load-config";
import { isLogoProblem, judgeLogo, LOGO_MAX_BYTES, sniffLogoType } from "../../../functions/core/messages/logo-image";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const GIF = new TextEncoder().encode("GIF89a\x01\x00\x01\x00");
const WEBP = new TextEncoder().encode("RIFF\x24\x00\x00\x00WEBPVP8 ");
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

describe("sniffLogoType", () => {
  it("reads PNG, JPEG, GIF and WebP from their first bytes, and nothing else", () => {
    expect([PNG, JPEG, GIF, WEBP].map(sniffLogoType)).toEqual(["image/png", "image/jpeg", "image/gif", "image/webp"]);
    expect(sniffLogoType(SVG)).toBeUndefined();
    expect(sniffLogoType(new TextEncoder().encode("RIFF\x24\x00\x00\x00WAVEfmt "))).toBeUndefined();
  });
});

describe("judgeLogo", () => {
  it("names the stored file by its content, under the upload folder, with the type's extension", () => {
    const first = judgeLogo(PNG, "image/png");
    expect(first).toEqual({ contentType: "image/png", path: expect.stringMatching(/^brand\/uploads\/logo-[0-9a-f]{20}\.png$/) });
    expect(judgeLogo(PNG, "IMAGE/PNG")).toEqual(first);
    expect(judgeLogo(Uint8Array.from([...PNG, 1]), "image/png")).not.toEqual(first);
    expect(judgeLogo(JPEG, "image/jpeg")).toMatchObject({ path: expect.stringMatching(/\.jpg$/) });
  });

  it("gives a path the config takes as the brand's logo", () => {
    const judged = judgeLogo(WEBP, "image/webp");
    if (isLogoProblem(judged)) throw new Error(judged.message);
    const config = readConfigFile("liveline.config.json");
    const parsed = parseConfig({ ...config, company: { ...config.company, brand: { primaryColor: "#4338ca", logo: judged.path } } }, "test");
    expect(parsed.company.brand?.logo).toBe(judged.path);
  });

  it("refuses SVG and anything that is not an image, an empty file, a type other than the one named, and a file over the limit", () => {
    expect(judgeLogo(SVG, "image/svg+xml")).toMatchObject({ code: "unsupported_type", message: expect.stringContaining("PNG, JPEG, GIF or WebP") });
    expect(judgeLogo(new Uint8Array(), "image/png")).toMatchObject({ code: "empty" });
    expect(judgeLogo(JPEG, "image/png")).toMatchObject({ code: "type_mismatch", message: "is a image/jpeg image, not image/png" });
    const large = new Uint8Array(LOGO_MAX_BYTES + 1);
    large.set(PNG);
    expect(judgeLogo(large, "image/png")).toMatchObject({ code: "too_large", message: "is 257 KB; a logo may be at most 256 KB" });
    large.fill(0, PNG.length);
    expect(isLogoProblem(judgeLogo(large.subarray(0, LOGO_MAX_BYTES), "image/png"))).toBe(false);
  });
});
