// Handlers: what a function writes for CloudWatch — JSON lines (Powertools Logger's keys) with the invocation's
// context and the API Gateway request id as correlation id, masked personal data, and the product's figures
// as one EMF document per invocation.

import type { Context } from "aws-lambda";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createObservability, observed } from "../../functions/handlers/observability";

let written: string[];

beforeEach(() => {
  written = [];
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(...String(chunk).split("\n").filter(Boolean));
      return true;
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const json = () => written.map((line) => JSON.parse(line) as Record<string, unknown>);
const logLines = () => json().filter((line) => !("_aws" in line));
const emfDocuments = () => json().filter((line) => "_aws" in line) as (Record<string, unknown> & { _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string }[] }[] } })[];

const lambdaContext = (awsRequestId: string): Context => ({
  awsRequestId,
  functionName: "Liveline-api",
  functionVersion: "$LATEST",
  invokedFunctionArn: "arn:aws:lambda:eu-west-1:123456789012:function:Liveline-api",
  memoryLimitInMB: "512",
  logGroupName: "/aws/lambda/Liveline-api",
  logStreamName: "stream",
  callbackWaitsForEmptyEventLoop: true,
  getRemainingTimeInMillis: () => 10_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

/** Figures printed whatever the environment says (LIVELINE_METRICS). */
const printingMetrics = () => ({ figures: true });

describe("log lines", () => {
  it("carry the service, the cold start, the Lambda request id and the API Gateway request id as correlation_id", async () => {
    // What Lambda sets in an on-demand environment (no cold start is reported without it, as Powertools does).
    vi.stubEnv("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    const observability = createObservability("info", printingMetrics());
    const handler = observed(observability, async (_event: { requestContext: { requestId: string } }) => {
      observability.log("info", "request routed", { route: "POST /api/bookings" });
      return "done";
    });
    await handler({ requestContext: { requestId: "apigw-1" } }, lambdaContext("lambda-1"));
    await handler({ requestContext: { requestId: "apigw-2" } }, lambdaContext("lambda-2"));
    expect(logLines()).toEqual([
      expect.objectContaining({ level: "INFO", message: "request routed", service: "liveline", cold_start: true, function_request_id: "lambda-1", correlation_id: "apigw-1", route: "POST /api/bookings" }),
      expect.objectContaining({ cold_start: false, function_request_id: "lambda-2", correlation_id: "apigw-2" }),
    ]);
  });

  it("carry the function's name, memory, ARN, an ISO timestamp and, under active tracing, the X-Ray trace id", async () => {
    vi.stubEnv("_X_AMZN_TRACE_ID", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
    const observability = createObservability("info", printingMetrics());
    await observed(observability, async () => observability.log("info", "handled"))({}, lambdaContext("lambda-1"));
    const [line] = logLines();
    expect(line).toMatchObject({ function_name: "Liveline-api", function_memory_size: 512, function_arn: "arn:aws:lambda:eu-west-1:123456789012:function:Liveline-api", xray_trace_id: "1-5759e988-bd862e3fe1be46a994272793" });
    expect(new Date(String(line!.timestamp)).toISOString()).toBe(line!.timestamp);
  });

  it("forget the last request's correlation id when an event has none (a timer), and work without a context (npm start)", async () => {
    const observability = createObservability("info", printingMetrics());
    const handler = observed(observability, async (_event: object) => observability.log("info", "handled"));
    await handler({ requestContext: { requestId: "apigw-1" } });
    await handler({ kind: "reminder" });
    const [first, second] = logLines();
    expect(first).toMatchObject({ correlation_id: "apigw-1" });
    expect(second).not.toHaveProperty("correlation_id");
  });

  it("mask addresses, phone numbers and tokens in the message and the details, and respect the level", () => {
    const { log } = createObservability("warn", printingMetrics());
    log("info", "not written at warn");
    log("warn", "SES refused jane.doe@globex.example", { to: ["jane.doe@globex.example"], phone: "+1 312 555 0199", error: new Error("rejected jane.doe@globex.example") });
    expect(written.join("\n")).not.toMatch(/jane\.doe|555 0199/);
    expect(logLines()).toEqual([expect.objectContaining({ level: "WARN", message: "SES refused [email]", to: ["[email]"], phone: "[phone]" })]);
  });

  it("keep their own keys whatever the details are called, and a detail that cannot be written never throws", async () => {
    const observability = createObservability("info", printingMetrics());
    await observed(observability, async () => {
      observability.log("info", "handled", { level: "DEBUG", message: "spoofed", correlation_id: "other", count: 1 });
      observability.log("warn", "odd detail", { size: 10n });
    })({ requestContext: { requestId: "apigw-1" } });
    expect(logLines()).toEqual([
      expect.objectContaining({ level: "INFO", message: "handled", correlation_id: "apigw-1", count: 1 }),
      expect.objectContaining({ level: "WARN", message: "odd detail", details: "[not serialisable]" }),
    ]);
  });

  it("are silent at silent", () => {
    createObservability("silent", printingMetrics()).log("error", "nothing");
    expect(written).toEqual([]);
  });
});

describe("product figures (EMF)", () => {
  it("are counted from the lines that say a product event happened, once per invocation, in the Liveline namespace", async () => {
    const observability = createObservability("error", printingMetrics());
    const handler = observed(observability, async () => {
      observability.log("info", "demo booked", { bookingId: "b1" });
      observability.log("info", "demo booked", { bookingId: "b2" });
      observability.log("info", "e-mail sent", {});
      observability.log("info", "timer handled", { kind: "outbox-sweep" });
      observability.log("info", "something else");
    });
    await handler({});
    const [document, ...others] = emfDocuments();
    expect(others).toEqual([]);
    const directive = document!._aws.CloudWatchMetrics[0]!;
    expect(directive.Namespace).toBe("Liveline");
    expect(directive.Dimensions).toEqual([["service"]]);
    expect(directive.Metrics.map((metric) => metric.Name).sort()).toEqual(["Bookings", "EmailsSent"]);
    expect(document).toMatchObject({ service: "liveline", Bookings: 2, EmailsSent: 1 });
  });

  it("are kept off the console when LIVELINE_METRICS is off (npm start), the lines still written", async () => {
    vi.stubEnv("LIVELINE_METRICS", "off");
    const observability = createObservability("info");
    await observed(observability, async () => observability.log("info", "demo booked", { bookingId: "b1" }))({});
    expect(emfDocuments()).toEqual([]);
    expect(logLines()).toEqual([expect.objectContaining({ message: "demo booked" })]);
  });

  it("count a reminder as a timer fired (the minute's outbox sweep is not one)", async () => {
    const observability = createObservability("error", printingMetrics());
    await observed(observability, async () => observability.log("info", "timer handled", { kind: "reminder" }))({});
    expect(emfDocuments()[0]).toMatchObject({ TimersFired: 1 });
  });

  it("are published when the invocation throws, and nothing is printed when nothing was counted", async () => {
    const observability = createObservability("silent", printingMetrics());
    const failing = observed(observability, async () => {
      observability.log("info", "call outcome logged");
      throw new Error("table unreachable");
    });
    await expect(failing({})).rejects.toThrow("table unreachable");
    expect(emfDocuments()).toEqual([expect.objectContaining({ OutcomesLogged: 1 })]);
    written = [];
    await observed(observability, async () => "quiet")({});
    expect(written).toEqual([]);
  });
});
