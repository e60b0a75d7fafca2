// Handlers: the EventBridge "Scheduled Event" a rule's schedule sends, as far as we rely on it. Written out
// here rather than pulling @types/aws-lambda, and used by the local runtime to build the same event.

export interface ScheduledEvent {
  version: "0";
  id: string;
  "detail-type": "Scheduled Event";
  source: "aws.events";
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, never>;
}
