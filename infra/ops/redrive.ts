// Operations: `npm run redrive -- <queue URL>` — puts every event parked in a failure queue (the stack's
// TimerFailuresQueueUrl, SesEventFailuresQueueUrl or a dead-letter queue) back through the function it was
// meant for. Uses the standard AWS credentials and region of the shell it runs in.

import { LambdaClient } from "@aws-sdk/client-lambda";
import { SQSClient } from "@aws-sdk/client-sqs";
import { redriveQueue } from "./failed-events";
import { lambdaAsyncInvoker, sqsFailureQueue } from "./failed-events.aws";

const queueUrl = process.argv[2];
if (!queueUrl || !/^https:\/\/sqs\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/\d{12}\/[\w-]+$/.test(queueUrl)) {
  console.error("usage: npm run redrive -- <queue URL>   (the stack's outputs name the queues: TimerFailuresQueueUrl, …)");
  process.exit(2);
}
const region = queueUrl.split(".")[1];
const report = await redriveQueue(sqsFailureQueue(new SQSClient({ region }), queueUrl), lambdaAsyncInvoker(new LambdaClient({ region })));
console.log(`redriven: ${report.redriven}`);
for (const message of report.left) console.log(`left in the queue: ${message.reason}`);
process.exit(report.left.length > 0 ? 1 : 0);
