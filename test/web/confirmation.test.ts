// Tests: web/src/confirmation — only web links from the API become clickable.

import { describe, expect, it } from "vitest";
import { webUrl } from "../../web/src/confirmation";

describe("webUrl", () => {
  const base = "https://book.example.com/";
  it("keeps http(s) links and resolves relative ones against the page", () => {
    expect(webUrl("https://meet.jit.si/acme-demo-1", base)).toBe("https://meet.jit.si/acme-demo-1");
    expect(webUrl("/api/bookings/1/ics?token=t", base)).toBe("https://book.example.com/api/bookings/1/ics?token=t");
  });

  it("drops other schemes and non-strings", () => {
    expect(webUrl("javascript:alert(1)", base)).toBeUndefined();
    expect(webUrl("data:text/html,hi", base)).toBeUndefined();
    expect(webUrl(undefined, base)).toBeUndefined();
    expect(webUrl("", base)).toBeUndefined();
  });
});
