// Core: the lock cells a booking claims. A rep's time is cut into fixed 5-minute cells; a booking claims
// every cell its meeting touches, each as one item written with attribute_not_exists in the booking's
// transaction. Two bookings that overlap by even one cell cannot both commit, whatever their lengths.

import type { Interval } from "../bookings/booking";
import { mergeIntervals } from "../time/intervals";

export const LOCK_CELL_MINUTES = 5;
const CELL_MS = LOCK_CELL_MINUTES * 60_000;

/** Start instants of the cells covering [start, end). */
export function lockCells(interval: Interval): number[] {
  const cells: number[] = [];
  for (let cell = Math.floor(interval.start / CELL_MS) * CELL_MS; cell < interval.end; cell += CELL_MS) cells.push(cell);
  return cells;
}

/** Claimed cells back into busy intervals. */
export function cellsToIntervals(cells: readonly number[]): Interval[] {
  return mergeIntervals(cells.map((cell) => ({ start: cell, end: cell + CELL_MS })));
}
