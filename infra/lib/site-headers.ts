// Infra: the headers of the site and the API's CORS answer, from one place: CloudFront's response-headers
// policies and page behaviours (web-site.ts), API Gateway's CORS (http-api.ts) and the local server
// (infra/local/local-server.ts) all build them here from config embed.allowedOrigins. Only the pages
// embed.js frames may be framed, and only by those origins; every other page refuses any frame.

/** CloudFront refuses a longer content security policy in a response-headers policy. */
const CLOUDFRONT_MAX_POLICY_LENGTH = 1783;

/**
 * The framable pages, by the request paths they are asked for — CloudFront picks a behaviour by the path
 * the viewer asked for, before any function rewrites it. The booking page is framed as /index.html (embed.js
 * asks for that): "/" stays unframable like every other page, and so do the pages of the links in e-mails
 * (manage, registration, outcome…), which carry tokens.
 */
export const FRAMABLE_PAGE_PATHS: readonly string[] = ["/index.html", "/webinars", "/webinars.html"];

/** The page loads only its own script, styles and API: nothing third-party, no inline code. */
const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

export const REFERRER_POLICY = "strict-origin-when-cross-origin";

export interface FramingPolicy {
  contentSecurityPolicy: string;
  /** Also send X-Frame-Options: DENY, for browsers that predate frame-ancestors. */
  denyFraming: boolean;
}

export function isFramablePath(path: string): boolean {
  return FRAMABLE_PAGE_PATHS.includes(path);
}

/** What a page may be framed by: nobody, or the site itself and exactly the allowed origins. */
export function framingPolicy(framable: boolean, allowedOrigins: readonly string[]): FramingPolicy {
  const ancestors = framable ? ["'self'", ...allowedOrigins] : ["'none'"];
  const contentSecurityPolicy = [...PAGE_POLICY, `frame-ancestors ${ancestors.join(" ")}`].join("; ");
  if (contentSecurityPolicy.length > CLOUDFRONT_MAX_POLICY_LENGTH) {
    throw new Error(`embed.allowedOrigins makes the content security policy ${contentSecurityPolicy.length} characters long; CloudFront takes at most ${CLOUDFRONT_MAX_POLICY_LENGTH}`);
  }
  return { contentSecurityPolicy, denyFraming: !framable };
}

/** The headers the local server sends with a static file (CloudFront adds HSTS too, which plain http cannot use). */
export function localPageHeaders(path: string, allowedOrigins: readonly string[]): Record<string, string> {
  const policy = framingPolicy(isFramablePath(path), allowedOrigins);
  return {
    "content-security-policy": policy.contentSecurityPolicy,
    "x-content-type-options": "nosniff",
    "referrer-policy": REFERRER_POLICY,
    ...(policy.denyFraming ? { "x-frame-options": "DENY" } : {}),
  };
}

/**
 * Cross-origin calls to the API from the allowed origins' own pages (a site's own script; embed.js itself
 * leaves the API to the pages it frames): no cookies (the console's session never goes cross-origin), JSON bodies and
 * an Idempotency-Key, and a 429's Retry-After readable.
 */
export const API_CORS = {
  allowMethods: ["GET", "POST"],
  allowHeaders: ["content-type", "idempotency-key"],
  exposeHeaders: ["retry-after"],
  maxAgeSeconds: 600,
} as const;

/** Headers for an API answer to a request from `origin`: the origin named back only when it is allowed. */
export function corsHeaders(origin: string | undefined, allowedOrigins: readonly string[]): Record<string, string> {
  const vary = { vary: "origin" };
  if (origin === undefined || !allowedOrigins.includes(origin)) return vary;
  return { ...vary, "access-control-allow-origin": origin, "access-control-expose-headers": API_CORS.exposeHeaders.join(", ") };
}

/** The answer to a preflight (OPTIONS with Access-Control-Request-Method), as API Gateway gives it: 204, allowing only what is configured. */
export function corsPreflightHeaders(origin: string | undefined, allowedOrigins: readonly string[]): Record<string, string> {
  const base = corsHeaders(origin, allowedOrigins);
  if (!("access-control-allow-origin" in base)) return base;
  return {
    ...base,
    "access-control-allow-methods": API_CORS.allowMethods.join(", "),
    "access-control-allow-headers": API_CORS.allowHeaders.join(", "),
    "access-control-max-age": String(API_CORS.maxAgeSeconds),
  };
}
