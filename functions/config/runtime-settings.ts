// Config: the environment a handler runs in (table, public URL, mail settings, signing secret), one schema
// validated at cold start. The CDK stack sets these on the Lambda; the local runtime sets them itself.

import * as z from "zod/mini";
import { toFieldProblems } from "../validation/issue-messages";
import { ConfigError } from "./config-error";

const settingsSchema = z
  .object({
    TABLE_NAME: z.string().check(z.minLength(3)),
    LIVELINE_PUBLIC_URL: z.url({ protocol: /^https?$/, error: "must be the site's http(s) origin" }),
    SES_CONFIGURATION_SET: z.optional(z.string().check(z.minLength(1))),
    /** Tests: the key ring's text itself (one plain key, or the JSON ring core/access/signing-keys.ts reads). */
    SIGNING_SECRET: z.optional(z.string().check(z.minLength(32, { error: "must be at least 32 characters" }))),
    /** Locally: the file holding it (`npm start` keeps it in LIVELINE_DATA_DIR). */
    SIGNING_SECRET_FILE: z.optional(z.string().check(z.minLength(1))),
    /** In AWS: the Secrets Manager secret holding it. */
    SIGNING_SECRET_ARN: z.optional(z.string().check(z.startsWith("arn:"))),
    LOG_LEVEL: z._default(z.enum(["debug", "info", "warn", "error", "silent"]), "info"),
    /** In AWS, timers are EventBridge Scheduler schedules in this group; without it, table-backed (local). */
    SCHEDULE_GROUP_NAME: z.optional(z.string().check(z.minLength(1))),
    /** The role Scheduler assumes to invoke the timer function. */
    SCHEDULER_ROLE_ARN: z.optional(z.string().check(z.startsWith("arn:"))),
    /** The timer function every schedule targets. */
    TIMER_FUNCTION_ARN: z.optional(z.string().check(z.startsWith("arn:"))),
    /** Where Scheduler puts a timer it could not deliver. */
    SCHEDULER_DLQ_ARN: z.optional(z.string().check(z.startsWith("arn:"))),
    /**
     * The README's published demo rep tokens: refused (401) unless "allow" — which only the local runtime
     * and the tests set; a deployed stack never does.
     */
    LIVELINE_DEMO_TOKENS: z._default(z.enum(["allow", "refuse"]), "refuse"),
    /**
     * Abuse protection (challenge, rate limits) is on unless this is exactly "off": load tests and benches
     * only. Any other value stops the cold start, so a typo cannot switch it off.
     */
    LIVELINE_PROTECTION: z._default(z.enum(["on", "off"], { error: 'must be "on" or "off"' }), "on"),
    /**
     * Which addresses webhooks may reach (config/webhooks-config.ts): "public" (https, public addresses
     * only) unless the local runtime or the tests say "local" (plain http and this machine's network too).
     */
    LIVELINE_WEBHOOK_TARGETS: z._default(z.enum(["public", "local"]), "public"),
    /** In AWS: where a webhook delivery every attempt of which failed is parked (the stack's queue). */
    WEBHOOK_DEAD_LETTER_QUEUE_URL: z.optional(z.url({ protocol: /^https$/ })),
    /**
     * How long a function keeps the settings document in hand before it reads the table's head again: a
     * change reaches every function within this time (the process that made it at once). At most 60.
     */
    LIVELINE_SETTINGS_CACHE_SECONDS: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(60, { error: "must be at most 60" })), 30),
    /**
     * Texts (SMS): "aws" sends through AWS End User Messaging SMS from SMS_ORIGINATION_IDENTITY (the stack sets
     * both once an origination identity is given as context), "local" keeps them in the local sink (`npm start`,
     * tests); anything else or nothing: no text leaves.
     */
    LIVELINE_TEXTS: z._default(z.enum(["off", "local", "aws"]), "off"),
    SMS_ORIGINATION_IDENTITY: z.optional(z.string().check(z.minLength(1))),
    SMS_CONFIGURATION_SET: z.optional(z.string().check(z.minLength(1))),
    /** In AWS: the site bucket an uploaded brand logo is stored in (served by CloudFront at the site's root). */
    SITE_BUCKET: z.optional(z.string().check(z.minLength(3))),
    /** Locally: the folder uploaded site files go to, which `npm start` serves beside web/dist. */
    LIVELINE_SITE_UPLOADS_DIR: z.optional(z.string().check(z.minLength(1))),
    /** Locally only: "movable" lets `POST /api/_local/clock` move time forward. */
    LIVELINE_CLOCK: z.optional(z.enum(["system", "movable"])),
  })
  .check(
    z.refine((env) => Boolean(env.SIGNING_SECRET || env.SIGNING_SECRET_FILE || env.SIGNING_SECRET_ARN), {
      path: ["SIGNING_SECRET"],
      error: "or SIGNING_SECRET_FILE or SIGNING_SECRET_ARN must be set",
    }),
    z.refine((env) => env.LIVELINE_TEXTS !== "aws" || Boolean(env.SMS_ORIGINATION_IDENTITY), {
      path: ["LIVELINE_TEXTS"],
      error: 'is "aws" but SMS_ORIGINATION_IDENTITY is not set',
    }),
    z.refine((env) => !env.SCHEDULE_GROUP_NAME || Boolean(env.SCHEDULER_ROLE_ARN && env.TIMER_FUNCTION_ARN && env.SCHEDULER_DLQ_ARN), {
      path: ["SCHEDULE_GROUP_NAME"],
      error: "needs SCHEDULER_ROLE_ARN, TIMER_FUNCTION_ARN and SCHEDULER_DLQ_ARN too",
    }),
  );

export type RuntimeSettings = z.output<typeof settingsSchema>;

export function readRuntimeSettings(env: NodeJS.ProcessEnv = process.env): RuntimeSettings {
  const result = settingsSchema.safeParse(env, { reportInput: true });
  if (!result.success) throw new ConfigError("the environment", toFieldProblems(result.error.issues));
  return result.data;
}
