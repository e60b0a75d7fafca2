// Local runtime: the Scheduled Event an EventBridge rule's schedule sends its target, built for the
// handlers the stack invokes that way (functions/handlers/scheduled-event-types.ts).

import { randomUUID } from "node:crypto";
import type { ScheduledEvent } from "../../functions/handlers/scheduled-event-types";

export function scheduledEvent(at: Date, ruleArn = "arn:aws:events:us-east-1:000000000000:rule/local"): ScheduledEvent {
  return {
    version: "0",
    id: randomUUID(),
    "detail-type": "Scheduled Event",
    source: "aws.events",
    account: "000000000000",
    // EventBridge sends the minute the schedule fired, without milliseconds.
    time: `${at.toISOString().slice(0, 19)}Z`,
    region: process.env.AWS_REGION ?? "us-east-1",
    resources: [ruleArn],
    detail: {},
  };
}
