// The local stand-in for an EventBridge rate(1 minute) rule: sends the Scheduled Event at start and then
// every interval, one run at a time, and keeps going after a failed run.
import { describe, expect, it } from "vitest";
import type { ScheduledEvent } from "../../../functions/handlers/scheduled-event-types";
import { startMinuteRule } from "../../../infra/local/minute-rule-runner";

const clock = { now: () => new Date("2026-12-07T09:30:15.250Z") };

describe("the local minute rule", () => {
  it("sends the Scheduled Event at start, on each interval and on demand, and keeps going after a failure", async () => {
    const events: ScheduledEvent[] = [];
    const logs: string[] = [];
    let calls = 0;
    const rule = startMinuteRule({
      clock,
      everyMs: 25,
      log: (message) => logs.push(message),
      handler: async (event) => {
        calls++;
        if (calls === 2) throw new Error("feed store down");
        events.push(event);
      },
    });
    await rule.runNow();
    await new Promise((resolve) => setTimeout(resolve, 120));
    await rule.stop();
    const after = calls;
    await new Promise((resolve) => setTimeout(resolve, 60));

    expect(after).toBeGreaterThanOrEqual(4);
    expect(calls).toBe(after); // nothing runs once stopped
    expect(logs).toContain("scheduled rule run failed");
    expect(events[0]).toMatchObject({ "detail-type": "Scheduled Event", source: "aws.events", time: "2026-12-07T09:30:15Z", detail: {} });
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
  });

  it("never runs two at once: a slow run makes the next wait", async () => {
    let running = 0;
    let overlapped = false;
    const rule = startMinuteRule({
      clock,
      everyMs: 5,
      handler: async () => {
        running++;
        if (running > 1) overlapped = true;
        await new Promise((resolve) => setTimeout(resolve, 30));
        running--;
      },
    });
    await Promise.all([rule.runNow(), rule.runNow()]);
    await rule.stop();
    expect(overlapped).toBe(false);
  });
});
