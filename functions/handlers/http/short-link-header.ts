// HTTP API: the header the link page (web/src/pages/link-page.ts) sends a short link's code in — never in the
// address, so no access log records it (core/messages/short-links.ts). The page and the route share it.
export const SHORT_LINK_HEADER = "Liveline-Link";
