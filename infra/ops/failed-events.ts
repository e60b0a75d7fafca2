// Operations: what a parked event is and how it is put back. A failure queue holds events that a function
// could not process: Lambda's on-failure records (asynchronous invocations that threw after their retries)
// and the messages Scheduler or an EventBridge rule park when they could not reach the function. Redriving
// hands each one's original payload to the same function again, asynchronously, and only then deletes it.

/** One message of a failure queue, as SQS returns it. */
export interface QueueMessage {
  receiptHandle: string;
  body: string;
  /** SQS message attributes, by name (string values). */
  attributes: Record<string, string>;
}

export interface ParkedEvent {
  /** The function that should have processed it. */
  functionArn: string;
  /** What the function was (or would have been) invoked with. */
  payload: unknown;
}

export interface FailureQueue {
  receive(maxMessages: number): Promise<QueueMessage[]>;
  remove(receiptHandle: string): Promise<void>;
}

/** Invokes the function asynchronously, as Scheduler and EventBridge do: its failures park again. */
export type InvokeAsync = (functionArn: string, payload: unknown) => Promise<void>;

export interface RedriveReport {
  redriven: number;
  /** Messages left in the queue: unreadable, or the function could not be invoked. */
  left: { receiptHandle: string; reason: string }[];
}

/**
 * Lambda's on-failure record carries `requestContext.functionArn` and `requestPayload`; Scheduler's and
 * EventBridge's dead-letter messages carry the target input as the body and the target in `TARGET_ARN`.
 */
export function parkedEventOf(message: QueueMessage): ParkedEvent | { unreadable: string } {
  let body: unknown;
  try {
    body = JSON.parse(message.body);
  } catch {
    return { unreadable: "the body is not JSON" };
  }
  const record = body as { requestContext?: { functionArn?: unknown }; requestPayload?: unknown };
  if (typeof record?.requestContext?.functionArn === "string" && "requestPayload" in record) {
    return { functionArn: unqualified(record.requestContext.functionArn), payload: record.requestPayload };
  }
  const target = message.attributes.TARGET_ARN;
  if (target) return { functionArn: unqualified(target), payload: body };
  return { unreadable: "neither a Lambda failure record nor a message with a TARGET_ARN attribute" };
}

/** `…:function:name:$LATEST` → `…:function:name`: invoke what the stack deploys now. */
function unqualified(functionArn: string): string {
  const parts = functionArn.split(":");
  return parts.length > 7 ? parts.slice(0, 7).join(":") : functionArn;
}

/** Receives until the queue answers empty; a message is deleted only after its event was handed over. */
export async function redriveQueue(queue: FailureQueue, invoke: InvokeAsync, limit = 10_000): Promise<RedriveReport> {
  const report: RedriveReport = { redriven: 0, left: [] };
  const seen = new Set<string>();
  while (report.redriven + report.left.length < limit) {
    const messages = (await queue.receive(10)).filter((message) => !seen.has(message.receiptHandle));
    if (messages.length === 0) return report;
    for (const message of messages) {
      seen.add(message.receiptHandle);
      const parked = parkedEventOf(message);
      if ("unreadable" in parked) {
        report.left.push({ receiptHandle: message.receiptHandle, reason: parked.unreadable });
        continue;
      }
      try {
        await invoke(parked.functionArn, parked.payload);
      } catch (error) {
        report.left.push({ receiptHandle: message.receiptHandle, reason: `invoke failed: ${String(error)}` });
        continue;
      }
      await queue.remove(message.receiptHandle);
      report.redriven++;
    }
  }
  return report;
}
