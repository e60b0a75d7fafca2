// Entry: the SES-event Lambda — an EventBridge rule delivers the configuration set's bounce and complaint
// events; their recipients go on the suppression list that every send checks. Transient bounces (full
// mailbox, greylisting) are not suppressed: SES retries those itself.

import { suppressFromMailEvent } from "../use-cases/suppress-addresses";
import { createHandlerDependencies } from "./handler-dependencies";

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

const dependencies = await createHandlerDependencies();

export async function handler(event: SesEventBridgeEvent): Promise<{ suppressed: number }> {
  const detail = event.detail ?? {};
  if (detail.eventType === "Bounce" && detail.bounce?.bounceType === "Permanent") {
    return { suppressed: await suppressFromMailEvent(dependencies, (detail.bounce.bouncedRecipients ?? []).map((r) => r.emailAddress), "bounce") };
  }
  if (detail.eventType === "Complaint") {
    return { suppressed: await suppressFromMailEvent(dependencies, (detail.complaint?.complainedRecipients ?? []).map((r) => r.emailAddress), "complaint") };
  }
  return { suppressed: 0 };
}
