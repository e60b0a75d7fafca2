// Config: the environment a handler runs in (table, public URL, mail settings, signing secret), one table of
// fields read and checked at cold start. The CDK stack sets these on the Lambda; the local runtime sets them itself.
// Read by small readers instead of a zod schema: this is the only check the stream, timer and feed functions
// make, and zod/mini would be some 23 KB of each of their bundles, parsed at every cold start.

import type { FieldProblem } from "../validation/issue-messages";
import { ConfigError } from "./config-error";

/** Reads one variable's text (undefined: not set) into its value, or throws FieldRefused. */
type FieldReader<T> = (text: string | undefined) => T;

class FieldRefused extends Error {}

const refuse = (message: string): never => {
  throw new FieldRefused(message);
};

/** A set variable: its text when at least `min` characters long. */
function text(min: number): (text: string) => string {
  return (value) => (value.length >= min ? value : refuse(`must be at least ${min} characters`));
}

function startingWith(prefix: string): (text: string) => string {
  return (value) => (value.startsWith(prefix) ? value : refuse(`must start with "${prefix}"`));
}

/** An absolute URL whose scheme is one of `schemes`, written out ("https://…"), with no space or line break in it. */
function url(schemes: readonly string[], message = "is not a valid url"): (text: string) => string {
  return (value) => {
    // The written-out scheme also fixes the parsed protocol, so only the host is left to check.
    if (/\s/.test(value) || !schemes.some((scheme) => value.toLowerCase().startsWith(`${scheme}://`)) || !URL.canParse(value)) return refuse(message);
    return new URL(value).hostname !== "" ? value : refuse(message);
  };
}

function oneOf<const V extends string>(values: readonly V[], message = `must be one of ${values.map((v) => JSON.stringify(v)).join(", ")}`): (text: string) => V {
  return (value) => ((values as readonly string[]).includes(value) ? (value as V) : refuse(message));
}

/** A whole number from `min` to `max` (an empty text is 0, as Number reads it). */
function wholeNumber(min: number, max: number): (text: string) => number {
  return (value) => {
    const number = Number(value);
    if (!Number.isInteger(number)) return refuse("must be a whole number");
    if (number < min) return refuse(`must be at least ${min}`);
    return number <= max ? number : refuse(`must be at most ${max}`);
  };
}

function required<T>(read: (text: string) => T): FieldReader<T> {
  return (value) => (value === undefined ? refuse("is required") : read(value));
}

function optional<T>(read: (text: string) => T): FieldReader<T | undefined> {
  return (value) => (value === undefined ? undefined : read(value));
}

/** Reads the text lower-cased: "INFO", as AWS's own log settings write a level, is "info". */
function anyCase<T>(read: (text: string) => T): (text: string) => T {
  return (value) => read(value.toLowerCase());
}

function withDefault<T>(read: (text: string) => T, fallback: T): FieldReader<T> {
  return (value) => (value === undefined ? fallback : read(value));
}

const FIELDS = {
  TABLE_NAME: required(text(3)),
  LIVELINE_PUBLIC_URL: required(url(["http", "https"], "must be the site's http(s) origin")),
  SES_CONFIGURATION_SET: optional(text(1)),
  /** Tests: the key ring's text itself (one plain key, or the JSON ring core/access/signing-keys.ts reads). */
  SIGNING_SECRET: optional(text(32)),
  /** Locally: the file holding it (`npm start` keeps it in LIVELINE_DATA_DIR). */
  SIGNING_SECRET_FILE: optional(text(1)),
  /** In AWS: the Secrets Manager secret holding it. */
  SIGNING_SECRET_ARN: optional(startingWith("arn:")),
  LOG_LEVEL: withDefault(anyCase(oneOf(["debug", "info", "warn", "error", "silent"])), "info"),
  /** In AWS, timers are EventBridge Scheduler schedules in this group; without it, table-backed (local). */
  SCHEDULE_GROUP_NAME: optional(text(1)),
  /** The role Scheduler assumes to invoke the timer function. */
  SCHEDULER_ROLE_ARN: optional(startingWith("arn:")),
  /** The timer function every schedule targets. */
  TIMER_FUNCTION_ARN: optional(startingWith("arn:")),
  /** Where Scheduler puts a timer it could not deliver. */
  SCHEDULER_DLQ_ARN: optional(startingWith("arn:")),
  /**
   * The README's published demo rep tokens: refused (401) unless "allow" — which only the local runtime
   * and the tests set; a deployed stack never does.
   */
  LIVELINE_DEMO_TOKENS: withDefault(oneOf(["allow", "refuse"]), "refuse"),
  /**
   * Abuse protection (challenge, rate limits) is on unless this is exactly "off": load tests and benches
   * only. Any other value stops the cold start, so a typo cannot switch it off.
   */
  LIVELINE_PROTECTION: withDefault(oneOf(["on", "off"], 'must be "on" or "off"'), "on"),
  /**
   * Which addresses webhooks may reach (config/webhook-addresses.ts): "public" (https, public addresses
   * only) unless the local runtime or the tests say "local" (plain http and this machine's network too).
   */
  LIVELINE_WEBHOOK_TARGETS: withDefault(oneOf(["public", "local"]), "public"),
  /** In AWS: where a webhook delivery every attempt of which failed is parked (the stack's queue). */
  WEBHOOK_DEAD_LETTER_QUEUE_URL: optional(url(["https"])),
  /**
   * How long a function keeps the settings document in hand before it reads the table's head again: a
   * change reaches every function within this time (the process that made it at once). At most 60.
   */
  LIVELINE_SETTINGS_CACHE_SECONDS: withDefault(wholeNumber(0, 60), 30),
  /**
   * Texts (SMS): "aws" sends through AWS End User Messaging SMS from SMS_ORIGINATION_IDENTITY (the stack sets
   * both once an origination identity is given as context), "local" keeps them in the local sink (`npm start`,
   * tests); anything else or nothing: no text leaves.
   */
  LIVELINE_TEXTS: withDefault(oneOf(["off", "local", "aws"]), "off"),
  SMS_ORIGINATION_IDENTITY: optional(text(1)),
  SMS_CONFIGURATION_SET: optional(text(1)),
  /** In AWS: the site bucket an uploaded brand logo is stored in (served by CloudFront at the site's root). */
  SITE_BUCKET: optional(text(3)),
  /** Locally: the folder uploaded site files go to, which `npm start` serves beside web/dist. */
  LIVELINE_SITE_UPLOADS_DIR: optional(text(1)),
  /** Locally only: "movable" lets `POST /api/_local/clock` move time forward. */
  LIVELINE_CLOCK: optional(oneOf(["system", "movable"])),
} satisfies Record<string, FieldReader<unknown>>;

type Read<K extends keyof typeof FIELDS> = ReturnType<(typeof FIELDS)[K]>;
/** The fields as read: an optional variable is an optional property. */
export type RuntimeSettings = { [K in keyof typeof FIELDS as undefined extends Read<K> ? never : K]: Read<K> } & {
  [K in keyof typeof FIELDS as undefined extends Read<K> ? K : never]?: Read<K>;
};

/** What holds between the fields, checked once each field is valid: the field named and what it lacks. */
const TOGETHER: readonly { field: keyof RuntimeSettings; broken: (settings: RuntimeSettings) => boolean; message: string }[] = [
  {
    field: "SIGNING_SECRET",
    broken: (env) => !(env.SIGNING_SECRET || env.SIGNING_SECRET_FILE || env.SIGNING_SECRET_ARN),
    message: "or SIGNING_SECRET_FILE or SIGNING_SECRET_ARN must be set",
  },
  {
    field: "LIVELINE_TEXTS",
    broken: (env) => env.LIVELINE_TEXTS === "aws" && !env.SMS_ORIGINATION_IDENTITY,
    message: 'is "aws" but SMS_ORIGINATION_IDENTITY is not set',
  },
  {
    field: "SCHEDULE_GROUP_NAME",
    broken: (env) => Boolean(env.SCHEDULE_GROUP_NAME) && !(env.SCHEDULER_ROLE_ARN && env.TIMER_FUNCTION_ARN && env.SCHEDULER_DLQ_ARN),
    message: "needs SCHEDULER_ROLE_ARN, TIMER_FUNCTION_ARN and SCHEDULER_DLQ_ARN too",
  },
];

/**
 * LOG_LEVEL alone, checked as readRuntimeSettings checks it: for the functions given only the table
 * (SES events, insights, calendar feeds), which read nothing else of the environment through here.
 */
export function readLogLevel(env: NodeJS.ProcessEnv = process.env): RuntimeSettings["LOG_LEVEL"] {
  return readFields(["LOG_LEVEL"], env).LOG_LEVEL as RuntimeSettings["LOG_LEVEL"];
}

/** The settings, or a ConfigError naming every bad variable at once. */
export function readRuntimeSettings(env: NodeJS.ProcessEnv = process.env): RuntimeSettings {
  const typed = readFields(Object.keys(FIELDS) as (keyof typeof FIELDS)[], env) as RuntimeSettings;
  const broken = TOGETHER.filter((rule) => rule.broken(typed)).map(({ field, message }) => ({ field, message }));
  if (broken.length > 0) throw new ConfigError("the environment", broken);
  return typed;
}

/** The named fields that are set (or have a default), or a ConfigError naming every bad one among them. */
function readFields(fields: readonly (keyof typeof FIELDS)[], env: NodeJS.ProcessEnv): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const field of fields) {
    try {
      const value = (FIELDS[field] as FieldReader<unknown>)(env[field]);
      if (value !== undefined) settings[field] = value;
    } catch (error) {
      if (!(error instanceof FieldRefused)) throw error;
      // The value is not repeated: a short SIGNING_SECRET would land in the log.
      problems.push({ field, message: error.message });
    }
  }
  if (problems.length > 0) throw new ConfigError("the environment", problems);
  return settings;
}
