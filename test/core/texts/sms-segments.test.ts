// Tests: SMS segment counting — GSM-7 (extension characters count twice) against UCS-2, single and
// concatenated segment sizes, and pairs never split across segments.
import { describe, expect, it } from "vitest";
import { countSegments, encodingOf } from "../../../functions/core/texts/sms-segments";

describe("countSegments", () => {
  it("sends plain text and the accented letters of GSM-7 as GSM-7", () => {
    expect(encodingOf("Hello, Müller! Café à 8h, ¿mañana? 5 € [ok]")).toBe("GSM-7");
    expect(countSegments("Hello")).toEqual({ encoding: "GSM-7", units: 5, segments: 1 });
  });

  it("takes 160 septets in one segment and 153 per segment beyond", () => {
    expect(countSegments("a".repeat(160))).toEqual({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(countSegments("a".repeat(161)).segments).toBe(2);
    expect(countSegments("a".repeat(306)).segments).toBe(2);
    expect(countSegments("a".repeat(307)).segments).toBe(3);
  });

  it("counts extension characters (€ { } [ ] ~ ^ \\ |) as two septets", () => {
    expect(countSegments("€".repeat(80))).toEqual({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(countSegments(`${"€".repeat(80)}a`).segments).toBe(2);
  });

  it("never splits an escaped pair: 152 septets then € starts the next segment", () => {
    expect(countSegments(`${"a".repeat(152)}€${"a".repeat(152)}`).segments).toBe(3);
    expect(countSegments(`${"a".repeat(151)}€${"a".repeat(153)}`).segments).toBe(2);
  });

  it("sends anything outside GSM-7 (a dash, í, an emoji) as UCS-2: 70 alone, 67 concatenated", () => {
    expect(encodingOf("Sorry I missed you — Maya")).toBe("UCS-2");
    expect(encodingOf("sesión")).toBe("UCS-2");
    expect(countSegments("í".repeat(70))).toEqual({ encoding: "UCS-2", units: 70, segments: 1 });
    expect(countSegments("í".repeat(71)).segments).toBe(2);
    expect(countSegments("í".repeat(134)).segments).toBe(2);
    expect(countSegments("í".repeat(135)).segments).toBe(3);
  });

  it("counts an emoji as two UCS-2 units and never splits it", () => {
    expect(countSegments("👋")).toEqual({ encoding: "UCS-2", units: 2, segments: 1 });
    expect(countSegments(`${"í".repeat(66)}👋${"í".repeat(66)}`).segments).toBe(3);
  });

  it("counts nothing for an empty text", () => {
    expect(countSegments("").segments).toBe(0);
  });
});
