// Config: the embed section of liveline.config.json — the exact origins (scheme, host, port) of the sites
// that may frame the booking pages and call the API from their own pages. The stack's page headers and API
// CORS and the local server all read this one list (infra/lib/site-headers.ts).

import * as z from "zod/mini";

/** CloudFront's content security policy header holds at most 1,783 characters; 20 origins stay well inside. */
export const MAX_ALLOWED_ORIGINS = 20;

/** Plain http is a page anyone on the path can rewrite: only a developer's own machine may use it. */
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Why `text` is not an exact web origin (e.g. https://www.example.com or http://localhost:3100), or undefined. */
export function originProblem(text: string): string | undefined {
  const example = "must be an origin like https://www.example.com: scheme, host and an optional port";
  if (text.includes("*")) return `${example}, without wildcards`;
  if (!URL.canParse(text)) return example;
  const url = new URL(text);
  if (url.protocol !== "https:" && url.protocol !== "http:") return example;
  if (url.protocol === "http:" && !LOOPBACK_HOSTS.has(url.hostname)) return "must use https (plain http only for localhost)";
  // URL.origin drops a path, query, user, a default port and upper case: anything it dropped is not allowed.
  if (url.origin !== text) return `${example}, without a path or trailing slash (${url.origin})`;
  return undefined;
}

const origin = z.string().check(
  z.refine((text) => originProblem(text) === undefined, { error: (issue) => originProblem(String(issue.input)) ?? "is not an origin" }),
);

export const embedSchema = z.strictObject({
  /** Sites allowed to frame the booking and webinar pages and to call the API from their pages. */
  allowedOrigins: z._default(
    z.array(origin).check(
      z.maxLength(MAX_ALLOWED_ORIGINS, { error: `must list at most ${MAX_ALLOWED_ORIGINS} origins` }),
      z.refine((origins) => new Set(origins).size === origins.length, { error: "lists an origin twice" }),
    ),
    [],
  ),
});

export type EmbedConfig = z.output<typeof embedSchema>;
