// Core: a rep's weekly working hours, as written in config ("09:00-12:00") and as minute ranges the slot
// computation walks. Hours are wall-clock times in the rep's own zone.

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Minutes after local midnight; end is exclusive and may be 1440 ("24:00"). */
export interface MinuteRange {
  startMinute: number;
  endMinute: number;
}

/** Ranges per ISO weekday, index 1 (Monday) … 7 (Sunday); index 0 unused. */
export type WeeklyHours = MinuteRange[][];

const RANGE = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;

/** Parses "HH:MM-HH:MM"; returns an error message instead when the text is not a valid range. */
export function parseMinuteRange(text: string): MinuteRange | string {
  const match = RANGE.exec(text.trim());
  if (!match) return `"${text}" is not a range like "09:00-17:00"`;
  const [h1, m1, h2, m2] = match.slice(1).map(Number) as [number, number, number, number];
  if (h1 > 23 || m1 > 59 || h2 > 24 || m2 > 59 || (h2 === 24 && m2 !== 0)) return `"${text}" has an invalid time`;
  const range = { startMinute: h1 * 60 + m1, endMinute: h2 * 60 + m2 };
  if (range.endMinute <= range.startMinute) return `"${text}" ends before it starts`;
  return range;
}

/** Builds WeeklyHours from already-validated config text. */
export function toWeeklyHours(byDay: Partial<Record<Weekday, string[]>>): WeeklyHours {
  const weekly: WeeklyHours = [[]];
  for (const day of WEEKDAYS) {
    const ranges = (byDay[day] ?? []).map((text) => parseMinuteRange(text) as MinuteRange);
    weekly.push(ranges.sort((a, b) => a.startMinute - b.startMinute));
  }
  return weekly;
}

/** The first overlap between ranges of one day, as a message, or undefined. */
export function findOverlap(texts: string[]): string | undefined {
  const ranges = texts.map(parseMinuteRange).filter((r): r is MinuteRange => typeof r !== "string");
  ranges.sort((a, b) => a.startMinute - b.startMinute);
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i]!.startMinute < ranges[i - 1]!.endMinute) return `ranges "${texts.join('", "')}" overlap`;
  }
  return undefined;
}
