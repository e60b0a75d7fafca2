// The webhooks section of the config: endpoints, their events and secrets (a URL judged by
// webhook-addresses.ts, tested beside it).
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../functions/config/load-config";
import { problemsOf, validConfig } from "../support/config-problems";

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

function withWebhooks(webhooks: unknown) {
  return { ...validConfig(), webhooks };
}

describe("config webhooks", () => {
  it("takes endpoints with a literal secret or a Secrets Manager name, and defaults to none", () => {
    expect(parseConfig(validConfig(), "test.json").webhooks).toEqual([]);
    const config = parseConfig(
      withWebhooks([
        { id: "hubspot", url: "https://hooks.example.com/liveline", events: ["*"], secret: SECRET },
        { id: "n8n", url: "http://localhost:5678/webhook/liveline", events: ["booking.confirmed", "call.logged"], secret: { secretsManager: "liveline/n8n-webhook" } },
      ]),
      "test.json",
    );
    expect(config.webhooks.map((endpoint) => endpoint.id)).toEqual(["hubspot", "n8n"]);
  });

  it("names the field of a bad endpoint", () => {
    const good = { id: "crm", url: "https://hooks.example.com/x", events: ["*"], secret: SECRET };
    expect(problemsOf(withWebhooks([{ ...good, secret: "hunter2" }]))["webhooks[0].secret"]).toMatch(/whsec_/);
    expect(problemsOf(withWebhooks([{ ...good, events: ["booking.created"] }]))["webhooks[0].events[0]"]).toBeDefined();
    expect(problemsOf(withWebhooks([{ ...good, events: ["*", "call.logged"] }]))["webhooks[0].events"]).toMatch(/stands alone/);
    expect(problemsOf(withWebhooks([{ ...good, events: [] }]))["webhooks[0].events"]).toMatch(/at least one/);
    expect(problemsOf(withWebhooks([good, good]))["webhooks"]).toMatch(/twice/);
    expect(problemsOf(withWebhooks([{ ...good, url: "http://169.254.169.254/latest/meta-data" }]))["webhooks[0].url"]).toMatch(/link-local or metadata/);
    expect(problemsOf(withWebhooks([{ ...good, url: "ftp://hooks.example.com/" }]))["webhooks[0].url"]).toMatch(/http\(s\) URL/);
  });
});
