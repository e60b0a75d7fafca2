// Tests: what a prospect page reports as the lead's source — its own utm_* parameters, the referrer from
// ?ref= (the embedding site's address) else the browser's, never our own pages, cut to the API's limits.
import { describe, expect, it } from "vitest";
import { LEAD_SOURCE_MAX_CHARS } from "../../../functions/handlers/http/body-limits";
import { leadSourceOf, withSource } from "../../../web/src/booking/lead-source";

const PAGE = "https://demo.liveline.example/";

describe("lead source of a page", () => {
  it("reads every utm_* parameter of the page's own address", () => {
    const address = `${PAGE}?utm_source=Newsletter&utm_medium=email&utm_campaign=dec%20launch&utm_term=demo&utm_content=button&other=1`;
    expect(leadSourceOf(address, "")).toEqual({ utmSource: "Newsletter", utmMedium: "email", utmCampaign: "dec launch", utmTerm: "demo", utmContent: "button" });
  });

  it("takes the referrer from ?ref= first, else the browser's referrer, and ignores our own pages", () => {
    expect(leadSourceOf(`${PAGE}?ref=${encodeURIComponent("https://host.example/pricing?plan=pro")}`, "https://www.google.com/")).toEqual({ referrer: "https://host.example/pricing?plan=pro" });
    expect(leadSourceOf(PAGE, "https://www.google.com/")).toEqual({ referrer: "https://www.google.com/" });
    expect(leadSourceOf(PAGE, `${PAGE}webinars.html`)).toBeUndefined();
    expect(leadSourceOf(`${PAGE}?ref=${encodeURIComponent(`${PAGE}webinars.html`)}`, "https://www.bing.com/")).toEqual({ referrer: "https://www.bing.com/" });
    expect(leadSourceOf(`${PAGE}?ref=javascript:alert(1)`, "")).toBeUndefined();
    expect(leadSourceOf(`${PAGE}?ref=not%20an%20address`, "")).toBeUndefined();
    expect(leadSourceOf(PAGE, "")).toBeUndefined();
  });

  it("keeps within the API's limits, so a long link never fails the request", () => {
    const source = leadSourceOf(`${PAGE}?utm_campaign=${"c".repeat(500)}&utm_source=a%0Ab&ref=https://host.example/${"p".repeat(3000)}`, "https://www.google.com/")!;
    expect(source.utmCampaign).toHaveLength(LEAD_SOURCE_MAX_CHARS.utm);
    expect(source.utmSource).toBe("a b");
    // A cut address would name another page: the browser's referrer stands in.
    expect(source.referrer).toBe("https://www.google.com/");
  });

  it("adds the source to a request body only when there is one", () => {
    expect(withSource({ name: "Pat" }, undefined)).toEqual({ name: "Pat" });
    expect(withSource({ name: "Pat" }, { utmSource: "ads" })).toEqual({ name: "Pat", source: { utmSource: "ads" } });
  });
});
