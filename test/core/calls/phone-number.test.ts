import { describe, expect, it } from "vitest";
import { toE164 } from "../../../functions/core/calls/phone-number";

describe("toE164", () => {
  it.each([
    ["+1 (312) 555-0142", "+13125550142"],
    ["0049 30 1234567", "+49301234567"],
    ["+91 80.5550.1234", "+918055501234"],
  ])("normalises %s", (input, expected) => {
    expect(toE164(input)).toEqual({ ok: true, e164: expected });
  });

  it.each([["312 555 0142"], ["+0 123 456 789"], ["+1 555"], ["+1 312 555 0142 ext 5"], ["+12345678901234567"]])("rejects %s", (input) => {
    const result = toE164(input);
    expect(result.ok).toBe(false);
  });
});
