// Entry: the outbox Lambda — a DynamoDB Streams event source mapping, filtered to inserts of outbox items,
// delivers each new item the moment the write that created it lands (a booking's invitations and timers, a
// call prompt's e-mail…), so no request waits for SES or Scheduler (outbox-stream.ts performs them). Lambda
// retries a reported failure, bisects a batch that keeps failing and parks the rest in the on-failure
// queue; the outbox sweep still finds those items. Locally the runtime reads DynamoDB Local's stream and
// calls this same handler with the same event.

import type { DynamoDBStreamEvent, StreamBatchResponse } from "./dynamodb-stream-types";
import { createCoreDependencies } from "./core-dependencies";
import { observed } from "./observability";
import { createOutboxStreamHandler } from "./outbox-stream";
import { awsTextSender } from "./text-ports";

// The outbox sends texts: the only entry besides the timer wired with the SMS client. Performing items reads no
// store about people (lead directory, sign-ins, instant calls, insights, personal data): the core wiring only.
const dependencies = await createCoreDependencies(process.env, {}, { textSender: awsTextSender });
const handle = createOutboxStreamHandler(dependencies);

export const handler = observed(dependencies.observability, async (event: DynamoDBStreamEvent): Promise<StreamBatchResponse> => {
  // A broadcast or a waitlist promotion composes mail with signed links.
  await dependencies.refreshSigningKeys();
  await dependencies.refreshSettings();
  return handle(event);
});
