// Tests: web/src/lifecycle/link-params — the lifecycle pages read their signed links, and a cut-off link reads as missing.

import { describe, expect, it } from "vitest";
import { manageLinkFrom, moveQueryTokenToFragment, ratingFrom, registrationLinkFrom, replacementLocation, sessionIdFrom, tokenFrom, tokenOutOfQuery } from "../../../web/src/lifecycle/link-params";

const TOKEN = "eyJwIjoibWFuYWdlIn0.c2lnbmF0dXJlLWJ5dGVz";

describe("tokenFrom", () => {
  it("reads the token from the fragment, where links carry it (browsers never send a fragment), and from an older link's query", () => {
    expect(tokenFrom("", `#token=${TOKEN}`)).toBe(TOKEN);
    expect(tokenFrom("?rating=4", `#token=${TOKEN}`)).toBe(TOKEN);
    expect(tokenFrom("?token=query-token-123", `#token=${TOKEN}`)).toBe(TOKEN);
    expect(tokenFrom("", "#token=abc")).toBeUndefined();
  });

  it("reads a whole token", () => {
    expect(tokenFrom(`?token=${TOKEN}`)).toBe(TOKEN);
    expect(tokenFrom(`?rating=4&token=${TOKEN}`)).toBe(TOKEN);
  });

  it("treats a missing, empty, short or mangled token as no token", () => {
    expect(tokenFrom("")).toBeUndefined();
    expect(tokenFrom("?token=")).toBeUndefined();
    expect(tokenFrom("?token=abc")).toBeUndefined();
    expect(tokenFrom(`?token=${TOKEN}%3Cscript%3E`)).toBeUndefined();
    expect(tokenFrom(`?token=${"a".repeat(2001)}`)).toBeUndefined();
  });
});

describe("tokenOutOfQuery", () => {
  it("moves an older link's ?token= into the fragment, keeping the rest of the address", () => {
    expect(tokenOutOfQuery(`https://book.example.com/manage.html?booking=bk-1&token=${TOKEN}`)).toBe(`/manage.html?booking=bk-1#token=${TOKEN}`);
    expect(tokenOutOfQuery(`https://book.example.com/feedback.html?token=${TOKEN}&rating=4`)).toBe(`/feedback.html?rating=4#token=${TOKEN}`);
    expect(tokenOutOfQuery(`https://book.example.com/outcome.html#token=${TOKEN}`)).toBeUndefined();
    const replaced: string[] = [];
    let reloads = 0;
    let onHashChange: (() => void) | undefined;
    moveQueryTokenToFragment(
      { href: `https://book.example.com/unsubscribe.html?token=${TOKEN}`, reload: () => reloads++ },
      { replaceState: (_state, _title, url) => replaced.push(String(url)) },
      { addEventListener: ((type: string, listener: () => void) => type === "hashchange" && (onHashChange = listener)) as unknown as Window["addEventListener"] },
    );
    expect(replaced).toEqual([`/unsubscribe.html#token=${TOKEN}`]);
    // Another link's token in this tab: the page loads again rather than act on the old one.
    onHashChange!();
    expect(reloads).toBe(1);
  });
});

describe("registrationLinkFrom", () => {
  it("reads the registration page's link, and refuses one cut short or tampered with", () => {
    const id = "5f0c7c1e-8d7a-4c1b-9a51-2f7f0e3b1c2d";
    expect(registrationLinkFrom(`?registration=${id}`, `#token=${TOKEN}`)).toEqual({ registrationId: id, token: TOKEN });
    expect(registrationLinkFrom(`?registration=${id}&token=${TOKEN}`)).toEqual({ registrationId: id, token: TOKEN });
    expect(registrationLinkFrom(`?registration=${id}`)).toBeUndefined();
    expect(registrationLinkFrom(`?token=${TOKEN}`)).toBeUndefined();
    expect(registrationLinkFrom(`?registration=..%2Fadmin&token=${TOKEN}`)).toBeUndefined();
    // A manage link of a booking is not a registration link.
    expect(registrationLinkFrom(`?booking=${id}&token=${TOKEN}`)).toBeUndefined();
  });
});

describe("sessionIdFrom", () => {
  it("reads a session id, and nothing that is not one", () => {
    expect(sessionIdFrom("?session=weekly-webinar-20261208T1600Z")).toBe("weekly-webinar-20261208T1600Z");
    expect(sessionIdFrom("?session=")).toBeUndefined();
    expect(sessionIdFrom("")).toBeUndefined();
    expect(sessionIdFrom("?session=%3Cimg%20src%3Dx%3E")).toBeUndefined();
    expect(sessionIdFrom(`?session=${"a".repeat(101)}`)).toBeUndefined();
  });
});

describe("manageLinkFrom", () => {
  it("needs both the booking and the token", () => {
    expect(manageLinkFrom("?booking=bk-123", `#token=${TOKEN}`)).toEqual({ bookingId: "bk-123", token: TOKEN });
    expect(manageLinkFrom(`?booking=bk-123&token=${TOKEN}`)).toEqual({ bookingId: "bk-123", token: TOKEN });
    expect(manageLinkFrom(`?booking=bk-123`)).toBeUndefined();
    expect(manageLinkFrom(`?token=${TOKEN}`)).toBeUndefined();
    expect(manageLinkFrom(`?booking=../admin&token=${TOKEN}`)).toBeUndefined();
  });
});

describe("ratingFrom", () => {
  it("takes 1 to 5 and nothing else", () => {
    expect([1, 2, 3, 4, 5].map((n) => ratingFrom(`?token=t&rating=${n}`))).toEqual([1, 2, 3, 4, 5]);
    for (const bad of ["0", "6", "4.5", "five", "", "-1", "44"]) expect(ratingFrom(`?rating=${bad}`), bad).toBeUndefined();
    expect(ratingFrom("?token=t")).toBeUndefined();
  });
});

describe("replacementLocation", () => {
  const page = "https://book.example.com/manage.html?booking=bk-1#token=old-token-123";

  it("puts the new link's query and fragment on the current page, even when the API names another host", () => {
    const next = replacementLocation(`http://localhost:3000/manage.html?booking=bk-1#token=${TOKEN}`, page);
    expect(next).toEqual({ link: { bookingId: "bk-1", token: TOKEN }, href: `/manage.html?booking=bk-1#token=${TOKEN}` });
  });

  it("refuses anything that is not a manage link", () => {
    expect(replacementLocation("https://book.example.com/manage.html?booking=bk-1", page)).toBeUndefined();
    expect(replacementLocation("http://[not a url", page)).toBeUndefined();
  });
});
