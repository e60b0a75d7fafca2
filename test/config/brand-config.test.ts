// Tests: config `company.brand` — a colour white text fails on is refused with the ratio named, the logo is
// a path on the site, the font stack a plain CSS list; nothing of it is required.

import { describe, expect, it } from "vitest";
import { parseConfig } from "../../functions/config/load-config";
import { problemsOf, validConfig } from "../support/config-problems";

const withBrand = (brand: unknown) => ({ ...validConfig(), company: { name: "Acme Analytics", brand } });

describe("config company.brand", () => {
  it("is optional, and kept as given when valid", () => {
    expect(parseConfig(validConfig(), "test.json").company.brand).toBeUndefined();
    const brand = { primaryColor: "#0b5fff", logo: "brand/logo.svg", fontStack: '"Inter", system-ui, sans-serif' };
    expect(parseConfig(withBrand(brand), "test.json").company.brand).toEqual(brand);
  });

  it("refuses a primary colour the white text on it fails WCAG AA on, naming the field and the ratio", () => {
    expect(problemsOf(withBrand({ primaryColor: "#ffcc00" }))).toEqual({
      "company.brand.primaryColor": expect.stringMatching(/^has a contrast of 1\.\d:1 with the white text on it; WCAG AA needs at least 4\.5:1 — choose a darker colour$/),
    });
    expect(problemsOf(withBrand({ primaryColor: "blue" }))).toEqual({ "company.brand.primaryColor": "must be a colour like #1a56db" });
  });

  it("takes a logo only as a path on the site, never another origin or a way out of it", () => {
    for (const logo of ["https://evil.example/logo.png", "../secrets.png", "brand/../../x.svg", "/brand/logo.svg", "brand/logo.exe"]) {
      expect(Object.keys(problemsOf(withBrand({ primaryColor: "#0b5fff", logo }))), logo).toEqual(["company.brand.logo"]);
    }
  });

  it("takes a font stack only as a plain list (nothing that could end the style it goes into)", () => {
    expect(Object.keys(problemsOf(withBrand({ primaryColor: "#0b5fff", fontStack: "Inter; background:url(x)" })))).toEqual(["company.brand.fontStack"]);
  });
});
