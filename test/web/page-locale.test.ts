// Tests: web/src/page-locale — dates in English, in the reader's own English when the browser lists one.

import { describe, expect, it } from "vitest";
import { pageLocale } from "../../web/src/page-locale";

describe("pageLocale", () => {
  it("takes the first English variant, else American English", () => {
    expect(pageLocale(["de-DE", "en-GB", "en-US"])).toBe("en-GB");
    expect(pageLocale(["fr-FR"])).toBe("en-US");
    expect(pageLocale([])).toBe("en-US");
    expect(pageLocale(["english"])).toBe("en-US");
  });
});
