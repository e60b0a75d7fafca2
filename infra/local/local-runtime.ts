// Local runtime: everything `npm start` runs, as one function — real engines (DynamoDB Local, the SES
// emulator) unless AWS_ENDPOINT_URL_* point elsewhere, the table, the web build, and the server that calls
// the two API Lambdas' own handlers (chosen by path, as API Gateway does), the timer runner (the timer
// handler), the stream runners (the outbox, insights and webhook handlers) and the minute rule that runs the
// calendar feed refresh; and the embed demo, a host page on a second port.
// One per process: the handler module builds its ports once, like a cold start.

import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Server } from "node:http";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { TableTimers } from "../../functions/adapters/dynamodb/timers.table";
import { movableClock } from "../../functions/adapters/local/movable-clock";
import { FileSigningKeyStore, localSigningKeysFile } from "../../functions/adapters/local/signing-keys.file";
import { configPath, readConfigFile } from "../../functions/config/load-config";
import type { LivelineConfig } from "../../functions/config/liveline-config";
import { buildWeb, defaultWebOutDir } from "../../web/build";
import { ensureTable } from "./create-table";
import { DynamoDbSettingsStore } from "../../functions/adapters/dynamodb/settings-store.dynamodb";
import { seedSettings } from "../../functions/use-cases/settings/live-settings";
import { DEFAULT_DEMO_HOST_PORT, startDemoHost } from "./demo-host";
import { startDynamoDbLocal, type RunningEngine } from "./dynamodb-local";
import { localRoutes, type LocalTexts } from "./local-routes";
import { LocalTextSink } from "../../functions/adapters/local/text-sink.dynamodb";
import { routeByFamily } from "./api-routing";
import { startLocalServer, type ApiHandler } from "./local-server";
import { startSesLocal } from "./ses-local";
import type { ScheduledEvent } from "../../functions/handlers/scheduled-event-types";
import { redactPersonalData } from "../../functions/handlers/log-redaction";
import { nextRetentionSweep, RETENTION_SWEEP_EVENT } from "../../functions/handlers/retention-sweep-schedule";
import { nextWeeklyDigestRun, WEEKLY_DIGEST_EVENT } from "../../functions/handlers/weekly-digest-schedule";
import { startMinuteRule } from "./minute-rule-runner";
import { startStreamRunner, type StreamHandler } from "./stream-runner";
import { startTimerRunner, type TimerHandler } from "./timer-runner";

const localPagesDir = join(dirname(fileURLToPath(import.meta.url)), "static");

export interface LocalRuntimeOptions {
  env?: NodeJS.ProcessEnv;
  port?: number;
  /** Where DynamoDB Local keeps its data and the signing secret lives; default ./.liveline */
  dataDir?: string;
  /** Preferred port of the e-mail viewer. */
  sesPort?: number;
}

export interface LocalRuntime {
  url: string;
  /** The SES emulator's page, when Liveline started it. */
  mailViewerUrl?: string;
  sesEndpoint: string;
  dynamoDbEndpoint: string;
  tableName: string;
  config: LivelineConfig;
  /** The embed demo's host page, or why it is not served. */
  demoHost: { url: string; allowed: boolean } | { skipped: string };
  stop(): Promise<void>;
}

export const DEFAULT_PORT = 3000;
export const DEFAULT_SES_PORT = 8005;

export async function startLocalRuntime(options: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
  const env = options.env ?? process.env;
  const config = readConfigFile(configPath(env));
  const port = options.port ?? Number(env.PORT ?? DEFAULT_PORT);
  const dataDir = resolve(options.dataDir ?? env.LIVELINE_DATA_DIR ?? ".liveline");
  const stoppers: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const stopOne of stoppers.reverse()) await stopOne().catch(() => undefined);
  };
  try {
    const dynamo = await dynamoDbEndpoint(env, dataDir);
    if (dynamo.engine) stoppers.push(dynamo.engine.stop);
    const ses = await sesEndpoint(env, options.sesPort);
    if (ses.engine) stoppers.push(ses.engine.stop);

    const tableName = env.TABLE_NAME ?? "liveline";
    const url = `http://localhost:${port}`;
    Object.assign(process.env, {
      TABLE_NAME: tableName,
      LIVELINE_PUBLIC_URL: env.LIVELINE_PUBLIC_URL ?? url,
      LIVELINE_CONFIG: configPath(env),
      ...(env.SIGNING_SECRET ? { SIGNING_SECRET: env.SIGNING_SECRET } : { SIGNING_SECRET_FILE: localSigningKeys(dataDir) }),
      // The README's demo rep tokens work on this machine only; a deployed stack refuses them.
      LIVELINE_DEMO_TOKENS: "allow",
      // Webhooks may reach a receiver on this machine over plain http (a deployed stack: https, public addresses only).
      LIVELINE_WEBHOOK_TARGETS: "local",
      // Texts go to the local sink (GET /api/_local/texts), never to a phone.
      LIVELINE_TEXTS: "local",
      // What the product adds to the site (an uploaded logo) goes here, and the server serves it (AWS: the site bucket).
      LIVELINE_SITE_UPLOADS_DIR: siteUploadsDir(dataDir),
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ENDPOINT_URL_SESV2: ses.endpoint,
      AWS_REGION: env.AWS_REGION ?? "us-east-1",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      // Local time can be moved forward (POST /api/_local/clock); timers are items in the local table.
      LIVELINE_CLOCK: "movable",
      // No CloudWatch here to read the figures' EMF lines: keep them off the console (LIVELINE_METRICS=on to see them).
      LIVELINE_METRICS: env.LIVELINE_METRICS ?? "off",
    });
    delete process.env.SCHEDULE_GROUP_NAME;
    // Local engines accept any credentials; do not make people configure fake ones.
    if (!env.AWS_ACCESS_KEY_ID && !env.AWS_PROFILE) Object.assign(process.env, { AWS_ACCESS_KEY_ID: "local", AWS_SECRET_ACCESS_KEY: "local" });

    const dynamoDb = new DynamoDBClient({ endpoint: dynamo.endpoint });
    await ensureTable(dynamoDb, tableName);
    // The first start stores liveline.config.json as the settings' version 1; after that the table's wins.
    await seedSettings(new DynamoDbSettingsStore(DynamoDBDocumentClient.from(dynamoDb), tableName), config, movableClock.now());
    buildWeb(defaultWebOutDir);
    const handler = routeByFamily({
      public: ((await import("../../functions/handlers/public-api.handler")) as { handler: ApiHandler }).handler,
      workspace: ((await import("../../functions/handlers/workspace-api.handler")) as { handler: ApiHandler }).handler,
    });
    const { handler: timerHandler } = (await import("../../functions/handlers/timer.handler")) as { handler: TimerHandler & ((event: typeof RETENTION_SWEEP_EVENT | typeof WEEKLY_DIGEST_EVENT) => Promise<unknown>) };
    const runner = startTimerRunner({
      timers: new TableTimers(DynamoDBDocumentClient.from(dynamoDb), tableName),
      handler: timerHandler,
      clock: movableClock,
      // What the stack's RetentionSweep and WeeklyDigest schedules send the timer function, at the same times.
      recurring: [
        { name: "retention sweep", next: nextRetentionSweep, run: () => timerHandler(RETENTION_SWEEP_EVENT) },
        { name: "weekly digest", next: nextWeeklyDigestRun, run: () => timerHandler(WEEKLY_DIGEST_EVENT) },
      ],
      log: (message, details) => console.error(JSON.stringify(redactPersonalData({ level: "warn", message, ...details }))),
    });
    stoppers.push(() => runner.stop());
    // The table's change stream feeds the outbox function (new outbox items: invitations, timers…) and the
    // insights aggregator, as the stack's two event source mappings do; Lambda polls a shard 4 times a second.
    const streamLog = (message: string, details?: Record<string, unknown>) => console.error(JSON.stringify({ level: "warn", message, ...details }));
    const { handler: outboxHandler } = (await import("../../functions/handlers/outbox-stream.handler")) as { handler: StreamHandler };
    const outboxFeed = startStreamRunner({ dynamoDb, tableName, handler: outboxHandler, intervalMs: 250, log: streamLog });
    stoppers.push(() => outboxFeed.stop());
    const { handler: insightsHandler } = (await import("../../functions/handlers/insights-stream.handler")) as { handler: StreamHandler };
    const insightsFeed = startStreamRunner({ dynamoDb, tableName, handler: insightsHandler, log: streamLog });
    stoppers.push(() => insightsFeed.stop());
    // Webhook deliveries have their own function (a slow endpoint delays nothing else), as in the stack.
    const { handler: webhookHandler } = (await import("../../functions/handlers/webhook-stream.handler")) as { handler: StreamHandler };
    const webhookFeed = startStreamRunner({ dynamoDb, tableName, handler: webhookHandler, intervalMs: 250, log: streamLog });
    stoppers.push(() => webhookFeed.stop());
    const streams = { drain: async () => (await outboxFeed.drain()) + (await insightsFeed.drain()) + (await webhookFeed.drain()) };
    // Reps' calendar feeds are read into their stored copies every minute, as the stack's rule does.
    const { handler: feedsHandler } = (await import("../../functions/handlers/calendar-feeds.handler")) as { handler: (event: ScheduledEvent) => Promise<unknown> };
    const feedRefresh = startMinuteRule({
      handler: feedsHandler,
      clock: movableClock,
      log: (message, details) => console.error(JSON.stringify({ level: "warn", message, ...details })),
    });
    stoppers.push(() => feedRefresh.stop());
    // Texts stay on this machine: the sink in the local table, replies played through the inbound-text handler.
    const { handler: textInboundHandler } = (await import("../../functions/handlers/text-inbound.handler")) as { handler: LocalTexts["inbound"] };
    const textSink = new LocalTextSink(DynamoDBDocumentClient.from(dynamoDb), tableName, movableClock);
    const texts: LocalTexts = { list: () => textSink.list(), inbound: textInboundHandler };
    const server = await listen(port, handler, config.embed.allowedOrigins, localRoutes(movableClock, runner, streams, texts), siteUploadsDir(dataDir));
    stoppers.push(() => closeServer(server));
    const demoHost = await embedDemo(env, url, config.embed.allowedOrigins, stoppers);
    return { url, mailViewerUrl: ses.engine?.viewerUrl, sesEndpoint: ses.endpoint, dynamoDbEndpoint: dynamo.endpoint, tableName, config, demoHost, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function dynamoDbEndpoint(env: NodeJS.ProcessEnv, dataDir: string): Promise<{ endpoint: string; engine?: RunningEngine }> {
  if (env.AWS_ENDPOINT_URL_DYNAMODB) return { endpoint: env.AWS_ENDPOINT_URL_DYNAMODB };
  const engine = await startDynamoDbLocal({ dataDir: join(dataDir, "dynamodb") });
  return { endpoint: engine.endpoint, engine };
}

async function sesEndpoint(env: NodeJS.ProcessEnv, preferredPort?: number) {
  const given = env.AWS_ENDPOINT_URL_SESV2 ?? env.AWS_ENDPOINT_URL_SES;
  if (given) return { endpoint: given, engine: undefined };
  const engine = await startSesLocal({ preferredPort: preferredPort ?? Number(env.LIVELINE_SES_PORT ?? DEFAULT_SES_PORT) });
  return { endpoint: engine.endpoint, engine };
}

/** The key ring kept beside the data, so links in e-mails keep working across restarts (and rotations). */
/** The local stand-in for the site bucket's uploads: in the data folder, so they last as long as the table. */
function siteUploadsDir(dataDir: string): string {
  return join(dataDir, "site");
}

function localSigningKeys(dataDir: string): string {
  return new FileSigningKeyStore(localSigningKeysFile(dataDir)).ensure().file;
}

async function listen(port: number, handler: ApiHandler, allowedOrigins: readonly string[], extraRoutes: Parameters<typeof startLocalServer>[0]["extraRoutes"], uploadsDir: string): Promise<Server> {
  try {
    return await startLocalServer({ port, host: "127.0.0.1", webDir: defaultWebOutDir, handler, allowedOrigins, extraRoutes, localDir: localPagesDir, uploadsDir, now: () => movableClock.now() });
  } catch (error) {
    if ((error as { code?: string }).code === "EADDRINUSE") {
      throw new Error(`Port ${port} is already in use. Stop what runs there, or start on another port: PORT=3001 npm start`);
    }
    throw error;
  }
}

/** The embed demo on LIVELINE_DEMO_PORT (default 3100; "off" for none); a taken port only skips it. */
async function embedDemo(env: NodeJS.ProcessEnv, siteUrl: string, allowedOrigins: readonly string[], stoppers: (() => Promise<void>)[]): Promise<LocalRuntime["demoHost"]> {
  if (env.LIVELINE_DEMO_PORT === "off") return { skipped: "LIVELINE_DEMO_PORT=off" };
  const port = Number(env.LIVELINE_DEMO_PORT ?? DEFAULT_DEMO_HOST_PORT);
  try {
    const demo = await startDemoHost(port, siteUrl);
    stoppers.push(demo.stop);
    return { url: demo.url, allowed: allowedOrigins.includes(demo.url) };
  } catch (error) {
    if ((error as { code?: string }).code === "EADDRINUSE") return { skipped: `port ${port} is in use (LIVELINE_DEMO_PORT picks another)` };
    throw error;
  }
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
