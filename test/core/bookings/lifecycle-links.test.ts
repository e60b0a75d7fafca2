// Tests: the subject of a rep's outcome link (core/bookings/lifecycle-links.ts) — it names the rep it was mailed to.
import { describe, expect, it } from "vitest";
import { outcomeSubject, parseOutcomeSubject } from "../../../functions/core/bookings/lifecycle-links";

describe("an outcome link's subject", () => {
  it("reads back the lead, prompt, outcome and rep it was written with", () => {
    const subject = { leadId: "7c1d0b0e-1f2a-4b8e-9a55-0c6b8f3e2d11", promptId: "b7f3.2", outcome: "no_answer", repId: "priya" };
    expect(outcomeSubject(subject)).toBe("7c1d0b0e-1f2a-4b8e-9a55-0c6b8f3e2d11|b7f3.2|no_answer|priya");
    expect(parseOutcomeSubject(outcomeSubject(subject))).toEqual(subject);
  });

  it("reads a subject of a link mailed before links named their rep, without a rep", () => {
    expect(parseOutcomeSubject("lead|prompt|reached")).toEqual({ leadId: "lead", promptId: "prompt", outcome: "reached" });
  });

  it("refuses an empty part or one part too many", () => {
    for (const text of ["lead|prompt|reached|", "|prompt|reached|maya", "lead||reached", "lead|prompt|reached|maya|extra", "lead|prompt", ""]) {
      expect(parseOutcomeSubject(text), text).toBeUndefined();
    }
  });
});
