// Web: turns the API's free slots into days with readable labels for the slot list. Pure: the API writes
// each slot in the prospect's zone (local wall time + offset), so grouping and labels read the string
// itself and never depend on the browser's own zone.

import type { Slot } from "./api-types";

export interface SlotChoice {
  start: string;
  end: string;
  /** "10:00 AM" in the slot's zone. */
  timeLabel: string;
}

export interface SlotDay {
  /** Local date, YYYY-MM-DD. */
  date: string;
  /** "Tuesday, December 1". */
  label: string;
  slots: SlotChoice[];
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

/** Groups slots by local day in time order; days without slots simply do not appear. */
export function groupSlotsByDay(slots: readonly Slot[], locale = "en-US"): SlotDay[] {
  const seen = new Set<number>();
  const ordered = slots
    .filter((slot) => LOCAL.test(slot.start) && !Number.isNaN(Date.parse(slot.start)))
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
    // Several reps can offer the same instant; the prospect only needs to see it once.
    .filter((slot) => {
      const instant = Date.parse(slot.start);
      if (seen.has(instant)) return false;
      seen.add(instant);
      return true;
    });

  const days: SlotDay[] = [];
  for (const slot of ordered) {
    const date = slot.start.slice(0, 10);
    let day = days[days.length - 1];
    if (!day || day.date !== date) {
      day = { date, label: dayLabel(date, locale), slots: [] };
      days.push(day);
    }
    day.slots.push({ start: slot.start, end: slot.end, timeLabel: timeLabel(slot.start, locale) });
  }
  for (const day of days) disambiguateRepeatedTimes(day);
  return days;
}

/** "Tuesday, December 1" for a local date "YYYY-MM-DD" (or an ISO string starting with one). */
export function dayLabel(localDate: string, locale = "en-US"): string {
  const [, y, m, d] = LOCAL.exec(`${localDate.slice(0, 10)}T00:00`) ?? [];
  // Formatting a UTC midnight in UTC gives back exactly the calendar date we were handed.
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return new Intl.DateTimeFormat(locale, { weekday: "long", month: "long", day: "numeric", timeZone: "UTC" }).format(date);
}

/** "10:00 AM" for the local wall time of an ISO-8601 string with offset. */
export function timeLabel(isoWithOffset: string, locale = "en-US"): string {
  const [, , , , h, min] = LOCAL.exec(isoWithOffset) ?? [];
  const date = new Date(Date.UTC(2000, 0, 1, Number(h), Number(min)));
  return new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone: "UTC" }).format(date);
}

/** "Tuesday, December 1 at 10:00 AM" — used by the confirmation and by messages about a slot. */
export function slotLabel(isoWithOffset: string, locale = "en-US"): string {
  return `${dayLabel(isoWithOffset, locale)} at ${timeLabel(isoWithOffset, locale)}`;
}

/** The offset part of an ISO string, as "UTC-05:00" ("Z" → "UTC"). */
export function offsetLabel(isoWithOffset: string): string {
  const match = /(Z|[+-]\d{2}:\d{2})$/.exec(isoWithOffset);
  if (!match || match[1] === "Z") return "UTC";
  return `UTC${match[1]}`;
}

// When clocks fall back, one wall time happens twice in a day (1:30 AM, then 1:30 AM again); the
// offset tells the two apart.
function disambiguateRepeatedTimes(day: SlotDay): void {
  const counts = new Map<string, number>();
  for (const slot of day.slots) counts.set(slot.timeLabel, (counts.get(slot.timeLabel) ?? 0) + 1);
  for (const slot of day.slots) {
    if ((counts.get(slot.timeLabel) ?? 0) > 1) slot.timeLabel = `${slot.timeLabel} (${offsetLabel(slot.start)})`;
  }
}
