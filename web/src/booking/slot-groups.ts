// Web: turns the API's free slots into days (for the day picker) and parts of a day (for the times), with
// readable labels. Pure: the API writes each slot in the prospect's zone (local wall time + offset), so
// grouping and labels read the string itself and never depend on the browser's own zone.

import type { Slot } from "../api/api-types";

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
  /** "Tue Dec 1" (en-US) or "Tue 1 Dec" (en-GB): the day picker's button. */
  shortLabel: string;
  slots: SlotChoice[];
}

export type PartOfDay = "Morning" | "Afternoon" | "Evening";

export interface SlotPart {
  part: PartOfDay;
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
      day = { date, label: dayLabel(date, locale), shortLabel: shortDayLabel(date, locale), slots: [] };
      days.push(day);
    }
    day.slots.push({ start: slot.start, end: slot.end, timeLabel: timeLabel(slot.start, locale) });
  }
  for (const day of days) disambiguateRepeatedTimes(day);
  return days;
}

/** "Tuesday, December 1" for a local date "YYYY-MM-DD" (or an ISO string starting with one). */
export function dayLabel(localDate: string, locale = "en-US"): string {
  return formatDate(localDate, locale, { weekday: "long", month: "long", day: "numeric" });
}

/** "Tue Dec 1" in en-US, "Tue 1 Dec" in en-GB: the locale's order without its commas, to fit a phone's row. */
export function shortDayLabel(localDate: string, locale = "en-US"): string {
  const parts = dateFormat(locale, { weekday: "short", month: "short", day: "numeric" }).formatToParts(utcDate(localDate));
  return parts
    .filter((part) => part.type !== "literal")
    .map((part) => part.value)
    .join(" ");
}

function formatDate(localDate: string, locale: string, options: Intl.DateTimeFormatOptions): string {
  return dateFormat(locale, options).format(utcDate(localDate));
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" });
}

/** Formatting a UTC midnight in UTC gives back exactly the calendar date we were handed. */
function utcDate(localDate: string): Date {
  const [, y, m, d] = LOCAL.exec(`${localDate.slice(0, 10)}T00:00`) ?? [];
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
}


/** The day to show: the one already chosen while it still has times, else the first. */
export function chooseDay(days: readonly SlotDay[], wanted: string | undefined): SlotDay | undefined {
  return days.find((day) => day.date === wanted) ?? days[0];
}

/** Morning before 12:00, afternoon before 17:00, evening after, by the slot's local wall time. */
export function partOfDay(isoWithOffset: string): PartOfDay {
  const hour = Number(LOCAL.exec(isoWithOffset)?.[4] ?? 0);
  return hour < 12 ? "Morning" : hour < 17 ? "Afternoon" : "Evening";
}

/** A day's times in parts, in order; parts without times are left out. */
export function groupByPartOfDay(slots: readonly SlotChoice[]): SlotPart[] {
  const parts: SlotPart[] = [];
  for (const slot of slots) {
    const part = partOfDay(slot.start);
    const last = parts[parts.length - 1];
    if (last?.part === part) last.slots.push(slot);
    else parts.push({ part, slots: [slot] });
  }
  return parts;
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
