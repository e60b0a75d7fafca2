// Chaos: DynamoDB Local stopped and started again in the middle of a burst of bookings. Every request
// answers 201, 409 or 503 with Retry-After, none waits past 10 s, nothing is half-written, and every
// booking's invitations go out once the table is back.

import { DynamoDBDocumentClient, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDynamoDbClient } from "../../functions/handlers/handler-dependencies";
import { createHttpApiHandler } from "../../functions/handlers/http/http-api-handler";
import { apiRoutes } from "../../functions/handlers/http/api-routes";
import { fireTimer } from "../../functions/use-cases/timers/fire-timer";
import { ensureTable } from "../../infra/local/create-table";
import { startDynamoDbLocal, type RunningEngine } from "../../infra/local/dynamodb-local";
import { freePort } from "../../infra/local/free-port";
import { TestClock } from "../support/lifecycle-harness";
import { emailsTo } from "../support/ses-store";
import { freshSolution } from "../support/proof-of-work";
import { createTestApi, httpEvent } from "../support/test-api";

const dataDir = mkdtempSync(join(tmpdir(), "liveline-chaos-"));
let engine: RunningEngine | undefined;
afterAll(async () => {
  await engine?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("DynamoDB Local restarted during a booking burst", () => {
  it("answers every request with 201, 409 or 503 in time, writes whole bookings only, and mails each of them", async () => {
    const port = await freePort();
    engine = await startDynamoDbLocal({ port, dataDir });
    const client = createDynamoDbClient(engine.endpoint);
    const clock = new TestClock(new Date("2026-11-30T06:00:00Z"));
    const api = await createTestApi({ clock, dynamoDb: client });
    await ensureTable(client, api.tableName);

    // Daytime slots in UTC: offered to a prospect in UTC whatever their reasonable hours are.
    const slots = ((await api.call("GET", "/api/slots?offering=live-demo&from=2026-12-01&to=2026-12-03&timeZone=UTC")).json.slots as { start: string }[])
      .map((slot) => slot.start)
      .filter((start) => Number(start.slice(11, 13)) >= 9 && Number(start.slice(11, 13)) < 17);
    expect(slots.length).toBeGreaterThan(10);
    const stamp = Date.now();
    const answers: { status: number; retryAfter?: string; ms: number; email: string }[] = [];
    const handler = createHttpApiHandler(api.deps, apiRoutes);
    const inFlight: Promise<void>[] = [];
    const book = (i: number) => {
      // Two requests per slot: a winner and a loser each, unless the table is away.
      const body = { offering: "live-demo", start: slots[Math.floor(i / 2) % slots.length], name: `Burst ${i}`, email: `burst${i}.${stamp}@chaos.example`, timeZone: "UTC", consent: true };
      // The request path alone (the handler, as API Gateway calls it): the outbox is read off the stream later.
      // The page's proof of work comes first, as the page solves it before it sends.
      inFlight.push(
        freshSolution((path) => api.call("GET", path), api.deps).then(async (altcha) => {
          const started = Date.now();
          const response = await handler(httpEvent("POST", "/api/bookings", { ...body, altcha }));
          answers.push({ status: response.statusCode, retryAfter: response.headers?.["retry-after"], ms: Date.now() - started, email: body.email });
        }),
      );
    };
    // A request every 100 ms; the table goes away after 0.5 s and comes back 1.5 s later (plus its start-up,
    // several seconds on a busy machine); the burst goes on until eight requests went out after the restart.
    let restarted = false;
    const outage = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await engine!.stop();
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      engine = await startDynamoDbLocal({ port, dataDir });
      restarted = true;
    })();
    let sentAfterRestart = 0;
    for (let i = 0; sentAfterRestart < 8 && i < 300; i++) {
      book(i);
      if (restarted) sentAfterRestart++;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await outage;
    await Promise.all(inFlight);

    for (const answer of answers) {
      expect([201, 409, 503], JSON.stringify(answer)).toContain(answer.status);
      if (answer.status === 503) expect(Number(answer.retryAfter)).toBeGreaterThan(0);
      expect(answer.ms).toBeLessThan(10_000);
    }
    expect(answers.filter((a) => a.status === 503).length, "the outage was felt").toBeGreaterThan(0);
    expect(answers.filter((a) => a.status === 201).length, "bookings went through around it").toBeGreaterThan(0);

    // Whole bookings only: every booking has its lock cells and outbox items, every lock cell a booking.
    const documents = DynamoDBDocumentClient.from(client);
    const items = (await documents.send(new ScanCommand({ TableName: api.tableName, ConsistentRead: true }))).Items ?? [];
    const bookings = items.filter((item) => item.sk === "BOOKING");
    const bookingIds = new Set(bookings.map((b) => b.id as string));
    const locks = items.filter((item) => typeof item.sk === "string" && item.sk.startsWith("SLOT#"));
    expect(locks.length).toBeGreaterThan(0);
    for (const lock of locks) expect(bookingIds.has(lock.bookingId as string), JSON.stringify(lock)).toBe(true);
    for (const booking of bookings) {
      expect(locks.some((lock) => lock.bookingId === booking.id), `locks of ${booking.id}`).toBe(true);
      expect(items.some((item) => item.pk === booking.pk && String(item.sk).startsWith("OUTBOX#invitation-prospect")), `outbox of ${booking.id}`).toBe(true);
    }
    // Every 201 is a booking in the table; 503s may or may not have booked, but never half.
    const booked = new Set(bookings.map((b) => (b.prospect as { email: string }).email));
    for (const answer of answers.filter((a) => a.status === 201)) expect(booked.has(answer.email)).toBe(true);

    // The outbox function reads the bookings off the stream; the sweep after the restart sends what the outage
    // held back: one invitation per booking, no more.
    await api.deliverOutbox();
    clock.advance(2);
    await fireTimer(api.deps, { kind: "outbox-sweep" });
    await fireTimer(api.deps, { kind: "outbox-sweep" });
    for (const email of booked) expect(await emailsTo(email), email).toHaveLength(1);
  });
});
