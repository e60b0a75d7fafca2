// The webhooks section of the config: endpoints, their events and secrets, and the addresses a webhook may
// reach (never the metadata service; plain http and private addresses only for a local receiver).
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../functions/config/load-config";
import { addressProblem, webhookUrlProblem } from "../../functions/config/webhooks-config";
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

describe("webhook addresses", () => {
  it("never reach link-local or metadata addresses, in AWS or locally", () => {
    for (const targets of ["public", "local"] as const) {
      expect(addressProblem("169.254.169.254", targets)).toMatch(/link-local/);
      expect(addressProblem("fe80::1", targets)).toMatch(/link-local/);
      expect(addressProblem("fd00:ec2::254", targets)).toMatch(/metadata/);
      expect(addressProblem("::ffff:169.254.169.254", targets)).toMatch(/link-local/);
      expect(webhookUrlProblem("https://metadata.google.internal/computeMetadata/v1/", targets)).toMatch(/metadata/);
      expect(webhookUrlProblem("https://[fd00:ec2::254]/", targets)).toMatch(/metadata/);
    }
  });

  it("reach only public addresses over https in AWS; this machine and plain http locally", () => {
    for (const address of ["127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "::1", "fc00::1", "100.64.0.1", "0.0.0.0", "::ffff:10.0.0.1"]) {
      expect(addressProblem(address, "public"), address).toMatch(/not a public address/);
    }
    expect(addressProblem("93.184.215.14", "public")).toBeUndefined();
    expect(addressProblem("2606:2800:21f:cb07:6820:80da:af6b:8b2c", "public")).toBeUndefined();
    expect(addressProblem("127.0.0.1", "local")).toBeUndefined();
    expect(addressProblem("192.168.1.1", "local")).toBeUndefined();
    expect(webhookUrlProblem("http://hooks.example.com/", "public")).toMatch(/https/);
    expect(webhookUrlProblem("https://localhost/", "public")).toMatch(/localhost/);
    expect(webhookUrlProblem("https://user:pw@hooks.example.com/", "public")).toMatch(/user or password/);
    expect(webhookUrlProblem("https://hooks.example.com/x", "public")).toBeUndefined();
    expect(webhookUrlProblem("http://127.0.0.1:9000/x", "local")).toBeUndefined();
  });
});
