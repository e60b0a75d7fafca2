import { describe, expect, it } from "vitest";
import { cellsToIntervals, lockCells } from "../../../functions/core/availability/slot-locks";

const at = (iso: string) => Date.parse(iso);

describe("lock cells", () => {
  it("covers a meeting with 5-minute cells", () => {
    const cells = lockCells({ start: at("2026-12-01T15:00:00Z"), end: at("2026-12-01T15:30:00Z") });
    expect(cells).toHaveLength(6);
    expect(cells[0]).toBe(at("2026-12-01T15:00:00Z"));
    expect(cells[5]).toBe(at("2026-12-01T15:25:00Z"));
  });

  it("makes overlapping meetings of different lengths share a cell", () => {
    const a = new Set(lockCells({ start: at("2026-12-01T15:00:00Z"), end: at("2026-12-01T15:30:00Z") }));
    const b = lockCells({ start: at("2026-12-01T15:25:00Z"), end: at("2026-12-01T16:10:00Z") });
    expect(b.some((cell) => a.has(cell))).toBe(true);
    const c = lockCells({ start: at("2026-12-01T15:30:00Z"), end: at("2026-12-01T16:00:00Z") });
    expect(c.some((cell) => a.has(cell))).toBe(false);
  });

  it("turns claimed cells back into merged busy intervals", () => {
    const cells = [...lockCells({ start: at("2026-12-01T15:00:00Z"), end: at("2026-12-01T15:30:00Z") }), at("2026-12-01T17:00:00Z")];
    expect(cellsToIntervals(cells)).toEqual([
      { start: at("2026-12-01T15:00:00Z"), end: at("2026-12-01T15:30:00Z") },
      { start: at("2026-12-01T17:00:00Z"), end: at("2026-12-01T17:05:00Z") },
    ]);
  });
});

describe("mergeIntervals", () => {
  it("sorts and joins overlapping and touching intervals, whatever the input order and size", async () => {
    const { mergeIntervals } = await import("../../../functions/core/time/intervals");
    const small = [{ start: 50, end: 60 }, { start: 10, end: 20 }, { start: 20, end: 30 }, { start: 55, end: 70 }, { start: 40, end: 45 }];
    expect(mergeIntervals(small)).toEqual([{ start: 10, end: 30 }, { start: 40, end: 45 }, { start: 50, end: 70 }]);
    // Over the keyed-sort limit and with negative instants: the comparator path gives the same answer.
    const large = Array.from({ length: 3000 }, (_, i) => ({ start: ((i * 7919) % 3000) * 10 - 500, end: ((i * 7919) % 3000) * 10 - 495 }));
    const merged = mergeIntervals(large);
    expect(merged).toHaveLength(3000);
    expect(merged.every((interval, i) => i === 0 || interval.start > merged[i - 1]!.end)).toBe(true);
    const sorted = [{ start: 1, end: 2 }, { start: 3, end: 4 }];
    expect(mergeIntervals(sorted)).toEqual(sorted);
  });
});
