// Storage: the compact forms of a rep's schedule. A slot listing reads the schedules of a whole pool at
// once, so every byte counts: a demo is one element of a string set ("bookingId|start.end.assigned.day",
// minutes in base 36), and a calendar feed's busy time is one binary attribute of uint32 minute pairs
// (8 bytes an interval). Encoding a decoded demo gives the same string back, so an element can be deleted.

import type { Interval } from "../../core/bookings/booking";
import type { ScheduledDemo } from "../../ports/booking-store";

const MINUTE = 60_000;

export function encodeDemo(demo: ScheduledDemo): string {
  const minutes = (instant: number) => Math.floor(instant / MINUTE).toString(36);
  return `${demo.bookingId}|${minutes(demo.blocked.start)}.${Math.ceil(demo.blocked.end / MINUTE).toString(36)}.${minutes(demo.assignedAt)}.${demo.day.replaceAll("-", "")}`;
}

export function decodeDemo(entry: string): ScheduledDemo {
  const separator = entry.lastIndexOf("|");
  const bookingId = entry.slice(0, separator);
  const [start, end, assigned, day] = entry.slice(separator + 1).split(".") as [string, string, string, string];
  return {
    bookingId,
    blocked: { start: parseInt(start, 36) * MINUTE, end: parseInt(end, 36) * MINUTE },
    assignedAt: parseInt(assigned, 36) * MINUTE,
    day: `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`,
  };
}

/** Busy intervals widened to whole minutes (never narrower than the event), as uint32 minute pairs. */
export function encodeBusy(busy: readonly Interval[]): Uint8Array {
  const minutes = new Uint32Array(busy.length * 2);
  busy.forEach((interval, index) => {
    minutes[index * 2] = Math.floor(interval.start / MINUTE);
    minutes[index * 2 + 1] = Math.ceil(interval.end / MINUTE);
  });
  return new Uint8Array(minutes.buffer);
}

export function decodeBusy(bytes: Uint8Array): Interval[] {
  // Copied: the SDK's buffer may not be aligned for a Uint32Array view.
  const minutes = new Uint32Array(Uint8Array.from(bytes).buffer);
  const busy: Interval[] = [];
  for (let index = 0; index < minutes.length; index += 2) busy.push({ start: minutes[index]! * MINUTE, end: minutes[index + 1]! * MINUTE });
  return busy;
}
