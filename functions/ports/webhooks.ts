// Port: webhooks — the endpoints (config, with their signing secrets resolved), the record of every
// delivery (one per event and endpoint, keyed so a redelivered change creates it once, with the exact
// body every attempt sends) and the HTTP sender. Deliveries are performed off every request path: by the
// webhook function that reads the table's stream, and by the timer that retries them.

export interface WebhookEndpoint {
  id: string;
  url: string;
  /** Undefined: every event ("*"). */
  events?: ReadonlySet<string>;
  /** The Standard Webhooks secret, "whsec_…". */
  secret: string;
}

export type WebhookDeliveryStatus =
  /** Created, first attempt not recorded yet. */
  | "pending"
  /** Failed; the next attempt is due at nextAttemptAt. */
  | "retrying"
  | "delivered"
  /** Every attempt failed: dead-lettered. */
  | "failed"
  /** The endpoint answered 410 Gone (now or before): it is disabled, nothing more is sent to it. */
  | "endpoint-disabled";

export interface WebhookDelivery {
  /** The webhook-id header: the same on every attempt. */
  id: string;
  endpointId: string;
  /** The event type (validation/webhook-events.ts). */
  type: string;
  /** When the change happened (the event's timestamp): orders an endpoint's deliveries. */
  createdAt: string;
  /** The JSON body, fixed when the delivery was created. */
  body: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastAttemptAt?: string;
  /** The endpoint's last HTTP status, or the network error. */
  lastStatusCode?: number;
  lastError?: string;
  nextAttemptAt?: string;
  deliveredAt?: string;
}

/** An attempt's outcome, recorded only if no other attempt was recorded meanwhile (attempts still `attempts - 1`). */
export type WebhookAttemptRecord = Pick<WebhookDelivery, "status" | "attempts" | "lastAttemptAt" | "lastStatusCode" | "lastError" | "nextAttemptAt" | "deliveredAt">;

export interface WebhookDeliveryKey {
  endpointId: string;
  createdAt: string;
  id: string;
}

export interface WebhookDeliveryStore {
  /** Stores each delivery unless it exists; answers each as stored now (the existing one for a duplicate). */
  create(deliveries: readonly WebhookDelivery[]): Promise<WebhookDelivery[]>;
  get(key: WebhookDeliveryKey): Promise<WebhookDelivery | undefined>;
  /** false when another attempt was recorded since `previousAttempts` (a concurrent worker). */
  recordAttempt(key: WebhookDeliveryKey, previousAttempts: number, record: WebhookAttemptRecord): Promise<boolean>;
  /** The endpoint's latest deliveries, newest first. */
  recent(endpointId: string, limit: number): Promise<WebhookDelivery[]>;
  /** When the endpoint at this URL answered 410 Gone, if it did. */
  disabledAt(endpointId: string, url: string): Promise<string | undefined>;
  disable(endpointId: string, url: string, at: string): Promise<void>;
  /** Forgets the endpoint's 410 (a manager resent to it: it is back). */
  enable(endpointId: string): Promise<void>;
}

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** The endpoint could not be reached (refused address, DNS, connection, timeout): retried like a 5xx. */
export class WebhookUnreachable extends Error {
  override name = "WebhookUnreachable";
}

export interface WebhookSender {
  /** POSTs the request; answers the status, or throws WebhookUnreachable. */
  post(request: WebhookRequest): Promise<{ status: number }>;
}

export interface Webhooks {
  /** The configured endpoints with their secrets (read once, lazily: only the deliverers need them). */
  endpoints(): Promise<readonly WebhookEndpoint[]>;
  /** The endpoint ids configured, without reading secrets. */
  endpointIds: readonly string[];
  deliveries: WebhookDeliveryStore;
  sender: WebhookSender;
  /**
   * Parks a delivery every attempt of which failed (AWS: the stack's webhook dead-letter queue, which alarms).
   * Absent locally: the delivery's stored status `failed` is the dead letter there.
   */
  deadLetter?: (delivery: WebhookDelivery) => Promise<void>;
  /** The Standard Webhooks headers (webhook-id, webhook-timestamp, webhook-signature) of a body. */
  sign(secret: string, id: string, timestamp: Date, body: string): Record<string, string>;
}
