// Redriving parked events: which messages are readable, that each goes back to its function once and is
// deleted only after, and the request shapes of the SQS and Lambda calls (no SQS or Lambda engine runs here).

import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { mockClient } from "aws-sdk-client-mock";
import { describe, expect, it } from "vitest";
import { parkedEventOf, redriveQueue } from "../../../infra/ops/failed-events";
import { lambdaAsyncInvoker, sqsFailureQueue } from "../../../infra/ops/failed-events.aws";
import { lambdaFailureRecord, memoryQueue } from "../../support/lambda-failure-record";

const TIMER_ARN = "arn:aws:lambda:eu-west-1:123456789012:function:Liveline-timers";
const REMINDER = { kind: "reminder", bookingId: "b-1", version: 1, minutesBefore: 60 };

describe("a parked event", () => {
  it("is read from Lambda's on-failure record: the unqualified function and the original payload", () => {
    expect(parkedEventOf({ receiptHandle: "r", body: lambdaFailureRecord(TIMER_ARN, REMINDER), attributes: {} })).toEqual({ functionArn: TIMER_ARN, payload: REMINDER });
  });

  it("is read from a Scheduler or EventBridge dead-letter message: the body is the input, TARGET_ARN the function", () => {
    const message = { receiptHandle: "r", body: JSON.stringify(REMINDER), attributes: { TARGET_ARN: TIMER_ARN, ERROR_CODE: "AWS.Lambda.TooManyRequestsException" } };
    expect(parkedEventOf(message)).toEqual({ functionArn: TIMER_ARN, payload: REMINDER });
  });

  it("is unreadable when it is neither", () => {
    expect(parkedEventOf({ receiptHandle: "r", body: "not json", attributes: {} })).toEqual({ unreadable: "the body is not JSON" });
    expect(parkedEventOf({ receiptHandle: "r", body: "{}", attributes: {} })).toHaveProperty("unreadable");
  });
});

describe("redriving a queue", () => {
  it("invokes each event's function with its payload, then deletes it; leaves what it cannot hand over", async () => {
    const queue = memoryQueue([
      { receiptHandle: "a", body: lambdaFailureRecord(TIMER_ARN, REMINDER), attributes: {} },
      { receiptHandle: "b", body: "garbage", attributes: {} },
      { receiptHandle: "c", body: JSON.stringify({ kind: "outbox-sweep" }), attributes: { TARGET_ARN: `${TIMER_ARN}-broken` } },
    ]);
    const invoked: unknown[] = [];
    const report = await redriveQueue(queue, async (arn, payload) => {
      if (arn.endsWith("-broken")) throw new Error("ResourceNotFoundException");
      invoked.push({ arn, payload });
    });
    expect(invoked).toEqual([{ arn: TIMER_ARN, payload: REMINDER }]);
    expect(report.redriven).toBe(1);
    expect(report.left.map((l) => l.receiptHandle)).toEqual(["b", "c"]);
    expect(queue.messages.map((m) => m.receiptHandle)).toEqual(["b", "c"]);
  });
});

describe("the AWS side", () => {
  it("receives with attributes, invokes asynchronously (Event) and deletes by receipt handle", async () => {
    const sqs = mockClient(SQSClient);
    const lambda = mockClient(LambdaClient);
    const url = "https://sqs.eu-west-1.amazonaws.com/123456789012/Liveline-TimerFailures";
    sqs
      .on(ReceiveMessageCommand)
      .resolvesOnce({ Messages: [{ ReceiptHandle: "h1", Body: JSON.stringify(REMINDER), MessageAttributes: { TARGET_ARN: { DataType: "String", StringValue: TIMER_ARN } } }] })
      .resolves({});
    sqs.on(DeleteMessageCommand).resolves({});
    lambda.on(InvokeCommand).resolves({ StatusCode: 202 });

    const report = await redriveQueue(sqsFailureQueue(new SQSClient({ region: "eu-west-1" }), url), lambdaAsyncInvoker(new LambdaClient({ region: "eu-west-1" })));

    expect(report).toEqual({ redriven: 1, left: [] });
    expect(sqs.commandCalls(ReceiveMessageCommand)[0]!.args[0].input).toMatchObject({ QueueUrl: url, MessageAttributeNames: ["All"], MaxNumberOfMessages: 10 });
    const invoke = lambda.commandCalls(InvokeCommand)[0]!.args[0].input;
    expect(invoke).toMatchObject({ FunctionName: TIMER_ARN, InvocationType: "Event" });
    expect(JSON.parse(new TextDecoder().decode(invoke.Payload as Uint8Array))).toEqual(REMINDER);
    expect(sqs.commandCalls(DeleteMessageCommand)[0]!.args[0].input).toEqual({ QueueUrl: url, ReceiptHandle: "h1" });
  });

  it("keeps the message when Lambda does not accept the event", async () => {
    const sqs = mockClient(SQSClient);
    const lambda = mockClient(LambdaClient);
    sqs.on(ReceiveMessageCommand).resolvesOnce({ Messages: [{ ReceiptHandle: "h1", Body: lambdaFailureRecord(TIMER_ARN, REMINDER) }] }).resolves({});
    lambda.on(InvokeCommand).rejects(Object.assign(new Error("Rate exceeded"), { name: "TooManyRequestsException" }));
    const report = await redriveQueue(
      sqsFailureQueue(new SQSClient({ region: "eu-west-1" }), "https://sqs.eu-west-1.amazonaws.com/123456789012/q"),
      lambdaAsyncInvoker(new LambdaClient({ region: "eu-west-1" })),
    );
    expect(report.redriven).toBe(0);
    expect(report.left).toHaveLength(1);
    expect(sqs.commandCalls(DeleteMessageCommand)).toHaveLength(0);
  });
});
