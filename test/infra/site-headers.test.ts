// Tests: the site's headers and the API's CORS answer (infra/lib/site-headers.ts), which CloudFront, API
// Gateway and the local server all take.
import { describe, expect, it } from "vitest";
import { API_CORS, corsHeaders, corsPreflightHeaders, FRAMABLE_PAGE_PATHS, framingPolicy, isFramablePath, localPageHeaders } from "../../infra/lib/site-headers";
import { staticFileFor } from "../../infra/local/static-path";

const allowed = ["https://www.example.com", "http://localhost:3100"];

describe("page headers", () => {
  it("let only the booking and webinar pages be framed, by 'self' and exactly the allowed origins", () => {
    expect(FRAMABLE_PAGE_PATHS.map((path) => staticFileFor(path))).toEqual(["index.html", "webinars.html", "webinars.html"]);
    const framable = framingPolicy(true, allowed);
    expect(framable.contentSecurityPolicy).toMatch(/; frame-ancestors 'self' https:\/\/www\.example\.com http:\/\/localhost:3100$/);
    expect(framable.denyFraming).toBe(false);
    const other = framingPolicy(false, allowed);
    expect(other.contentSecurityPolicy).toMatch(/; frame-ancestors 'none'$/);
    expect(other.contentSecurityPolicy).not.toContain("example.com");
    expect(other.denyFraming).toBe(true);
    // Everything but framing is the same strict policy.
    expect(framable.contentSecurityPolicy.replace(/frame-ancestors .*$/, "")).toBe(other.contentSecurityPolicy.replace(/frame-ancestors .*$/, ""));
    expect(other.contentSecurityPolicy).toMatch(/^default-src 'self'; script-src 'self';/);
  });

  it("keep every other page, '/' included, unframable with X-Frame-Options too", () => {
    for (const path of ["/", "/manage", "/manage.html", "/registration", "/registration.html", "/console", "/sign-in", "/webinar-host.html", "/console/insights", "/_local/"]) {
      expect(isFramablePath(path), path).toBe(false);
      const headers = localPageHeaders(path, allowed);
      expect(headers["x-frame-options"], path).toBe("DENY");
      expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    }
    const booking = localPageHeaders("/index.html", allowed);
    expect(booking["x-frame-options"]).toBeUndefined();
    expect(booking["content-security-policy"]).toBe(framingPolicy(true, allowed).contentSecurityPolicy);
    expect(booking).toMatchObject({ "x-content-type-options": "nosniff", "referrer-policy": "strict-origin-when-cross-origin" });
  });

  it("with no allowed origins the framable pages are framable by the site itself only", () => {
    expect(framingPolicy(true, []).contentSecurityPolicy).toMatch(/frame-ancestors 'self'$/);
  });

  it("refuse a list of origins whose policy CloudFront could not hold", () => {
    const many = Array.from({ length: 20 }, (_, i) => `https://a-very-long-subdomain-name-${i}.of-a-rather-long-company-domain-name.marketing-site.example.com`);
    expect(() => framingPolicy(true, many)).toThrow(/at most 1783/);
  });
});

describe("API CORS", () => {
  it("names an allowed origin back exactly, never a wildcard, and says the answer varies by origin", () => {
    expect(corsHeaders("https://www.example.com", allowed)).toEqual({ vary: "origin", "access-control-allow-origin": "https://www.example.com", "access-control-expose-headers": "retry-after" });
    for (const origin of ["https://evil.example", "https://www.example.com.evil.example", "https://example.com", "null", undefined]) {
      expect(corsHeaders(origin, allowed), String(origin)).toEqual({ vary: "origin" });
    }
    expect(corsHeaders("https://www.example.com", [])).toEqual({ vary: "origin" });
  });

  it("answers a preflight from an allowed origin with the methods and headers the API takes, and nothing to others", () => {
    expect(corsPreflightHeaders("http://localhost:3100", allowed)).toMatchObject({
      "access-control-allow-origin": "http://localhost:3100",
      "access-control-allow-methods": "GET, POST",
      "access-control-allow-headers": "content-type, idempotency-key",
      "access-control-max-age": String(API_CORS.maxAgeSeconds),
    });
    expect(corsPreflightHeaders("http://localhost:3101", allowed)).toEqual({ vary: "origin" });
  });
});
