// Tests: web/src/booking/day-tabs — the arrow keys, Home and End move through the day picker, wrapping round.

import { describe, expect, it } from "vitest";
import { dayIndexAfterKey } from "../../../web/src/booking/day-tabs";

describe("dayIndexAfterKey", () => {
  it("moves left and right, wrapping at both ends", () => {
    expect(dayIndexAfterKey("ArrowRight", 0, 3)).toBe(1);
    expect(dayIndexAfterKey("ArrowRight", 2, 3)).toBe(0);
    expect(dayIndexAfterKey("ArrowLeft", 0, 3)).toBe(2);
    expect(dayIndexAfterKey("ArrowLeft", 2, 3)).toBe(1);
  });

  it("jumps to the first and last day", () => {
    expect(dayIndexAfterKey("Home", 2, 5)).toBe(0);
    expect(dayIndexAfterKey("End", 0, 5)).toBe(4);
  });

  it("leaves other keys, and Up and Down, to the page", () => {
    for (const key of ["Enter", " ", "Tab", "ArrowUp", "ArrowDown", "a"]) expect(dayIndexAfterKey(key, 1, 3)).toBeUndefined();
    expect(dayIndexAfterKey("ArrowRight", -1, 3)).toBeUndefined();
    expect(dayIndexAfterKey("ArrowRight", 0, 0)).toBeUndefined();
  });
});
