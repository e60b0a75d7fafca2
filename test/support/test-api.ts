// Tests: the real API handler on the real engines, with a fresh table per call — what the Lambda runs,
// built by the same wiring. A test may pass its own config or clock, or wrap a port to inject a fault.
// After each write the table's change stream is drained into the outbox function's handler (as the event
// source mapping would moments later), so a test reads the e-mails and timers a request caused.

import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, QueryCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readConfigFile } from "../../functions/config/load-config";
import type { DemoOfferingConfig, LivelineConfig } from "../../functions/config/liveline-config";
import { createHandlerDependencies, type DependencyOverrides } from "../../functions/handlers/handler-dependencies";
import { siteFilePorts } from "../../functions/handlers/site-file-ports";
import { webhookPorts } from "../../functions/handlers/webhook-ports";
import { createHttpApiHandler } from "../../functions/handlers/http/http-api-handler";
import { apiRoutes } from "../../functions/handlers/http/api-routes";
import type { APIGatewayProxyEventV2 } from "../../functions/handlers/http-api-types";
import type { UseCaseDependencies } from "../../functions/use-cases/use-case-dependencies";
import { createOutboxStreamHandler } from "../../functions/handlers/outbox-stream";
import { createWebhookStreamHandler } from "../../functions/handlers/webhook-stream";
import { SETTINGS_HEAD_ENTITY, SETTINGS_VERSION_ENTITY } from "../../functions/adapters/dynamodb/settings-store.dynamodb";
import { ensureTable } from "../../infra/local/create-table";
import { startStreamRunner } from "../../infra/local/stream-runner";
import { tablesCreated } from "./created-tables";
import { freshSolution, TEST_MAX_NUMBER, wantsSolution } from "./proof-of-work";
import { dynamoDbEndpoint, sesEndpoint } from "./engines";

export const TEST_SIGNING_SECRET = "test-signing-secret-0123456789abcdef";
export const TEST_PUBLIC_URL = "http://liveline.test";

export interface ApiCall {
  status: number;
  headers: Record<string, string>;
  /** Set-Cookie values. */
  cookies: string[];
  body: string;
  json: any;
}

export interface TestApi {
  /**
   * A request through the API handler; after a write, the new outbox items are performed before it returns.
   * A public write's object body without `altcha` (and without a bearer token) gets a fresh solution of a
   * real challenge, as the page sends it; pass `altcha` yourself to test protection.
   */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiCall>;
  /** Hands every new outbox item in the table's stream to the outbox handler; returns how many records it read. */
  deliverOutbox(): Promise<number>;
  /** Hands the stream's changes to the webhook function's handler (as its event source mapping would); how many records it read. */
  deliverWebhooks(): Promise<number>;
  deps: UseCaseDependencies;
  tableName: string;
  /** Where uploaded site files (a logo) go, as LIVELINE_SITE_UPLOADS_DIR under `npm start`. */
  siteUploadsDir: string;
  documents: DynamoDBDocumentClient;
  /**
   * Every item in this test's table but abuse protection's bookkeeping — used-solution marks, rate and mail
   * counters, answered addresses, which writes leave whatever their answer — and the settings document the
   * wiring seeded at its cold start: what the requests stored.
   */
  allItems(): Promise<Record<string, any>[]>;
  /** Every item the requests stored, the used-solution marks too (not the seeded settings). */
  everyItem(): Promise<Record<string, any>[]>;
  itemsWithPrefix(pk: string): Promise<Record<string, any>[]>;
}

/** Methods that write nothing, so there is no outbox item to wait for. */
const READS = new Set(["GET", "HEAD", "OPTIONS"]);

export function defaultConfig(): LivelineConfig {
  return readConfigFile("liveline.config.json");
}

/** The config's first demo offering (the one the default config's tests book). */
export function firstDemo(config: LivelineConfig): DemoOfferingConfig {
  return config.offerings.find((offering): offering is DemoOfferingConfig => offering.kind === "demo")!;
}

export interface TestApiOptions extends DependencyOverrides {
  /**
   * Keep the config's rate limits and mail budget. Without it a test API allows 100,000 writes per client
   * and per address, and 1,000 e-mails an address a day (tests send many from one address and IP);
   * protection's own tests keep them.
   */
  keepRateLimits?: boolean;
}

export async function createTestApi(overrides: TestApiOptions = {}): Promise<TestApi> {
  const tableName = `test-${randomUUID()}`;
  const siteUploadsDir = join(tmpdir(), `liveline-site-${tableName}`);
  const endpoint = dynamoDbEndpoint();
  const env = {
    TABLE_NAME: tableName,
    LIVELINE_PUBLIC_URL: TEST_PUBLIC_URL,
    SIGNING_SECRET: TEST_SIGNING_SECRET,
    // The tests sign in as the seeded reps with the README's demo tokens, as `npm start` does.
    LIVELINE_DEMO_TOKENS: "allow",
    // Webhook receivers in the tests listen on this machine over plain http, as under `npm start`.
    LIVELINE_WEBHOOK_TARGETS: "local",
    // Texts go to the local sink, as under `npm start`.
    LIVELINE_TEXTS: "local",
    LIVELINE_SITE_UPLOADS_DIR: siteUploadsDir,
    LOG_LEVEL: "silent",
    // As the Lambda's: protection is on unless the environment says off.
    ...(process.env.LIVELINE_PROTECTION === undefined ? {} : { LIVELINE_PROTECTION: process.env.LIVELINE_PROTECTION }),
  };
  localAwsEnvironment(endpoint, sesEndpoint());
  const dynamoDb = new DynamoDBClient({ endpoint });
  await ensureTable(dynamoDb, tableName);
  tablesCreated.add(tableName);
  const { keepRateLimits, ...dependencies } = overrides;
  const deps = await createHandlerDependencies(env, { dynamoDb, ...dependencies, config: testProtection(overrides.config ?? defaultConfig(), keepRateLimits ?? false) }, { webhooks: webhookPorts, siteFiles: siteFilePorts });
  const handler = createHttpApiHandler(deps, apiRoutes);
  const documents = DynamoDBDocumentClient.from(dynamoDb);
  // Driven by drain() only: a long interval. A request made while the feed performs an item (a test's fault
  // hook) does not wait for the feed: the feed's own read goes on until the stream is empty.
  const insideFeed = new AsyncLocalStorage<true>();
  const performItems = createOutboxStreamHandler(deps);
  const outboxFeed = startStreamRunner({ dynamoDb, tableName, handler: (event) => insideFeed.run(true, () => performItems(event)), intervalMs: 3_600_000 });
  const deliverOutbox = async () => (insideFeed.getStore() ? 0 : outboxFeed.drain());
  // Started on first use: only the webhook tests read the stream a second time.
  let webhookFeed: ReturnType<typeof startStreamRunner> | undefined;
  const deliverWebhooks = () => {
    webhookFeed ??= startStreamRunner({ dynamoDb, tableName, handler: createWebhookStreamHandler(deps), intervalMs: 3_600_000 });
    return webhookFeed.drain();
  };
  const getJson = async (path: string) => {
    const result = await handler(httpEvent("GET", path));
    return { status: result.statusCode, json: result.body ? JSON.parse(result.body) : undefined };
  };
  return {
    deps,
    tableName,
    siteUploadsDir,
    documents,
    deliverOutbox,
    deliverWebhooks,
    call: async (method, path, body, headers = {}) => {
      const solved = wantsSolution(method, path, body, headers) ? { ...body, altcha: await freshSolution(getJson, deps) } : body;
      const result = await handler(httpEvent(method, path, solved, headers));
      if (!READS.has(method.toUpperCase())) await deliverOutbox();
      const text = result.body ?? "";
      const isJson = (result.headers?.["content-type"] ?? "").includes("json");
      return { status: result.statusCode, headers: result.headers ?? {}, cookies: result.cookies ?? [], body: text, json: isJson && text ? JSON.parse(text) : undefined };
    },
    allItems: async () => (await scanAll(documents, tableName)).filter((item) => !PROTECTION_BOOKKEEPING.has(item.entity) && !SETTINGS_ITEMS.has(item.entity)),
    everyItem: async () => (await scanAll(documents, tableName)).filter((item) => !SETTINGS_ITEMS.has(item.entity)),
    itemsWithPrefix: async (pk) =>
      (await documents.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": pk } }))).Items ?? [],
  };
}

/** Abuse protection's items: used-solution marks, rate and mail counters, addresses that answered. */
const PROTECTION_BOOKKEEPING = new Set(["used-solution", "rate-counter", "answered", "mails-sent"]);
/** The settings document's head and versions. */
const SETTINGS_ITEMS = new Set([SETTINGS_HEAD_ENTITY, SETTINGS_VERSION_ENTITY]);

async function scanAll(documents: DynamoDBDocumentClient, tableName: string): Promise<Record<string, any>[]> {
  // A scan answers at most 1 MB a page.
  const items: Record<string, any>[] = [];
  let startKey: Record<string, any> | undefined;
  do {
    const page = await documents.send(new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** The config with a cheap challenge, so hundreds of test writes each solve one quickly, and (unless kept) room for them. */
function testProtection(config: LivelineConfig, keepRateLimits: boolean): LivelineConfig {
  const challenge = { ...config.protection.challenge, maxNumber: Math.min(config.protection.challenge.maxNumber, TEST_MAX_NUMBER) };
  const roomy = { max: 100_000, windowMinutes: 10 };
  if (keepRateLimits) return { ...config, protection: { ...config.protection, challenge } };
  const rateLimits = { writesPerIp: roomy, writesPerToken: roomy, liveBookingsPerAddress: 100, colleaguesPerAddressPerDay: 1000 };
  return { ...config, protection: { ...config.protection, challenge, rateLimits, mailsPerAddressPerDay: 1000 } };
}

/** SDK clients built without an explicit endpoint (SES) find the emulator the way the local runtime sets it up. */
function localAwsEnvironment(dynamoDbEndpoint: string, sesEndpoint: string): void {
  Object.assign(process.env, {
    AWS_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: "local",
    AWS_SECRET_ACCESS_KEY: "local",
    AWS_ENDPOINT_URL_DYNAMODB: dynamoDbEndpoint,
    AWS_ENDPOINT_URL_SESV2: sesEndpoint,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  });
}

/** An API Gateway HTTP API (payload 2.0) event, as AWS would send it. */
export function httpEvent(method: string, pathAndQuery: string, body?: unknown, headers: Record<string, string> = {}): APIGatewayProxyEventV2 {
  const [path, query = ""] = pathAndQuery.split("?");
  const text = body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);
  return {
    version: "2.0",
    routeKey: "ANY /api/{proxy+}",
    rawPath: path!,
    rawQueryString: query,
    headers: { "content-type": "application/json", ...headers },
    requestContext: {
      accountId: "000000000000",
      apiId: "test",
      domainName: "liveline.test",
      domainPrefix: "liveline",
      http: { method, path: path!, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "vitest" },
      requestId: randomUUID(),
      routeKey: "ANY /api/{proxy+}",
      stage: "$default",
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    body: text,
    isBase64Encoded: false,
  };
}
