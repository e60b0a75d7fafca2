// Tests: the address of an embedded page — what embed.js puts in it (offering, mode, the host's origin, the
// host page's utm_* and address as the source, the prefill in the fragment only) and what the framed page
// reads back; the prefill from data-* attributes before the host page's own parameters.
import { describe, expect, it } from "vitest";
import { embedContextOf, embeddedPageUrl, languageOf, prefillOf } from "../../../web/src/embed/embed-links";
import { choosePageLanguage } from "../../../web/src/shared/page-text";
import { leadSourceOf } from "../../../web/src/booking/lead-source";

const SITE = "https://book.liveline.example";
const HOST_PAGE = "https://www.northwind.example/contact?utm_source=newsletter&utm_campaign=dec&email=ada%40northwind.example&plan=pro#form";

describe("embedded page address", () => {
  it("names the offering, the mode and the host's origin, and carries the host page's campaign and address as the source", () => {
    const url = new URL(embeddedPageUrl({ site: SITE, offering: "live-demo", mode: "inline", hostPage: HOST_PAGE, prefill: {} }));
    expect(url.origin + url.pathname).toBe(`${SITE}/index.html`);
    expect(url.searchParams.get("embed")).toBe("inline");
    expect(url.searchParams.get("host")).toBe("https://www.northwind.example");
    expect(url.searchParams.get("offering")).toBe("live-demo");
    expect(leadSourceOf(url.href, "")).toEqual({
      utmSource: "newsletter",
      utmCampaign: "dec",
      // The host page's address, without the prefilled address (personal data) and its fragment.
      referrer: "https://www.northwind.example/contact?utm_source=newsletter&utm_campaign=dec&plan=pro",
    });
  });

  it("asks the framed page for the host's language (?lang=), which the page takes over the browser's", () => {
    const url = new URL(embeddedPageUrl({ site: SITE, offering: "live-demo", mode: "inline", hostPage: HOST_PAGE, prefill: {}, language: "de-AT" }));
    expect(url.searchParams.get("lang")).toBe("de-AT");
    expect(choosePageLanguage(url.searchParams.get("lang"), ["es-ES"])).toBe("de");
    expect(new URL(embeddedPageUrl({ site: SITE, offering: "live-demo", mode: "inline", hostPage: HOST_PAGE, prefill: {} })).searchParams.has("lang")).toBe(false);
  });

  it("takes the element's data-liveline-language, else the host page's <html lang>, when either is a language tag", () => {
    expect(languageOf({ livelineLanguage: "es" }, "de")).toBe("es");
    expect(languageOf({}, "de-CH")).toBe("de-CH");
    expect(languageOf({ livelineLanguage: " " }, "fr")).toBe("fr");
    expect(languageOf({ livelineLanguage: "<script>" }, "")).toBeUndefined();
    expect(languageOf({}, "")).toBeUndefined();
  });

  it("puts the prefill in the fragment, which no server sees, and the framed page reads it back", () => {
    const address = embeddedPageUrl({ site: SITE, offering: "team-demo", mode: "popup", hostPage: HOST_PAGE, prefill: { name: "Ada Lovelace", email: "ada@northwind.example" } });
    const url = new URL(address);
    expect(url.search).not.toContain("ada");
    expect(url.hash).toBe("#name=Ada+Lovelace&email=ada%40northwind.example");
    expect(embedContextOf(address)).toEqual({
      mode: "popup",
      hostOrigin: "https://www.northwind.example",
      offering: "team-demo",
      prefill: { name: "Ada Lovelace", email: "ada@northwind.example" },
    });
  });

  it("is not an embedding without a mode and a plain origin to post to", () => {
    expect(embedContextOf(`${SITE}/index.html`)).toBeUndefined();
    expect(embedContextOf(`${SITE}/index.html?embed=inline`)).toBeUndefined();
    expect(embedContextOf(`${SITE}/index.html?embed=sideways&host=https%3A%2F%2Fa.example`)).toBeUndefined();
    for (const host of ["*", "https://a.example/", "https://a.example/page", "javascript:alert(1)", "null"]) {
      expect(embedContextOf(`${SITE}/index.html?embed=inline&host=${encodeURIComponent(host)}`), host).toBeUndefined();
    }
    expect(embedContextOf(`${SITE}/index.html?embed=inline&host=${encodeURIComponent("http://localhost:3100")}`)).toEqual({ mode: "inline", hostOrigin: "http://localhost:3100", prefill: {} });
    expect(embedContextOf(embeddedPageUrl({ site: SITE, offering: "live-demo", mode: "concierge", hostPage: HOST_PAGE, prefill: {} }))?.mode).toBe("concierge");
  });
});

describe("prefill", () => {
  it("takes the element's data-liveline-* first, else the host page's ?name, ?email, ?company", () => {
    expect(prefillOf({ liveline: "live-demo", livelineCompany: "Northwind" }, HOST_PAGE)).toEqual({ email: "ada@northwind.example", company: "Northwind" });
    expect(prefillOf({ livelineEmail: "grace@hopper.example" }, HOST_PAGE)).toEqual({ email: "grace@hopper.example" });
    expect(prefillOf({}, "https://www.northwind.example/")).toEqual({});
  });

  it("keeps a value to one line of bounded length", () => {
    expect(prefillOf({ livelineName: "  Ada\nLovelace  ", livelineCompany: "c".repeat(400) }, "https://www.northwind.example/")).toEqual({ name: "Ada Lovelace", company: "c".repeat(254) });
  });
});
