// Web: moments from the API shown in a chosen zone. The booking page's labels (slot-groups) read the wall
// time written in an ISO string, so a moment is first rewritten in the zone the person wants to see.

const WALL_PARTS: Intl.DateTimeFormatOptions = {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
};

/**
 * The instant `iso` as wall time in `timeZone` with that zone's offset, e.g. "2026-12-01T10:00:00.000-06:00".
 * An unknown zone or an unreadable instant gives `iso` back unchanged: the booking's own zone still shows.
 */
export function isoInZone(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-US", { ...WALL_PARTS, timeZone }).formatToParts(new Date(ms));
  } catch {
    return iso;
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "00";
  const wall = `${part("year")}-${part("month")}-${part("day")}T${part("hour")}:${part("minute")}:${part("second")}`;
  // The offset is what separates the wall time from the instant (whole seconds: offsets are minutes).
  const offsetMinutes = Math.round((Date.parse(`${wall}Z`) - Math.floor(ms / 1000) * 1000) / 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `${wall}.000${offset}`;
}

/** "Tue, Dec 1, 11:00 AM": a moment in `timeZone`, by default the reader's own. "" for an unreadable moment. */
export function shortDateTime(iso: string, locale = "en-US", timeZone?: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return "";
  const options: Intl.DateTimeFormatOptions = { weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" };
  try {
    return new Intl.DateTimeFormat(locale, { ...options, ...(timeZone ? { timeZone } : {}) }).format(new Date(ms));
  } catch {
    return new Intl.DateTimeFormat(locale, options).format(new Date(ms));
  }
}
