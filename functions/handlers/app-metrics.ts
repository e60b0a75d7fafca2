// Handlers: the product's own figures (bookings, registrations, outcomes, e-mails, timers) — which log line
// says each happened. The functions count them as EMF metrics (observability.ts); the stack's dashboard
// graphs the same names under the same namespace and service (infra/lib/operations.ts).

export const SERVICE_NAME = "liveline";
export const APP_METRICS_NAMESPACE = "Liveline";

export interface ProductFigure {
  metricName: string;
  /** The use case's log message that says it happened. */
  message: string;
  /** A line with this message that is not counted. */
  unless?: (details: Record<string, unknown>) => boolean;
}

export const APP_METRICS: readonly ProductFigure[] = [
  { metricName: "Bookings", message: "demo booked" },
  { metricName: "Registrations", message: "webinar registration" },
  { metricName: "OutcomesLogged", message: "call outcome logged" },
  { metricName: "EmailsSent", message: "e-mail sent" },
  // The minute's outbox sweep is a timer too, but not one a person waits for.
  { metricName: "TimersFired", message: "timer handled", unless: (details) => details.kind === "outbox-sweep" },
];

const BY_MESSAGE = new Map(APP_METRICS.map((figure) => [figure.message, figure]));

/** The figure a log line counts towards, if any. */
export function figureCountedBy(message: string, details: Record<string, unknown>): string | undefined {
  const figure = BY_MESSAGE.get(message);
  if (!figure || figure.unless?.(details)) return undefined;
  return figure.metricName;
}
