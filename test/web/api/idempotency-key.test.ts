// Tests: web/src/api/idempotency-key — one key per attempt at a slot, kept for retries of that attempt.

import { describe, expect, it } from "vitest";
import { BookingAttempts, newIdempotencyKey } from "../../../web/src/api/idempotency-key";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("newIdempotencyKey", () => {
  it("is a v4 UUID, with or without crypto.randomUUID", () => {
    expect(newIdempotencyKey()).toMatch(UUID_V4);
    const withoutRandomUUID = { getRandomValues: crypto.getRandomValues.bind(crypto) };
    expect(newIdempotencyKey(withoutRandomUUID)).toMatch(UUID_V4);
  });
});

describe("BookingAttempts", () => {
  it("reuses the key while the same slot is retried and starts afresh otherwise", () => {
    let n = 0;
    const attempts = new BookingAttempts(() => `key-${++n}`);
    expect(attempts.keyFor("A")).toBe("key-1");
    expect(attempts.keyFor("A")).toBe("key-1");
    expect(attempts.keyFor("B")).toBe("key-2");
    attempts.settle();
    expect(attempts.keyFor("B")).toBe("key-3");
  });
});
