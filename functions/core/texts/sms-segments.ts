// Core: how many SMS segments a text costs. A text that fits the GSM-7 alphabet (with its extension
// table, whose characters take two septets) goes as 160 septets in one segment, 153 per segment when
// concatenated; anything else goes as UCS-2: 70 code units alone, 67 per segment concatenated. Operators
// bill per segment, and a text longer than MAX_TEXT_SEGMENTS is never sent (text-messages.ts fits them).

/** No text Liveline sends is longer than this (issue 17). */
export const MAX_TEXT_SEGMENTS = 2;

// GSM 03.38 basic character set (the escape itself, 0x1B, is not a character one can write).
const GSM7_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
/** The extension table: each is sent as the escape and the character, two septets. */
const GSM7_EXTENSION = new Set("\f^{}\\[~]|€");

export type TextEncoding = "GSM-7" | "UCS-2";

export interface SegmentCount {
  encoding: TextEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

const LIMITS = {
  "GSM-7": { single: 160, concatenated: 153 },
  "UCS-2": { single: 70, concatenated: 67 },
} as const;

export function encodingOf(text: string): TextEncoding {
  for (const char of text) if (!GSM7_BASIC.has(char) && !GSM7_EXTENSION.has(char)) return "UCS-2";
  return "GSM-7";
}

/**
 * The segments a text takes. Concatenated segments are packed as phones pack them: an escaped pair (GSM-7)
 * or a surrogate pair (UCS-2) is never split, so a segment may hold one unit less than its size.
 */
export function countSegments(text: string): SegmentCount {
  const encoding = encodingOf(text);
  const widths = Array.from(text, (char) => (encoding === "GSM-7" ? (GSM7_EXTENSION.has(char) ? 2 : 1) : char.length));
  const units = widths.reduce((sum, width) => sum + width, 0);
  const limit = LIMITS[encoding];
  if (units === 0) return { encoding, units, segments: 0 };
  if (units <= limit.single) return { encoding, units, segments: 1 };
  let segments = 1;
  let used = 0;
  for (const width of widths) {
    if (used + width > limit.concatenated) {
      segments++;
      used = 0;
    }
    used += width;
  }
  return { encoding, units, segments };
}
