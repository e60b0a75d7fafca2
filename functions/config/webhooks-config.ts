// Config: the webhooks section of liveline.config.json — each endpoint's id, URL, the events it takes and
// its Standard Webhooks signing secret (literally `whsec_…` on a developer's machine, or the name of a
// Secrets Manager secret in AWS). Also the one judgement of which addresses a webhook may reach (SSRF):
// the config check here, the deliverer's check of every address a name resolves to
// (adapters/webhooks/webhook-sender.http.ts) and the stack's synth check all ask `addressProblem`.

import ipaddr from "ipaddr.js";
import * as z from "zod/mini";
import { WEBHOOK_EVENT_TYPES } from "../validation/webhook-events";
import { identifier } from "./routing-config";

/**
 * "public": AWS — https only, and only public unicast addresses. "local": `npm start` and the tests —
 * plain http and loopback or private addresses too (a receiver on the developer's machine or LAN).
 * Link-local addresses (the cloud metadata service among them) are never reachable.
 */
export type WebhookTargets = "public" | "local";

/** Names that are the metadata service whatever they resolve to. */
const METADATA_HOSTS = new Set(["metadata.google.internal", "metadata", "instance-data", "instance-data.ec2.internal"]);
/** fd00:ec2::254, the EC2 metadata service's IPv6 address (unique-local, so "private" would allow it locally). */
const EC2_METADATA_V6 = "fd00:ec2::254";

/** Why a webhook may not reach this IP address (v4 or v6), or undefined. */
export function addressProblem(address: string, targets: WebhookTargets): string | undefined {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  if (range === "linkLocal" || parsed.toString() === EC2_METADATA_V6) return `${address} is a link-local or metadata address`;
  if (range === "unicast") return undefined;
  if (targets === "local" && ["loopback", "private", "uniqueLocal", "carrierGradeNat"].includes(range)) return undefined;
  return `${address} is not a public address (${range})`;
}

/** Why `text` is not a webhook URL these targets allow, judged without resolving its name. */
export function webhookUrlProblem(text: string, targets: WebhookTargets): string | undefined {
  if (!URL.canParse(text)) return "must be an http(s) URL";
  const url = new URL(text);
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must be an http(s) URL";
  if (url.protocol === "http:" && targets === "public") return "must use https (plain http only for a local receiver)";
  if (url.username || url.password) return "must not carry a user or password (the signature authenticates)";
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (METADATA_HOSTS.has(host)) return `must not be the metadata service (${host})`;
  if (ipaddr.isValid(host)) return addressProblem(host, targets);
  if (host === "localhost" && targets === "public") return "must not be localhost";
  return undefined;
}

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
