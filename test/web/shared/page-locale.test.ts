// Tests: web/src/shared/page-locale — dates in the page's language, in the reader's own variant of it when the browser lists one.

import { describe, expect, it } from "vitest";
import { pageLocale } from "../../../web/src/shared/page-locale";

describe("pageLocale", () => {
  it("takes the first English variant, else American English", () => {
    expect(pageLocale(["de-DE", "en-GB", "en-US"])).toBe("en-GB");
    expect(pageLocale(["fr-FR"])).toBe("en-US");
    expect(pageLocale([])).toBe("en-US");
    expect(pageLocale(["english"])).toBe("en-US");
  });

  it("takes the browser's variant of the page's language, else the language itself", () => {
    expect(pageLocale(["de-AT", "de-DE", "en-US"], "de")).toBe("de-AT");
    expect(pageLocale(["en-US"], "es")).toBe("es");
    expect(pageLocale(["fr-CA"], "fr")).toBe("fr-CA");
  });
});
