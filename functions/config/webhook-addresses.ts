// Config: the one judgement of which addresses a webhook may reach (SSRF) — the config check
// (webhooks-config.ts), the deliverer's check of every address a name resolves to
// (adapters/webhooks/webhook-sender.http.ts) and the stack's synth check all ask it. No schema here, so the
// functions that deliver webhooks carry no config schema.

import ipaddr from "ipaddr.js";

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
