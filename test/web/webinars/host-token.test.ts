// Tests: web/src/webinars/host-token — the host's token lives in the tab's sessionStorage, and a page whose storage
// is off (or throws) still works.

import { describe, expect, it } from "vitest";
import { HOST_TOKEN_KEY, cleanToken, hostTokenStore } from "../../../web/src/webinars/host-token";

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe("hostTokenStore", () => {
  it("keeps, reads back and forgets the token under its own key", () => {
    const storage = memoryStorage();
    const store = hostTokenStore(storage);
    expect(store.read()).toBeUndefined();
    expect(store.save("local-token-lukas")).toBe(true);
    expect(storage.items.get(HOST_TOKEN_KEY)).toBe("local-token-lukas");
    expect(store.read()).toBe("local-token-lukas");
    store.forget();
    expect(store.read()).toBeUndefined();
    expect(storage.items.size).toBe(0);
  });

  it("ignores a stored value that is no token", () => {
    const storage = memoryStorage();
    storage.items.set(HOST_TOKEN_KEY, "two words");
    expect(hostTokenStore(storage).read()).toBeUndefined();
  });

  it("works without storage, or with storage that throws", () => {
    const refusing = {
      getItem: () => {
        throw new DOMException("denied", "SecurityError");
      },
      setItem: () => {
        throw new DOMException("full", "QuotaExceededError");
      },
      removeItem: () => {
        throw new DOMException("denied", "SecurityError");
      },
    };
    for (const storage of [undefined, refusing]) {
      const store = hostTokenStore(storage);
      expect(store.read()).toBeUndefined();
      expect(store.save("t")).toBe(false);
      expect(() => store.forget()).not.toThrow();
    }
  });
});

describe("cleanToken", () => {
  it("takes a token pasted with spaces or its Bearer prefix, and nothing with spaces inside", () => {
    expect(cleanToken("  local-token-maya \n")).toBe("local-token-maya");
    expect(cleanToken("Bearer local-token-maya")).toBe("local-token-maya");
    expect(cleanToken("two words")).toBe("");
    expect(cleanToken("")).toBe("");
  });
});
