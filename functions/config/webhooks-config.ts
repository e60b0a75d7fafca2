// Config: the webhooks section of liveline.config.json — each endpoint's id, URL, the events it takes and
// its Standard Webhooks signing secret (literally `whsec_…` on a developer's machine, or the name of a
// Secrets Manager secret in AWS). Which addresses a webhook may reach is webhook-addresses.ts.

import * as z from "zod/mini";
import { webhookUrlProblem } from "./webhook-addresses";
import { WEBHOOK_EVENT_TYPES } from "../validation/webhook-events";
import { identifier } from "./routing-config";

/** A Standard Webhooks secret: "whsec_" and the key in base64 (24 to 64 bytes). */
const WHSEC = /^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/;

const secret = z.union([
  z.string().check(z.regex(WHSEC, { error: 'must be a Standard Webhooks secret "whsec_<base64>" (at least 24 bytes), or { "secretsManager": "<name>" }' })),
  z.strictObject({ secretsManager: z.string().check(z.regex(/^[A-Za-z0-9/_+=.@-]{1,512}$/, { error: "must be a Secrets Manager secret name" })) }),
]);

const eventList = z.array(z.enum(["*", ...WEBHOOK_EVENT_TYPES])).check(
  z.minLength(1, { error: 'must list at least one event, or "*" for all' }),
  z.refine((events) => !events.includes("*") || events.length === 1, { error: '"*" stands alone: it means every event' }),
  z.refine((events) => new Set(events).size === events.length, { error: "lists an event twice" }),
);

/** The config check: the looser local rule, since one file serves `npm start` and the stack (synth applies "public"). */
const url = z.string().check(z.refine((text) => webhookUrlProblem(text, "local") === undefined, { error: (issue) => webhookUrlProblem(String(issue.input), "local") ?? "is not allowed" }));

export const webhookEndpointSchema = z.strictObject({
  id: identifier,
  url,
  events: eventList,
  secret,
});

export const webhooksSchema = z.array(webhookEndpointSchema).check(
  z.maxLength(20, { error: "must list at most 20 endpoints" }),
  z.refine((endpoints) => new Set(endpoints.map((endpoint) => endpoint.id)).size === endpoints.length, { error: "uses an endpoint id twice" }),
);

export type WebhookEndpointConfig = z.output<typeof webhookEndpointSchema>;

/**
 * What a deployed stack refuses in the config's webhooks (the CDK app checks it at synth): a URL a webhook
 * may not reach from AWS (plain http, this machine, a private address), and a secret written into the file —
 * the config is bundled into every function, so in AWS a secret lives in Secrets Manager.
 */
export function webhookProblemsInAws(endpoints: readonly WebhookEndpointConfig[]): string[] {
  return endpoints.flatMap((endpoint, index) => {
    const problems: string[] = [];
    const urlProblem = webhookUrlProblem(endpoint.url, "public");
    if (urlProblem) problems.push(`webhooks[${index}].url ${urlProblem}`);
    if (typeof endpoint.secret === "string") problems.push(`webhooks[${index}].secret must be { "secretsManager": "<name>" } in AWS: the config is bundled into the functions`);
    return problems;
  });
}

/** The Secrets Manager secrets the endpoints name. */
export function webhookSecretNames(endpoints: readonly WebhookEndpointConfig[]): string[] {
  return [...new Set(endpoints.flatMap((endpoint) => (typeof endpoint.secret === "string" ? [] : [endpoint.secret.secretsManager])))];
}
