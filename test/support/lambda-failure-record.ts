// Tests: the record Lambda sends to an on-failure destination, for the redrive tests.

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
