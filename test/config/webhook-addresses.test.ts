// Which addresses a webhook may reach: never the metadata service; plain http and private addresses only
// for a local receiver.
import { describe, expect, it } from "vitest";
import { addressProblem, webhookUrlProblem } from "../../functions/config/webhook-addresses";

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
