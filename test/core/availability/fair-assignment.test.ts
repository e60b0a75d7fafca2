import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rankByFairness, type RepLoad } from "../../../functions/core/availability/fair-assignment";

describe("rankByFairness", () => {
  it("puts the rep with the fewest demos per weight first, then the least recently assigned", () => {
    const reps: RepLoad[] = [
      { id: "a", weight: 1, assignedInWindow: 3, lastAssignedAt: 10 },
      { id: "b", weight: 1, assignedInWindow: 2, lastAssignedAt: 30 },
      { id: "c", weight: 2, assignedInWindow: 4, lastAssignedAt: 20 },
      { id: "d", weight: 1, assignedInWindow: 2 },
    ];
    // b and d have 2/1; c has 4/2 = 2 too. d was never assigned, then c (20), then b (30).
    expect(rankByFairness(reps)).toEqual(["d", "c", "b", "a"]);
  });

  /** Assign `bookings` demos; each time a random subset of reps is free, the fairest free one gets it. */
  function simulate(weights: number[], bookings: number, freeChance: number, seed: number): number[] {
    let state = seed;
    const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const loads = weights.map((weight, i) => ({ id: String(i), weight, assignedInWindow: 0, lastAssignedAt: undefined as number | undefined }));
    for (let t = 0; t < bookings; t++) {
      const free = loads.filter(() => random() < freeChance);
      if (free.length === 0) continue;
      const chosen = loads[Number(rankByFairness(free)[0])]!;
      chosen.assignedInWindow++;
      chosen.lastAssignedAt = t;
    }
    return loads.map((load) => load.assignedInWindow);
  }

  it("over 1,000 simulated bookings with equal weights, no rep's share differs from the mean by more than 10%", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.double({ min: 0.4, max: 1, noNaN: true }), fc.integer({ min: 1, max: 2 ** 30 }), (reps, freeChance, seed) => {
        const counts = simulate(Array(reps).fill(1), 1000, freeChance, seed);
        const mean = counts.reduce((a, b) => a + b, 0) / reps;
        for (const count of counts) expect(Math.abs(count - mean) / mean).toBeLessThanOrEqual(0.1);
      }),
      { numRuns: 200 },
    );
  });

  it("gives shares in proportion to weight", () => {
    const counts = simulate([1, 2, 1], 1000, 1, 7);
    expect(counts).toEqual([250, 500, 250]);
  });
});
