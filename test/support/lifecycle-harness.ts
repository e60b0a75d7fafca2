// Tests: the lifecycle on the real engines — the API handler, the timer use case, the local timer runner
// (the same one `npm start` uses) over table-backed timers, and a test clock that moves only when told.

import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import PostalMime from "postal-mime";
import { TableTimers } from "../../functions/adapters/dynamodb/timers.table";
import type { TimerPayload } from "../../functions/core/timer-plan";
import type { DependencyOverrides } from "../../functions/handlers/handler-dependencies";
import { fireTimer } from "../../functions/use-cases/fire-timer";
import { startTimerRunner, type TimerRunner } from "../../infra/local/timer-runner";
import { emailsTo, type StoredEmail } from "./ses-store";
import { createTestApi, type TestApi } from "./test-api";

export class TestClock {
  constructor(private current: Date) {}

  now(): Date {
    return new Date(this.current);
  }

  set(iso: string): void {
    this.current = new Date(iso);
  }

  advance(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

export interface Lifecycle {
  api: TestApi;
  clock: TestClock;
  timers: TableTimers;
  runner: TimerRunner;
  /** Moves the clock and fires every timer that became due (as `npm start`'s clock control does). */
  advance(minutes: number): Promise<number>;
  fire(payload: TimerPayload): ReturnType<typeof fireTimer>;
  /** Timer items in the table, by name. */
  timerNames(): Promise<string[]>;
}

export async function createLifecycle(start: string, overrides: DependencyOverrides = {}): Promise<Lifecycle> {
  const clock = new TestClock(new Date(start));
  const api = await createTestApi({ clock, ...overrides });
  const timers = new TableTimers(api.documents as DynamoDBDocumentClient, api.tableName);
  // A long interval: the tests drive the runner with drain().
  // A long interval: the tests drive the runner with drain(). A failing timer would be retried much later,
  // so say it out loud: a test should see why a mail did not come.
  const runner = startTimerRunner({
    timers,
    clock,
    handler: (payload) => fireTimer(api.deps, payload),
    intervalMs: 3_600_000,
    sweepEveryMs: 3_600_000,
    log: (message, details) => console.error(message, details),
  });
  return {
    api,
    clock,
    timers,
    runner,
    advance: async (minutes) => {
      clock.advance(minutes);
      return runner.drain();
    },
    fire: (payload) => fireTimer(api.deps, payload),
    timerNames: async () => (await api.allItems()).filter((item) => item.entity === "timer").map((item) => item.name).sort(),
  };
}

/** The e-mails to an address whose subject matches. */
export async function mailsTo(address: string, subject: RegExp = /.*/): Promise<StoredEmail[]> {
  return (await emailsTo(address)).filter((email) => subject.test(email.subject));
}

/** A stored outbox mail's raw message, parsed (headers the SES emulator does not keep, like List-Unsubscribe). */
export async function parsedOutboxMail(api: TestApi, sk: string) {
  const item = (await api.allItems()).find((candidate) => candidate.sk === sk);
  if (!item) throw new Error(`no outbox item ${sk}`);
  return new PostalMime().parse(item.item.raw as string);
}

/** The links in an e-mail's HTML body. */
export function linksIn(email: StoredEmail): string[] {
  return [...(email.body.html ?? "").matchAll(/href="([^"]+)"/g)].map((match) => match[1]!.replaceAll("&amp;", "&"));
}

export function tokenOf(url: string): string {
  return new URL(url).searchParams.get("token")!;
}
