// Adapter: the WebhookSender port over Node's http/https — one POST, no redirects followed, 10 s for the
// whole exchange (core/webhooks/webhook-retries.ts), and every address the endpoint's name resolves to judged
// before the connection is made (config/webhook-addresses.ts addressProblem), so a name that points at the
// metadata service or, in AWS, a private network is never reached — even when it changes after the config
// check (DNS rebinding).

import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { addressProblem, webhookUrlProblem, type WebhookTargets } from "../../config/webhook-addresses";
import { WEBHOOK_TIMEOUT_MS } from "../../core/webhooks/webhook-retries";
import { WebhookUnreachable, type WebhookRequest, type WebhookSender } from "../../ports/webhooks";

/** The endpoint's answer is not read beyond this (a receiver's page of HTML tells us nothing). */
const MAX_ANSWER_BYTES = 64 * 1024;

export class HttpWebhookSender implements WebhookSender {
  constructor(
    private readonly targets: WebhookTargets,
    private readonly timeoutMs = WEBHOOK_TIMEOUT_MS,
  ) {}

  post({ url, headers, body }: WebhookRequest): Promise<{ status: number }> {
    const problem = webhookUrlProblem(url, this.targets);
    if (problem) return Promise.reject(new WebhookUnreachable(`${url} ${problem}`));
    const target = new URL(url);
    const send = target.protocol === "https:" ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const request = send(
        target,
        {
          method: "POST",
          headers: { ...headers, "content-length": Buffer.byteLength(body) },
          lookup: this.guardedLookup,
          signal: AbortSignal.timeout(this.timeoutMs),
          agent: false,
        },
        (response) => {
          let read = 0;
          response.on("data", (chunk: Buffer) => {
            read += chunk.length;
            if (read > MAX_ANSWER_BYTES) response.destroy();
          });
          response.on("close", () => resolve({ status: response.statusCode ?? 0 }));
          response.on("error", () => resolve({ status: response.statusCode ?? 0 }));
        },
      );
      request.on("error", (error) => reject(new WebhookUnreachable(error.name === "AbortError" || error.name === "TimeoutError" ? `no answer within ${this.timeoutMs / 1000} s` : error.message)));
      request.end(body);
    });
  }

  /** dns.lookup, refusing the whole name when any address it gives is not allowed. */
  private readonly guardedLookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const refused = addresses.map((entry) => addressProblem(entry.address, this.targets)).find(Boolean);
      if (refused) return callback(Object.assign(new Error(`${hostname}: ${refused}`), { code: "EREFUSEDADDRESS" }), "", 0);
      if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
