// Core: half-open time intervals in epoch ms — merging busy time and testing overlap.

import type { Interval } from "../bookings/booking";

/** Sorted, non-overlapping, touching intervals joined. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const merged: Interval[] = [];
  for (const next of sortedByStart(intervals)) {
    const last = merged[merged.length - 1];
    if (last && next.start <= last.end) last.end = Math.max(last.end, next.end);
    else merged.push({ start: next.start, end: next.end });
  }
  return merged;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Up to this many intervals are sorted by a numeric key (start × 1024 + index): a native sort, no comparator. */
const KEYED_SORT_LIMIT = 1024;
/** Instants up to the year 2109 fit: 2^42 ms × 1024 stays below 2^53. */
const KEYED_SORT_MAX_INSTANT = 2 ** 42;

/** The intervals in order of start. Slot computation sorts every rep's busy time on every call: keep it cheap. */
function sortedByStart(intervals: readonly Interval[]): readonly Interval[] {
  let sorted = true;
  let keyable = intervals.length <= KEYED_SORT_LIMIT;
  for (let i = 0; i < intervals.length; i++) {
    const start = intervals[i]!.start;
    if (i > 0 && start < intervals[i - 1]!.start) sorted = false;
    if (start < 0 || start >= KEYED_SORT_MAX_INSTANT) keyable = false;
  }
  if (sorted) return intervals;
  if (!keyable) return [...intervals].sort((a, b) => a.start - b.start);
  const keys = new Float64Array(intervals.length);
  for (let i = 0; i < intervals.length; i++) keys[i] = intervals[i]!.start * KEYED_SORT_LIMIT + i;
  keys.sort();
  const result: Interval[] = new Array(intervals.length);
  for (let i = 0; i < keys.length; i++) result[i] = intervals[keys[i]! % KEYED_SORT_LIMIT]!;
  return result;
}
