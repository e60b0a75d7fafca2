// A refreshed queue keeps the rows that stay, adds and removes the others, and reorders only when needed.
import { describe, expect, it } from "vitest";
import { planRows } from "../../../web/src/console/queue-rows";

describe("queue rows", () => {
  it("changes nothing when the queue is the same", () => {
    expect(planRows(["a", "b"], ["a", "b"])).toEqual({ remove: [], add: [], reorder: false });
  });

  it("removes gone rows and appends new ones that come last", () => {
    expect(planRows(["a", "b", "c"], ["a", "c", "d"])).toEqual({ remove: ["b"], add: ["d"], reorder: false });
    expect(planRows([], ["a", "b"])).toEqual({ remove: [], add: ["a", "b"], reorder: false });
    expect(planRows(["a"], [])).toEqual({ remove: ["a"], add: [], reorder: false });
  });

  it("reorders when a new row belongs before a shown one, or the order changed", () => {
    expect(planRows(["b"], ["a", "b"])).toEqual({ remove: [], add: ["a"], reorder: true });
    expect(planRows(["a", "b"], ["b", "a"])).toEqual({ remove: [], add: [], reorder: true });
  });
});
