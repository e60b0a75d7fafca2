// The environment a handler reads at cold start: defaults, every bad variable named at once, the rules
// between variables, and protection switched off only by exactly "off".
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../functions/config/config-error";
import { readLogLevel, readRuntimeSettings } from "../../functions/config/runtime-settings";

const MINIMAL = { TABLE_NAME: "liveline", LIVELINE_PUBLIC_URL: "https://demo.example.com", SIGNING_SECRET: "s".repeat(32) };

function problemsOf(env: NodeJS.ProcessEnv): Record<string, string> {
  try {
    readRuntimeSettings(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    expect(error.source).toBe("the environment");
    return Object.fromEntries(error.problems.map((problem) => [problem.field, problem.message]));
  }
  throw new Error("the environment was accepted");
}

describe("runtime settings", () => {
  it("fills the defaults and leaves unset optional variables out", () => {
    const settings = readRuntimeSettings({ ...MINIMAL, PATH: "/usr/bin" });
    expect(settings).toEqual({
      ...MINIMAL,
      LOG_LEVEL: "info",
      LIVELINE_DEMO_TOKENS: "refuse",
      LIVELINE_PROTECTION: "on",
      LIVELINE_WEBHOOK_TARGETS: "public",
      LIVELINE_SETTINGS_CACHE_SECONDS: 30,
      LIVELINE_TEXTS: "off",
    });
    expect("SCHEDULE_GROUP_NAME" in settings).toBe(false);
  });

  it("reads every variable the stack sets", () => {
    const settings = readRuntimeSettings({
      ...MINIMAL,
      SIGNING_SECRET: undefined,
      SIGNING_SECRET_ARN: "arn:aws:secretsmanager:eu-west-1:1:secret:keys",
      SCHEDULE_GROUP_NAME: "liveline-timers",
      SCHEDULER_ROLE_ARN: "arn:aws:iam::1:role/scheduler",
      TIMER_FUNCTION_ARN: "arn:aws:lambda:eu-west-1:1:function:timers",
      SCHEDULER_DLQ_ARN: "arn:aws:sqs:eu-west-1:1:dlq",
      WEBHOOK_DEAD_LETTER_QUEUE_URL: "https://sqs.eu-west-1.amazonaws.com/1/webhooks-dlq",
      LIVELINE_SETTINGS_CACHE_SECONDS: "0",
      LIVELINE_TEXTS: "aws",
      SMS_ORIGINATION_IDENTITY: "+15550100",
      LOG_LEVEL: "silent",
    });
    expect(settings).toMatchObject({ SCHEDULE_GROUP_NAME: "liveline-timers", LIVELINE_SETTINGS_CACHE_SECONDS: 0, LIVELINE_TEXTS: "aws", LOG_LEVEL: "silent" });
  });

  it("names every bad variable at once, without repeating a secret's value", () => {
    const problems = problemsOf({
      TABLE_NAME: "ab",
      LIVELINE_PUBLIC_URL: "ftp://demo.example.com",
      SIGNING_SECRET: "too-short-secret",
      SCHEDULER_ROLE_ARN: "role/scheduler",
      WEBHOOK_DEAD_LETTER_QUEUE_URL: "http://sqs.example.com/q",
      LOG_LEVEL: "verbose",
      LIVELINE_SETTINGS_CACHE_SECONDS: "61",
      SMS_CONFIGURATION_SET: "",
    });
    expect(problems).toEqual({
      TABLE_NAME: "must be at least 3 characters",
      LIVELINE_PUBLIC_URL: "must be the site's http(s) origin",
      SIGNING_SECRET: "must be at least 32 characters",
      SCHEDULER_ROLE_ARN: 'must start with "arn:"',
      WEBHOOK_DEAD_LETTER_QUEUE_URL: "is not a valid url",
      LOG_LEVEL: 'must be one of "debug", "info", "warn", "error", "silent"',
      LIVELINE_SETTINGS_CACHE_SECONDS: "must be at most 60",
      SMS_CONFIGURATION_SET: "must be at least 1 characters",
    });
    expect(JSON.stringify(problems)).not.toContain("too-short-secret");
  });

  it("says a missing variable is required and a cache time is a whole number of seconds", () => {
    expect(problemsOf({ SIGNING_SECRET: MINIMAL.SIGNING_SECRET, LIVELINE_SETTINGS_CACHE_SECONDS: "1.5" })).toEqual({
      TABLE_NAME: "is required",
      LIVELINE_PUBLIC_URL: "is required",
      LIVELINE_SETTINGS_CACHE_SECONDS: "must be a whole number",
    });
    expect(problemsOf({ ...MINIMAL, LIVELINE_SETTINGS_CACHE_SECONDS: "-1" })).toEqual({ LIVELINE_SETTINGS_CACHE_SECONDS: "must be at least 0" });
    expect(problemsOf({ ...MINIMAL, LIVELINE_PUBLIC_URL: "not a url" })).toEqual({ LIVELINE_PUBLIC_URL: "must be the site's http(s) origin" });
  });

  it("takes a URL only written out whole: no space or line break in it, the scheme followed by //", () => {
    for (const bad of [" https://demo.example.com", "https://demo.example.com\n", "https://demo.exa\nmple.com", "http:demo.example.com", "ftp://demo.example.com"]) {
      expect(problemsOf({ ...MINIMAL, LIVELINE_PUBLIC_URL: bad }), JSON.stringify(bad)).toEqual({ LIVELINE_PUBLIC_URL: "must be the site's http(s) origin" });
    }
    expect(readRuntimeSettings({ ...MINIMAL, LIVELINE_PUBLIC_URL: "http://localhost:3000" }).LIVELINE_PUBLIC_URL).toBe("http://localhost:3000");
  });

  it("turns protection off only for exactly \"off\"", () => {
    expect(readRuntimeSettings({ ...MINIMAL, LIVELINE_PROTECTION: "off" }).LIVELINE_PROTECTION).toBe("off");
    for (const typo of ["false", "OFF", "0", ""]) {
      expect(problemsOf({ ...MINIMAL, LIVELINE_PROTECTION: typo })).toEqual({ LIVELINE_PROTECTION: 'must be "on" or "off"' });
    }
  });

  it("checks the variables that go together once each is valid", () => {
    expect(problemsOf({ ...MINIMAL, SIGNING_SECRET: undefined })).toEqual({ SIGNING_SECRET: "or SIGNING_SECRET_FILE or SIGNING_SECRET_ARN must be set" });
    expect(readRuntimeSettings({ ...MINIMAL, SIGNING_SECRET: undefined, SIGNING_SECRET_FILE: "/data/keys" }).SIGNING_SECRET_FILE).toBe("/data/keys");
    expect(problemsOf({ ...MINIMAL, LIVELINE_TEXTS: "aws" })).toEqual({ LIVELINE_TEXTS: 'is "aws" but SMS_ORIGINATION_IDENTITY is not set' });
    expect(problemsOf({ ...MINIMAL, SCHEDULE_GROUP_NAME: "liveline-timers", TIMER_FUNCTION_ARN: "arn:aws:lambda:eu-west-1:1:function:timers" })).toEqual({
      SCHEDULE_GROUP_NAME: "needs SCHEDULER_ROLE_ARN, TIMER_FUNCTION_ARN and SCHEDULER_DLQ_ARN too",
    });
  });
});

describe("the log level alone (functions given only the table)", () => {
  it("is info unless set, and needs nothing else of the environment", () => {
    expect(readLogLevel({})).toBe("info");
    expect(readLogLevel({ LOG_LEVEL: "warn" })).toBe("warn");
  });

  it("takes a level in any case, as AWS's log settings write it (INFO), so such a function still starts", () => {
    expect(readLogLevel({ LOG_LEVEL: "INFO" })).toBe("info");
    expect(readLogLevel({ LOG_LEVEL: "Debug" })).toBe("debug");
    expect(readRuntimeSettings({ ...MINIMAL, LOG_LEVEL: "WARN" }).LOG_LEVEL).toBe("warn");
  });

  it("refuses a level it does not know, naming LOG_LEVEL, instead of logging at some other level", () => {
    let refusal: unknown;
    try {
      readLogLevel({ LOG_LEVEL: "verbose" });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ConfigError);
    expect((refusal as ConfigError).problems).toEqual([{ field: "LOG_LEVEL", message: 'must be one of "debug", "info", "warn", "error", "silent"' }]);
  });
});
