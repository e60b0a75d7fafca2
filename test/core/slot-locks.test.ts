import { describe, expect, it } from "vitest";
import { cellsToIntervals, lockCells } from "../../functions/core/slot-locks";

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
