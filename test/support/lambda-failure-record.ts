// Tests: the record Lambda sends to an on-failure destination, and a failure queue in memory, for the
// redrive tests.

import type { FailureQueue, QueueMessage } from "../../infra/ops/failed-events";

/** What Lambda sends to an on-failure destination after the last retry of an asynchronous invocation. */
export function lambdaFailureRecord(functionArn: string, payload: unknown): string {
  return JSON.stringify({
    version: "1.0",
    timestamp: "2026-12-01T16:00:03.000Z",
    requestContext: { requestId: "c6af9ac6-7b61-11e6-9a41-93e8deadbeef", functionArn: `${functionArn}:$LATEST`, condition: "RetriesExhausted", approximateInvokeCount: 3 },
    requestPayload: payload,
    responseContext: { statusCode: 200, executedVersion: "$LATEST", functionError: "Unhandled" },
    responsePayload: { errorType: "Error", errorMessage: "store down" },
  });
}

/** A failure queue over an array: receiving leaves messages in place, removing deletes by receipt handle. */
export function memoryQueue(messages: QueueMessage[]): FailureQueue & { messages: QueueMessage[] } {
  return {
    messages,
    receive: async (max) => messages.slice(0, max),
    remove: async (handle) => {
      messages.splice(messages.findIndex((m) => m.receiptHandle === handle), 1);
    },
  };
}
