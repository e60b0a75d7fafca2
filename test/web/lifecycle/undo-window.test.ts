// Tests: web/src/lifecycle/undo-window — an outcome is sent when the 10-second window closes, never after an undo,
// and at once when the page is left.

import { describe, expect, it, vi } from "vitest";
import { openUndoWindow } from "../../../web/src/lifecycle/undo-window";

/** Interval timers the test advances by hand, a second at a time. */
function manualTimers() {
  let run: (() => void) | undefined;
  return {
    timers: { setInterval: (fn: () => void) => ((run = fn), 1), clearInterval: () => (run = undefined) },
    tick: (times = 1) => {
      for (let i = 0; i < times; i += 1) run?.();
    },
    running: () => run !== undefined,
  };
}

describe("openUndoWindow", () => {
  it("counts down from 10 and sends once when the window closes", () => {
    const clock = manualTimers();
    const commit = vi.fn();
    const ticks: number[] = [];
    const window = openUndoWindow({ onTick: (left) => ticks.push(left), commit, timers: clock.timers });
    clock.tick(9);
    expect(commit).not.toHaveBeenCalled();
    expect(window.state).toBe("open");
    clock.tick();
    expect(commit).toHaveBeenCalledTimes(1);
    expect(ticks).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(window.state).toBe("sent");
    expect(clock.running()).toBe(false);
    expect(window.undo()).toBe(false);
  });

  it("sends nothing after an undo, even if the page is left afterwards", () => {
    const clock = manualTimers();
    const commit = vi.fn();
    const window = openUndoWindow({ onTick: () => {}, commit, timers: clock.timers });
    clock.tick(3);
    expect(window.undo()).toBe(true);
    clock.tick(20);
    window.flush();
    expect(commit).not.toHaveBeenCalled();
    expect(window.state).toBe("undone");
  });

  it("sends at once when the page is left within the window, and only once", () => {
    const clock = manualTimers();
    const commit = vi.fn();
    const window = openUndoWindow({ onTick: () => {}, commit, timers: clock.timers });
    clock.tick(2);
    window.flush();
    window.flush();
    clock.tick(20);
    expect(commit).toHaveBeenCalledTimes(1);
    expect(window.undo()).toBe(false);
  });
});
