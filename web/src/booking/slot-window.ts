// Web: the 14 local days the booking page asks slots for when the prospect changes time zone after
// seeing slots (GET /api/slots?from&to), counted in the chosen zone, not the browser's.

export const SLOT_WINDOW_DAYS = 14;

/** Today's date (YYYY-MM-DD) in `timeZone`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** `localDate` plus `days` calendar days (pure date arithmetic, so DST cannot shift it). */
export function addDays(localDate: string, days: number): string {
  const [y, m, d] = localDate.split("-").map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** from = today in the zone, to = from + 13 days: both ends included, 14 days. */
export function slotWindow(timeZone: string, now: Date = new Date()): { from: string; to: string } {
  const from = todayIn(timeZone, now);
  return { from, to: addDays(from, SLOT_WINDOW_DAYS - 1) };
}
