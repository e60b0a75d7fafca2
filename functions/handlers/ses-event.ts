// Handlers: the SES event an EventBridge rule delivers (from the configuration set), and which recipients
// it puts on the suppression list. Transient bounces (full mailbox, greylisting) are not suppressed: SES
// retries those itself.

export interface SesEventBridgeEvent {
  "detail-type": string;
  source: string;
  detail: {
    eventType?: string;
    mail?: { destination?: string[] };
    bounce?: { bounceType?: string; bouncedRecipients?: { emailAddress: string }[] };
    complaint?: { complainedRecipients?: { emailAddress: string }[] };
  };
}

export interface Suppression {
  emails: string[];
  reason: "bounce" | "complaint";
}

export function suppressionFrom(event: SesEventBridgeEvent): Suppression | undefined {
  const detail = event.detail ?? {};
  if (detail.eventType === "Bounce" && detail.bounce?.bounceType === "Permanent") {
    return { emails: (detail.bounce.bouncedRecipients ?? []).map((r) => r.emailAddress), reason: "bounce" };
  }
  if (detail.eventType === "Complaint") {
    return { emails: (detail.complaint?.complainedRecipients ?? []).map((r) => r.emailAddress), reason: "complaint" };
  }
  return undefined;
}
