// Handlers: what every function tells CloudWatch. Powertools Logger writes one JSON line per call (service,
// cold start, Lambda request id, and the API Gateway request id as correlation_id — the access log's
// requestId too), with personal data masked first (log-redaction.ts); a line that says a product event
// happened also counts it as an EMF metric (app-metrics.ts), flushed once at the end of each invocation.

import { Logger } from "@aws-lambda-powertools/logger";
import { Metrics, MetricUnit } from "@aws-lambda-powertools/metrics";
import type { Context } from "aws-lambda";
import { APP_METRICS_NAMESPACE, figureCountedBy, SERVICE_NAME } from "./app-metrics";
import { redactPersonalData, redactText } from "./log-redaction";

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
type Level = Exclude<LogLevel, "silent">;
export type Log = (level: Level, message: string, details?: Record<string, unknown>) => void;

export interface Observability {
  log: Log;
  logger: Logger;
  metrics: Metrics;
}

const POWERTOOLS_LEVEL = { debug: "DEBUG", info: "INFO", warn: "WARN", error: "ERROR", silent: "SILENT" } as const;

/** One per cold start. `metrics` may be given (tests); by default EMF goes to standard output. */
export function createObservability(level: LogLevel, metrics = new Metrics({ namespace: APP_METRICS_NAMESPACE, serviceName: SERVICE_NAME })): Observability {
  const logger = new Logger({ serviceName: SERVICE_NAME, logLevel: POWERTOOLS_LEVEL[level] });
  const log: Log = (lineLevel, message, details = {}) => {
    logger[lineLevel](redactText(message), redactPersonalData(details) as Record<string, unknown>);
    const figure = figureCountedBy(message, details);
    if (figure) metrics.addMetric(figure, MetricUnit.Count, 1);
  };
  return { log, logger, metrics };
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
  const { logger, metrics } = observability;
  return async (event, context) => {
    logger.resetKeys();
    if (context) logger.addContext(context);
    const correlationId = correlationIdOf(event);
    if (correlationId) logger.setCorrelationId(correlationId);
    try {
      return await handle(event);
    } finally {
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    }
  };
}
