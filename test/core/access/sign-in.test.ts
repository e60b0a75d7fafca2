// The sign-in rules: session limits and the hourly e-mail limit.
import { describe, expect, it } from "vitest";
import { admitSignInMail, linkExpiresAt, sessionAlive, sessionEndsAt, sessionNeedsTouch } from "../../../functions/core/access/sign-in";

const HOUR = 3_600_000;

describe("sign-in rules", () => {
  it("a link lasts 15 minutes", () => {
    expect(linkExpiresAt(0)).toBe(15 * 60_000);
  });

  it("a session ends 12 hours after its last use, and never later than 7 days after it began", () => {
    expect(sessionEndsAt({ createdAt: 0, lastSeenAt: 0 })).toBe(12 * HOUR);
    expect(sessionEndsAt({ createdAt: 0, lastSeenAt: 160 * HOUR })).toBe(168 * HOUR);
    expect(sessionAlive({ createdAt: 0, lastSeenAt: 0 }, 12 * HOUR - 1)).toBe(true);
    expect(sessionAlive({ createdAt: 0, lastSeenAt: 0 }, 12 * HOUR)).toBe(false);
  });

  it("writes a session's last use at most every 5 minutes", () => {
    expect(sessionNeedsTouch({ createdAt: 0, lastSeenAt: 0 }, 4 * 60_000)).toBe(false);
    expect(sessionNeedsTouch({ createdAt: 0, lastSeenAt: 0 }, 5 * 60_000)).toBe(true);
  });

  it("admits 5 e-mails in any hour and forgets older ones", () => {
    const five = [1, 2, 3, 4, 5].map((minute) => minute * 60_000);
    expect(admitSignInMail(five.slice(0, 4), 10 * 60_000)).toEqual([...five.slice(0, 4), 10 * 60_000]);
    expect(admitSignInMail(five, 10 * 60_000)).toBeUndefined();
    expect(admitSignInMail(five, HOUR + 60_001)).toEqual([2, 3, 4, 5].map((minute) => minute * 60_000).concat(HOUR + 60_001));
  });
});
