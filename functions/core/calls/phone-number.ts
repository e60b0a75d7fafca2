// Core: phone numbers as reps dial them. Input may carry spaces, dots, dashes and brackets; it is stored
// in E.164 (+<country code><number>) so a tel: link works from any phone. Without a country code we
// cannot know the country, so we ask for one instead of guessing.

export type PhoneResult = { ok: true; e164: string } | { ok: false; message: string };

export function toE164(input: string): PhoneResult {
  const trimmed = input.trim();
  if (!/^[+\d\s().\-/]+$/.test(trimmed)) {
    return { ok: false, message: "may only contain digits, spaces and + ( ) . - /" };
  }
  let digits = trimmed.replace(/[^\d+]/g, "");
  if (digits.startsWith("00")) digits = `+${digits.slice(2)}`;
  if (!digits.startsWith("+")) {
    return { ok: false, message: "needs the country code, e.g. +1 312 555 0142 or +49 30 1234567" };
  }
  const national = digits.slice(1);
  if (national.includes("+")) return { ok: false, message: "has a + in the wrong place" };
  // E.164: at most 15 digits, country codes never start with 0; 8 digits is the shortest real number.
  if (national.startsWith("0")) return { ok: false, message: "country code cannot start with 0" };
  if (national.length < 8 || national.length > 15) {
    return { ok: false, message: "must have 8 to 15 digits including the country code" };
  }
  return { ok: true, e164: `+${national}` };
}
