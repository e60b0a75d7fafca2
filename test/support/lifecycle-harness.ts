// Tests: the lifecycle on the real engines — the API handler, the timer use case, the local timer runner
// (the same one `npm start` uses) over table-backed timers, and a test clock that moves only when told.

import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import PostalMime from "postal-mime";
import { TableTimers } from "../../functions/adapters/dynamodb/timers.table";
import type { TimerPayload } from "../../functions/core/bookings/timer-plan";
import type { DependencyOverrides } from "../../functions/handlers/handler-dependencies";
import type { Mailer, OutgoingEmail } from "../../functions/ports/mailer";
import { fireTimer } from "../../functions/use-cases/timers/fire-timer";
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
  /** Every message the mailer sent, in order. */
  sent: OutgoingEmail[];
  /** Timer items in the table, by name. */
  timerNames(): Promise<string[]>;
}

export async function createLifecycle(start: string, overrides: DependencyOverrides = {}): Promise<Lifecycle> {
  const clock = new TestClock(new Date(start));
  // Every message handed to the mailer, as sent (after a test's own wrapper, if it has one).
  const sent: OutgoingEmail[] = [];
  const recording = (mailer: Mailer): Mailer => ({
    send: async (email) => {
      const result = await mailer.send(email);
      sent.push(email);
      return result;
    },
  });
  const api = await createTestApi({ clock, ...overrides, wrapMailer: (mailer) => recording(overrides.wrapMailer ? overrides.wrapMailer(mailer) : mailer) });
  const timers = new TableTimers(api.documents as DynamoDBDocumentClient, api.tableName);
  // A long interval: the tests drive the runner with drain().
  // A long interval: the tests drive the runner with drain(). A failing timer would be retried much later,
  // so say it out loud: a test should see why a mail did not come.
  const runner = startTimerRunner({
    timers,
    clock,
    // What a timer writes to the outbox is performed right after, as the outbox function would be.
    handler: async (payload) => {
      const outcome = await fireTimer(api.deps, payload);
      await api.deliverOutbox();
      return outcome;
    },
    intervalMs: 3_600_000,
    sweepEveryMs: 3_600_000,
    log: (message, details) => console.error(message, details),
  });
  return {
    api,
    clock,
    timers,
    runner,
    sent,
    advance: async (minutes) => {
      clock.advance(minutes);
      return runner.drain();
    },
    fire: async (payload) => {
      const outcome = await fireTimer(api.deps, payload);
      await api.deliverOutbox();
      return outcome;
    },
    timerNames: async () => (await api.allItems()).filter((item) => item.entity === "timer").map((item) => item.name).sort(),
  };
}

/** The e-mails to an address whose subject matches. */
export async function mailsTo(address: string, subject: RegExp = /.*/): Promise<StoredEmail[]> {
  return (await emailsTo(address)).filter((email) => subject.test(email.subject));
}

/**
 * The raw message last handed to the mailer for an address whose subject matches, parsed (headers the SES
 * emulator does not keep, like List-Unsubscribe; the outbox drops a message once it is sent).
 */
export async function parsedSentMail(life: Lifecycle, address: string, subject: RegExp) {
  for (const email of [...life.sent].reverse()) {
    if (email.to !== address) continue;
    const parsed = await new PostalMime().parse(email.raw);
    if (subject.test(parsed.subject ?? "")) return parsed;
  }
  throw new Error(`no mail to ${address} matching ${subject}`);
}

/** The links in an e-mail's HTML body. */
export function linksIn(email: StoredEmail): string[] {
  return [...(email.body.html ?? "").matchAll(/href="([^"]+)"/g)].map((match) => match[1]!.replaceAll("&amp;", "&"));
}

/** A link's token: in the fragment (#token=…) of a page link, in the query of an API link. */
export function tokenOf(url: string): string {
  const parsed = new URL(url);
  return new URLSearchParams(parsed.hash.slice(1)).get("token") ?? parsed.searchParams.get("token")!;
}
