// Core: who gets the demo among the reps free at that start — the fairest: fewest demos assigned in the
// rolling window relative to the rep's weight, ties broken by who was assigned least recently (never
// assigned first), then by id so the order is total and repeatable.

export interface RepLoad {
  id: string;
  /** Relative share: 2 should get twice the demos of 1. */
  weight: number;
  /** Demos assigned within the fairness window. */
  assignedInWindow: number;
  /** Epoch ms of the latest assignment, if any. */
  lastAssignedAt?: number;
}

/** The reps from fairest to least fair. */
export function rankByFairness(reps: readonly RepLoad[]): string[] {
  return [...reps]
    .sort(
      (a, b) =>
        a.assignedInWindow / a.weight - b.assignedInWindow / b.weight ||
        (a.lastAssignedAt ?? -Infinity) - (b.lastAssignedAt ?? -Infinity) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .map((rep) => rep.id);
}
