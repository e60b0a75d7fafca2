// Handlers: builds the ports once per cold start from the environment — DynamoDB, SESv2, the clock, the signing
// key ring (read again every few minutes, so a rotation reaches warm functions) — all but the stores about people,
// which handler-dependencies.ts adds for every function except the outbox's (its entry calls this alone). The
// same wiring runs in Lambda and under `npm start` (the SDK clients follow AWS_ENDPOINT_URL_DYNAMODB /
// AWS_ENDPOINT_URL_SESV2 to the local engines). Tests may swap a port to inject a fault.

import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { randomUUID } from "node:crypto";
import { SchedulerClient } from "@aws-sdk/client-scheduler";
import { SchedulerTimers } from "../adapters/aws/timers.scheduler";
import { DynamoDbBookingStore } from "../adapters/dynamodb/booking-store.dynamodb";
import { DynamoDbLeadLog } from "../adapters/dynamodb/lead-log.dynamodb";
import { DynamoDbOutbox } from "../adapters/dynamodb/outbox.dynamodb";
import { DynamoDbProtectionStore } from "../adapters/dynamodb/protection-store.dynamodb";
import { DynamoDbSettingsStore } from "../adapters/dynamodb/settings-store.dynamodb";
import { DynamoDbShortLinks } from "../adapters/dynamodb/short-links.dynamodb";
import { DynamoDbSuppressionList } from "../adapters/dynamodb/suppression-list.dynamodb";
import { TableTimers } from "../adapters/dynamodb/timers.table";
import { DynamoDbTextNumbers } from "../adapters/dynamodb/text-numbers.dynamodb";
import { LocalTextSink } from "../adapters/local/text-sink.dynamodb";
import { DynamoDbWebinarStore } from "../adapters/dynamodb/webinar-store.dynamodb";
import { movableClock } from "../adapters/local/movable-clock";
import { FileSigningKeyStore } from "../adapters/local/signing-keys.file";
import { SesV2Mailer } from "../adapters/ses/mailer.sesv2";
import type { LivelineConfig } from "../config/liveline-config";
import { handlerConfig } from "../config/handler-config";
import { readRuntimeSettings, type RuntimeSettings } from "../config/runtime-settings";
import type { BookingStore } from "../ports/booking-store";
import { systemClock, type Clock } from "../ports/clock";
import type { Mailer } from "../ports/mailer";
import type { SigningKeyStore } from "../ports/signing-key-store";
import { parseKeyRing, SIGNING_KEYS_MAX_AGE_MS, signingKeysAt } from "../core/access/signing-keys";
import type { SiteFiles } from "../ports/site-files";
import type { Texts, TextSender } from "../ports/texts";
import type { Timers } from "../ports/timers";
import type { WebhookSender, Webhooks } from "../ports/webhooks";
import { LiveSettings } from "../use-cases/settings/live-settings";
import type { OutboxItemHandlers, UseCaseDependencies } from "../use-cases/use-case-dependencies";
import { broadcastSessionChange, promoteWaitlist } from "../use-cases/webinars/webinar-fanout";
import { createObservability, type Log, type Observability } from "./observability";

export interface DependencyOverrides {
  config?: LivelineConfig;
  clock?: Clock;
  dynamoDb?: DynamoDBClient;
  /** Wraps the real mailer, e.g. to make it fail for a test. */
  wrapMailer?: (mailer: Mailer) => Mailer;
  wrapStore?: (store: BookingStore) => BookingStore;
  log?: Log;
  /** Wraps the real timers, e.g. to make them fail for a test. */
  wrapTimers?: (timers: Timers) => Timers;
  /** Replaces the text sender (a test making it fail). */
  textSender?: TextSender;
  /** Replaces the webhook sender (a bench counting what a request would send). */
  webhookSender?: WebhookSender;
}

/**
 * The ports only some functions use, wired by the entries that use them — so the others' bundles carry none
 * of their adapters (the webhook sender's address checks and signing library stay out of the public API).
 */
export interface PortWiring {
  /** The timer (retries) and the webhook stream pass webhookPorts; the workspace API webhookConsolePorts (the console's deliveries). */
  webhooks?: WebhookWiring;
  /** The outbox and the timer (its sweep) functions pass awsTextSender: the only bundles with the SMS client. */
  textSender?: TextSenderWiring;
  /** The workspace API (a manager's logo upload) passes siteFilePorts: the only bundle with the S3 client. */
  siteFiles?: (settings: RuntimeSettings) => SiteFiles;
  /** Every function but the outbox's gets peopleStores (createHandlerDependencies): performing the outbox reads none. */
  peopleStores?: PeopleStoresWiring;
}

/** The stores about people that performing the outbox never reads (people-stores.ts). */
export type PeopleStores = Pick<UseCaseDependencies, "instantCalls" | "insights" | "signIn" | "leads" | "personalData">;

export type PeopleStoresWiring = (documents: DynamoDBDocumentClient, tableName: string) => PeopleStores;

export type TextSenderWiring = (settings: RuntimeSettings) => TextSender;

export type WebhookWiring = (config: LivelineConfig, settings: RuntimeSettings, documents: DynamoDBDocumentClient, sender?: WebhookSender) => Webhooks;

export interface HandlerDependencies extends UseCaseDependencies {
  /**
   * Reads the key ring again when this copy is older than SIGNING_KEYS_MAX_AGE_MS (a no-op for a secret
   * given as text). The Lambda entries call it before each event.
   */
  refreshSigningKeys(): Promise<void>;
  /**
   * Reads the settings' head again when the copy in hand is older than LIVELINE_SETTINGS_CACHE_SECONDS (no
   * request while warm); a failed read keeps the copy. The Lambda entries call it before each event.
   */
  refreshSettings(): Promise<void>;
  /** The logger and metrics the Lambda entries wrap each invocation with (`observed`). */
  observability: Observability;
}

export async function createCoreDependencies(env: NodeJS.ProcessEnv = process.env, overrides: DependencyOverrides = {}, wiring: PortWiring = {}): Promise<HandlerDependencies> {
  const settings = readRuntimeSettings(env);
  const config = overrides.config ?? (await handlerConfig(env));
  const dynamoDb = overrides.dynamoDb ?? createDynamoDbClient();
  const documents = DynamoDBDocumentClient.from(dynamoDb, { marshallOptions: { removeUndefinedValues: true } });
  // SES is called by the outbox function with a batch waiting behind each send: fail fast, the sweep retries later.
  const ses = new SESv2Client({ maxAttempts: 2, requestHandler: { requestTimeout: 5_000, connectionTimeout: 2_000 } });
  const store = new DynamoDbBookingStore(documents, settings.TABLE_NAME);
  const mailer = new SesV2Mailer(ses, settings.SES_CONFIGURATION_SET);
  const clock = overrides.clock ?? (settings.LIVELINE_CLOCK === "movable" ? movableClock : systemClock);
  const timers = timersFor(settings, documents, clock);
  const keyStore = await signingKeyStoreFor(settings);
  const observability = createObservability(settings.LOG_LEVEL);
  // The deployed config seeds the table's settings the first time; after that the table's document wins.
  const settingsStore = new DynamoDbSettingsStore(documents, settings.TABLE_NAME);
  const settingsOptions = { cacheMs: settings.LIVELINE_SETTINGS_CACHE_SECONDS * 1000, now: () => clock.now() };
  const liveSettings = await LiveSettings.open(settingsStore, config, settingsOptions).catch((error: unknown) => {
    // A cold start does not fail for it: the deployed config serves until the next refresh reads the table.
    observability.log("warn", "settings could not be read at start; using the deployed config until they can", { error });
    return LiveSettings.deployedOnly(settingsStore, config, settingsOptions);
  });
  const readKeys = async () => signingKeysAt(keyStore ? await keyStore.read() : parseKeyRing(settings.SIGNING_SECRET!), clock.now());
  let keysReadAt = clock.now().getTime();
  const deps: HandlerDependencies = {
    get catalogue() {
      return liveSettings.current().catalogue;
    },
    settings: liveSettings,
    store: overrides.wrapStore ? overrides.wrapStore(store) : store,
    mailer: overrides.wrapMailer ? overrides.wrapMailer(mailer) : mailer,
    clock,
    outbox: new DynamoDbOutbox(documents, settings.TABLE_NAME),
    leadLog: new DynamoDbLeadLog(documents, settings.TABLE_NAME),
    suppressions: new DynamoDbSuppressionList(documents, settings.TABLE_NAME),
    shortLinks: new DynamoDbShortLinks(documents, settings.TABLE_NAME),
    timers: overrides.wrapTimers ? overrides.wrapTimers(timers) : timers,
    webinars: new DynamoDbWebinarStore(documents, settings.TABLE_NAME),
    texts: textsFor(settings, documents, clock, wiring.textSender, overrides.textSender),
    webhooks: wiring.webhooks ? wiring.webhooks(config, settings, documents, overrides.webhookSender) : unwiredWebhooks(),
    siteFiles: wiring.siteFiles ? wiring.siteFiles(settings) : unwiredSiteFiles(),
    ...(wiring.peopleStores ? wiring.peopleStores(documents, settings.TABLE_NAME) : unwiredPeopleStores()),
    protection: { mode: settings.LIVELINE_PROTECTION, store: new DynamoDbProtectionStore(documents, settings.TABLE_NAME) },
    publicUrl: settings.LIVELINE_PUBLIC_URL,
    signingSecret: await readKeys(),
    demoTokens: settings.LIVELINE_DEMO_TOKENS,
    newId: randomUUID,
    outboxHandlers: OUTBOX_HANDLERS,
    log: overrides.log ?? observability.log,
    observability,
    refreshSettings: async () => {
      try {
        await liveSettings.refresh();
      } catch (error) {
        deps.log("warn", "settings could not be read again; using the copy from before", { error });
      }
    },
    refreshSigningKeys: async () => {
      const now = clock.now().getTime();
      if (!keyStore || now - keysReadAt < SIGNING_KEYS_MAX_AGE_MS) return;
      try {
        deps.signingSecret = await readKeys();
        keysReadAt = now;
      } catch (error) {
        // The copy in hand still signs and verifies: keep it, and try again in half a minute.
        keysReadAt = now - SIGNING_KEYS_MAX_AGE_MS + 30_000;
        deps.log("warn", "signing keys could not be read again; using the copy from before", { error });
      }
    },
  };
  return deps;
}

/**
 * DynamoDB as every function uses it: a few quick retries, and time limits so a request never waits on an
 * unreachable table longer than the caller would: the API function has 10 s, and three tries of at most
 * 3 s each (a second to connect) stay under it, after which the HTTP layer answers 503 with Retry-After.
 * The SDK sends a transaction's retries with the same ClientRequestToken, so a retried write applies once.
 */
export function createDynamoDbClient(endpoint?: string): DynamoDBClient {
  return new DynamoDBClient({ maxAttempts: 3, endpoint, requestHandler: { requestTimeout: 3_000, connectionTimeout: 1_000 } });
}

const OUTBOX_HANDLERS: OutboxItemHandlers = {
  broadcast: broadcastSessionChange,
  promote: async (deps, item) => void (await promoteWaitlist(deps, item.sessionId)),
};

/** The outbox function's: using a store it does not wire is a wiring mistake, said at once. */
function unwiredPeopleStores(): PeopleStores {
  const unwired = <Port extends keyof PeopleStores>(port: Port) => unwiredPort<PeopleStores[Port]>(`${port} is not wired in this function: its entry calls createCoreDependencies, not createHandlerDependencies`);
  return { instantCalls: unwired("instantCalls"), insights: unwired("insights"), signIn: unwired("signIn"), leads: unwired("leads"), personalData: unwired("personalData") };
}

/** A port whose every member says it is not wired (a symbol or `then` is absent, so inspecting it is harmless). */
function unwiredPort<Port extends object>(message: string): Port {
  return new Proxy({} as Port, {
    get: (_target, key) => {
      if (typeof key === "symbol" || key === "then") return undefined;
      throw new Error(message);
    },
  });
}

/** A function that stores no site files: storing one from it is a wiring mistake, said at once. */
function unwiredSiteFiles(): SiteFiles {
  return {
    put: async () => {
      throw new Error("site files are not wired in this function: its entry passes siteFilePorts to createHandlerDependencies");
    },
  };
}

/** A function that neither delivers nor lists webhooks: reaching for them is a wiring mistake, said at once. */
function unwiredWebhooks(): Webhooks {
  return unwiredPort<Webhooks>("webhooks are not wired in this function: its entry passes webhookPorts (webhookConsolePorts to list them) to createHandlerDependencies");
}

/**
 * Texts: the local sink (`npm start`, tests); in AWS, once the stack has an origination identity, AWS End User
 * Messaging SMS through the sender the entry wired (outbox and timer functions only: text-ports.ts); else off.
 */
function textsFor(settings: RuntimeSettings, documents: DynamoDBDocumentClient, clock: Clock, wired?: TextSenderWiring, override?: TextSender): Texts {
  const numbers = new DynamoDbTextNumbers(documents, settings.TABLE_NAME);
  if (settings.LIVELINE_TEXTS === "local") return { enabled: true, sender: override ?? new LocalTextSink(documents, settings.TABLE_NAME, clock), numbers };
  const enabled = settings.LIVELINE_TEXTS === "aws" && settings.SMS_ORIGINATION_IDENTITY !== undefined;
  return { enabled, sender: override ?? (enabled && wired ? wired(settings) : unwiredTextSender()), numbers };
}

/** A function that sends no text (the inbound one only enqueues them): sending from it is a wiring mistake. */
function unwiredTextSender(): TextSender {
  return {
    send: async () => {
      throw new Error("texts are not wired in this function: its entry passes textSender to createHandlerDependencies");
    },
  };
}

/** EventBridge Scheduler in AWS; the table-backed timers of the local runtime otherwise. */
function timersFor(settings: RuntimeSettings, documents: DynamoDBDocumentClient, clock: Clock): Timers {
  if (!settings.SCHEDULE_GROUP_NAME) return new TableTimers(documents, settings.TABLE_NAME);
  return new SchedulerTimers(
    new SchedulerClient({ maxAttempts: 4 }),
    { groupName: settings.SCHEDULE_GROUP_NAME, functionArn: settings.TIMER_FUNCTION_ARN!, roleArn: settings.SCHEDULER_ROLE_ARN!, deadLetterQueueArn: settings.SCHEDULER_DLQ_ARN! },
    clock,
  );
}

/** Where the key ring is kept: none when the secret is given as text (tests), else a file or Secrets Manager. */
export async function signingKeyStoreFor(settings: Pick<RuntimeSettings, "SIGNING_SECRET" | "SIGNING_SECRET_FILE" | "SIGNING_SECRET_ARN">): Promise<SigningKeyStore | undefined> {
  if (settings.SIGNING_SECRET) return undefined;
  if (settings.SIGNING_SECRET_FILE) return new FileSigningKeyStore(settings.SIGNING_SECRET_FILE);
  // Loaded only in AWS, where the secret lives in Secrets Manager.
  const [{ SecretsManagerClient }, { SecretsManagerSigningKeyStore }] = await Promise.all([
    import("@aws-sdk/client-secrets-manager"),
    import("../adapters/aws/signing-keys.secrets-manager"),
  ]);
  return new SecretsManagerSigningKeyStore(new SecretsManagerClient({}), settings.SIGNING_SECRET_ARN!);
}
