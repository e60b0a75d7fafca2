// Tests: web/src/booking/confirmation — only web links from the API become clickable; who the prospect meets.

import { describe, expect, it } from "vitest";
import { webUrl, withWhom } from "../../../web/src/booking/confirmation";

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

describe("withWhom", () => {
  const maya = { name: "Maya Johnson", firstName: "Maya" };
  it("names the rep, and the second rep with their role for a two-pool offering", () => {
    expect(withWhom({ rep: maya })).toBe("Maya");
    expect(withWhom({ rep: maya, secondRep: { name: "Sam Lee", firstName: "Sam", label: "Solutions engineer" } })).toBe(
      "Maya and Sam (Solutions engineer)",
    );
  });
});
