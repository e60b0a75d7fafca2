// HTTP API: the header the link page (web/src/pages/link-page.ts) sends a short link's code in — never in the
// address, so no access log records it (core/messages/short-links.ts) — and the form of that code (16
// base64url characters: 96 bits, as core/messages/short-links.ts `shortCode` makes them). The page, the route
// and the OpenAPI document share both.
export const SHORT_LINK_HEADER = "Liveline-Link";
export const SHORT_CODE = /^[A-Za-z0-9_-]{16}$/;
