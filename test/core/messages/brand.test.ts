// Tests: the brand's colour rules (functions/core/messages/brand.ts) — WCAG contrast, the refusal's wording, the hover shade.

import { describe, expect, it } from "vitest";
import { brandColorProblem, contrastRatio, darkerShade, DEFAULT_PRIMARY_COLOR, relativeLuminance } from "../../../functions/core/messages/brand";

describe("contrastRatio", () => {
  it("follows WCAG: black on white is 21:1, a colour on itself 1:1, either order", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#1a56db", "#1a56db")).toBe(1);
    // #767676 is the lightest grey that passes AA on white (4.54:1); #777777 fails (4.48:1).
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });

  it("weighs the channels as WCAG's relative luminance does", () => {
    expect(relativeLuminance("#ffffff")).toBe(1);
    expect(relativeLuminance("#00ff00")).toBeCloseTo(0.7152, 4);
    expect(relativeLuminance("#0000ff")).toBeCloseTo(0.0722, 4);
  });
});

describe("brandColorProblem", () => {
  it("accepts a colour white text reads on, the pages' own accent included", () => {
    expect(brandColorProblem("#767676")).toBeUndefined();
    expect(brandColorProblem(DEFAULT_PRIMARY_COLOR)).toBeUndefined();
    expect(brandColorProblem("#0B5FFF")).toBeUndefined();
  });

  it("refuses a colour that fails AA for the white text on it, saying the ratio and what to do", () => {
    expect(brandColorProblem("#777777")).toBe("has a contrast of 4.4:1 with the white text on it; WCAG AA needs at least 4.5:1 — choose a darker colour");
    expect(brandColorProblem("#ffcc00")).toMatch(/^has a contrast of 1\.[0-9]:1/);
  });

  it("refuses what is not #rrggbb", () => {
    for (const bad of ["red", "#fff", "1a56db", "#1a56dbff", "#gggggg"]) expect(brandColorProblem(bad), bad).toBe("must be a colour like #1a56db");
  });
});

describe("darkerShade", () => {
  it("is 15% towards black, channel by channel", () => {
    expect(darkerShade("#ffffff")).toBe("#d9d9d9");
    expect(darkerShade("#000000")).toBe("#000000");
    expect(darkerShade("#1a56db")).toBe("#1649ba");
  });
});
