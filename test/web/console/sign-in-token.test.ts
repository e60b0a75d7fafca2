// The sign-in page reads its token from the fragment only.
import { describe, expect, it } from "vitest";
import { tokenFromFragment } from "../../../web/src/console/sign-in-token";

describe("sign-in token", () => {
  it("is read from #token=…, and nothing else counts", () => {
    const token = "a".repeat(43);
    expect(tokenFromFragment(`#token=${token}`)).toBe(token);
    expect(tokenFromFragment("")).toBeUndefined();
    expect(tokenFromFragment("#token=short")).toBeUndefined();
    expect(tokenFromFragment(`#token=${token}<script>`)).toBeUndefined();
  });
});
