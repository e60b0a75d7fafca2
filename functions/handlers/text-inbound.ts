// Handlers: the inbound texts AWS End User Messaging SMS publishes to its two-way SNS topic — the SNS event
// (the shapes we rely on, written out), each record's message (originationNumber, messageBody,
// inboundMessageId) read and handed to use-cases/texts/receive-text.ts. The local runtime builds the same event
// for POST /api/_local/texts/inbound. A record that is not an inbound text is logged and skipped (SNS would
// retry a throw forever); a failing table throws, and SNS retries the delivery.

import { receiveText, type InboundOutcome } from "../use-cases/texts/receive-text";
import type { UseCaseDependencies } from "../use-cases/use-case-dependencies";

export interface SnsEvent {
  Records: {
    EventSource: "aws:sns";
    Sns: { MessageId: string; TopicArn: string; Message: string; Timestamp: string };
  }[];
}

/** What End User Messaging publishes for a two-way message (the fields read). */
export interface InboundSmsMessage {
  originationNumber: string;
  destinationNumber?: string;
  messageBody: string;
  inboundMessageId: string;
}

export function createTextInboundHandler(deps: UseCaseDependencies) {
  return async (event: SnsEvent): Promise<{ outcomes: (InboundOutcome | "unreadable")[] }> => {
    const outcomes: (InboundOutcome | "unreadable")[] = [];
    for (const record of event.Records) {
      const message = inboundMessageOf(record.Sns.Message);
      if (!message) {
        deps.log("warn", "SNS message is not an inbound text; skipped", { snsMessageId: record.Sns.MessageId });
        outcomes.push("unreadable");
        continue;
      }
      outcomes.push(await receiveText(deps, { from: message.originationNumber, body: message.messageBody, messageId: message.inboundMessageId, receivedAt: new Date(record.Sns.Timestamp).toISOString() }));
    }
    return { outcomes };
  };
}

function inboundMessageOf(text: string): InboundSmsMessage | undefined {
  try {
    const message = JSON.parse(text) as Partial<InboundSmsMessage>;
    const fields = [message.originationNumber, message.messageBody, message.inboundMessageId];
    return fields.every((field) => typeof field === "string") && message.inboundMessageId !== "" ? (message as InboundSmsMessage) : undefined;
  } catch {
    return undefined;
  }
}
