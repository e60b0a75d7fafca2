// `npm start`'s warning when abuse protection is off: printed for LIVELINE_PROTECTION=off only.
import { describe, expect, it } from "vitest";
import { protectionWarning } from "../../../infra/local/protection-warning";

describe("protection warning", () => {
  it("warns when LIVELINE_PROTECTION=off, and says nothing otherwise", () => {
    expect(protectionWarning({ LIVELINE_PROTECTION: "off" })).toMatch(/^WARNING: abuse protection is OFF \(LIVELINE_PROTECTION=off\)/);
    expect(protectionWarning({})).toBeUndefined();
    expect(protectionWarning({ LIVELINE_PROTECTION: "on" })).toBeUndefined();
  });
});
