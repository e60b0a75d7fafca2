// Tests: web/src/console/webhook-deliveries — how the console's webhooks page words a delivery: its status, the
// endpoint's last answer, its times in the reader's zone, and when a resend is offered.
import { describe, expect, it } from "vitest";
import { canResend, deliveryTime, lastAnswer, statusLabel } from "../../../web/src/console/webhook-deliveries";

describe("a webhook delivery on the console", () => {
  it("says each status in words", () => {
    expect(["pending", "retrying", "delivered", "failed", "endpoint-disabled"].map((status) => statusLabel(status as Parameters<typeof statusLabel>[0]))).toEqual([
      "Sending",
      "Retrying",
      "Delivered",
      "Failed",
      "Endpoint disabled (410)",
    ]);
  });

  it("offers a resend only when no attempt is pending or scheduled (the API would answer 409)", () => {
    expect(canResend("delivered")).toBe(true);
    expect(canResend("failed")).toBe(true);
    expect(canResend("endpoint-disabled")).toBe(true);
    expect(canResend("pending")).toBe(false);
    expect(canResend("retrying")).toBe(false);
  });

  it("shows the endpoint's last answer: its status code, else the network error, else nothing yet", () => {
    expect(lastAnswer({ lastStatusCode: 500, lastError: "ignored" })).toBe("500");
    expect(lastAnswer({ lastError: "timed out after 10 s" })).toBe("timed out after 10 s");
    expect(lastAnswer({})).toBe("—");
  });

  it("writes times in the reader's zone, to the second", () => {
    expect(deliveryTime("2026-12-01T16:00:03Z", "Europe/Berlin").replace(/\s/g, " ")).toBe("Tue, Dec 1, 5:00:03 PM");
    expect(deliveryTime(undefined, "Europe/Berlin")).toBe("—");
  });
});
