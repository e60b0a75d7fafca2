// Handlers: what every function tells CloudWatch. One JSON line per log call, with Powertools Logger's keys
// (level, message, timestamp, service, cold start, the Lambda context, the API Gateway request id as
// correlation_id — the access log's requestId too), personal data masked first (log-redaction.ts); a line
// that says a product event happened also counts it (app-metrics.ts), and the counts go out as one EMF
// document at the end of each invocation.
// Written here, not with Powertools Logger and Metrics: with their dependencies they were some 40 KB of every
// function's bundle (40 of the SES-event function's 44 KB) for these few keys and one document.

import type { Context } from "aws-lambda";
import { systemClock } from "../ports/clock";
import { APP_METRICS_NAMESPACE, figureCountedBy, SERVICE_NAME } from "./app-metrics";
import { redactPersonalData, redactText } from "./log-redaction";

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
type Level = Exclude<LogLevel, "silent">;
export type Log = (level: Level, message: string, details?: Record<string, unknown>) => void;

export interface Observability {
  log: Log;
  /** Starts an invocation: its context's keys (and its correlation id, if any) go on every line until the next. */
  begin(context: Context | undefined, correlationId: string | undefined): void;
  /** Ends it: the figures counted since begin() as one EMF document, if any. */
  publishFigures(): void;
}

export interface ObservabilityOptions {
  /** Where a line goes; standard output by default (Lambda sends it to CloudWatch Logs as it is). */
  write?: (line: string) => void;
  /** Whether the EMF documents are written: not when LIVELINE_METRICS is "off" (`npm start`, the bench). */
  figures?: boolean;
}

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };

/** One per cold start. */
export function createObservability(level: LogLevel, options: ObservabilityOptions = {}): Observability {
  const write = options.write ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const figuresOn = options.figures ?? process.env.LIVELINE_METRICS !== "off";
  // As Powertools reports it: only an on-demand environment's first invocation is a cold start.
  let coldStart = process.env.AWS_LAMBDA_INITIALIZATION_TYPE === "on-demand";
  let invocationKeys: Record<string, unknown> = {};
  let counted = new Map<string, number>();

  // Every entry reads LOG_LEVEL through config/runtime-settings.ts, which refuses a level not in RANK.
  const threshold = RANK[level];
  const log: Log = (lineLevel, message, details = {}) => {
    const figure = figureCountedBy(message, details);
    if (figure) counted.set(figure, (counted.get(figure) ?? 0) + 1);
    if (RANK[lineLevel] < threshold) return;
    const standard = {
      level: lineLevel.toUpperCase(),
      message: redactText(message),
      // The machine's time, not the movable clock: when the line was written.
      timestamp: systemClock.now().toISOString(),
      service: SERVICE_NAME,
      ...invocationKeys,
    };
    // The details go first, so none can pass for the line's own keys; a line that cannot be written whole
    // is written without them — logging never fails the event.
    let line: string;
    try {
      line = JSON.stringify({ ...(redactPersonalData(details) as Record<string, unknown>), ...standard });
    } catch {
      line = JSON.stringify({ ...standard, details: "[not serialisable]" });
    }
    write(line);
  };

  return {
    log,
    begin(context, correlationId) {
      const traceId = process.env._X_AMZN_TRACE_ID?.match(/Root=([^;]+)/)?.[1];
      invocationKeys = {
        ...(context && {
          cold_start: coldStart,
          function_name: context.functionName,
          function_memory_size: Number(context.memoryLimitInMB),
          function_arn: context.invokedFunctionArn,
          function_request_id: context.awsRequestId,
        }),
        ...(traceId && { xray_trace_id: traceId }),
        ...(correlationId && { correlation_id: correlationId }),
      };
      if (context) coldStart = false;
    },
    publishFigures() {
      if (counted.size === 0) return;
      const figures = counted;
      counted = new Map();
      if (figuresOn) write(JSON.stringify(emfDocument(figures)));
    },
  };
}

/**
 * CloudWatch's embedded metric format: each figure a Count in the Liveline namespace by service, its value
 * the invocation's total (the dashboard and digest read Sum).
 */
function emfDocument(figures: ReadonlyMap<string, number>): Record<string, unknown> {
  return {
    _aws: {
      Timestamp: systemClock.now().getTime(),
      CloudWatchMetrics: [{ Namespace: APP_METRICS_NAMESPACE, Dimensions: [["service"]], Metrics: [...figures.keys()].map((Name) => ({ Name, Unit: "Count" })) }],
    },
    service: SERVICE_NAME,
    ...Object.fromEntries(figures),
  };
}

/** The API Gateway request id of an HTTP API event; other triggers have none (their Lambda request id serves). */
function correlationIdOf(event: unknown): string | undefined {
  const requestId = (event as { requestContext?: { requestId?: unknown } } | undefined)?.requestContext?.requestId;
  return typeof requestId === "string" ? requestId : undefined;
}

/**
 * Wraps a Lambda entry: the invocation's context and correlation id go on every line it logs, and the
 * figures it counted are published when it ends, thrown or not. The local runtime passes no context.
 */
export function observed<E, R>(observability: Observability, handle: (event: E) => Promise<R>): (event: E, context?: Context) => Promise<R> {
  return async (event, context) => {
    observability.begin(context, correlationIdOf(event));
    try {
      return await handle(event);
    } finally {
      observability.publishFigures();
    }
  };
}
