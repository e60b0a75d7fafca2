// Operations: the AWS side of redriving — an SQS failure queue and Lambda's asynchronous Invoke.

import { InvokeCommand, type LambdaClient } from "@aws-sdk/client-lambda";
import { DeleteMessageCommand, ReceiveMessageCommand, type SQSClient } from "@aws-sdk/client-sqs";
import type { FailureQueue, InvokeAsync, QueueMessage } from "./failed-events";

/** The messages stay invisible to others for this long while one redrive works through them. */
const VISIBILITY_SECONDS = 300;

export function sqsFailureQueue(sqs: SQSClient, queueUrl: string): FailureQueue {
  return {
    async receive(maxMessages) {
      const answer = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: queueUrl,
          MaxNumberOfMessages: maxMessages,
          MessageAttributeNames: ["All"],
          VisibilityTimeout: VISIBILITY_SECONDS,
          WaitTimeSeconds: 1,
        }),
      );
      return (answer.Messages ?? []).map(
        (message): QueueMessage => ({
          receiptHandle: message.ReceiptHandle ?? "",
          body: message.Body ?? "",
          attributes: Object.fromEntries(
            Object.entries(message.MessageAttributes ?? {}).flatMap(([name, value]) => (value.StringValue === undefined ? [] : [[name, value.StringValue]])),
          ),
        }),
      );
    },
    async remove(receiptHandle) {
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: receiptHandle }));
    },
  };
}

export function lambdaAsyncInvoker(lambda: LambdaClient): InvokeAsync {
  return async (functionArn, payload) => {
    const answer = await lambda.send(
      new InvokeCommand({ FunctionName: functionArn, InvocationType: "Event", Payload: new TextEncoder().encode(JSON.stringify(payload)) }),
    );
    if (answer.StatusCode !== 202) throw new Error(`Lambda answered ${answer.StatusCode ?? "nothing"} for ${functionArn}`);
  };
}
