// `npm start` as a person runs it: a child process serving the page and the API on real engines.
import { DescribeTableCommand, DescribeTimeToLiveCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { tableDefinition } from "../../../functions/adapters/dynamodb/table-definition";
import { freePort } from "../../../infra/local/free-port";
import { cleanEnvironment, runRuntimeProcess, startRuntimeProcess } from "../../support/local-runtime-process";
import { remoteSolution } from "../../support/proof-of-work";
import { emailsTo } from "../../support/ses-store";
import { dynamoDbEndpoint, sesEndpoint } from "../../support/engines";

const tempDir = () => mkdtempSync(join(tmpdir(), "liveline-runtime-"));

async function bookFirstSlot(url: string, email: string, extra: Record<string, unknown> = {}) {
  // As the page: a challenge at load, the form sent no sooner than the server asks.
  const page = await remoteSolution(url);
  await new Promise((resolve) => setTimeout(resolve, page.minFormMs + 100));
  const lead = await fetch(`${url}/api/contact-requests`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "Nora North", email, timeZone: "Europe/Oslo", consent: true, ...extra, altcha: page.altcha }),
  });
  expect(lead.status).toBe(201);
  const { id, slots } = (await lead.json()) as { id: string; slots: { start: string }[] };
  expect(slots.length).toBeGreaterThan(0);
  const booking = await fetch(`${url}/api/bookings`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": randomUUID() },
    body: JSON.stringify({ offering: "live-demo", start: slots[0]!.start, name: "Nora North", email, timeZone: "Europe/Oslo", consent: true, contactRequestId: id, ...extra, altcha: (await remoteSolution(url, page.stamp)).altcha }),
  });
  expect(booking.status).toBe(201);
  return (await booking.json()) as { id: string; start: string; icsUrl: string };
}

describe("npm start", () => {
  it("serves the page and the API on the engines AWS_ENDPOINT_URL_* name, without starting its own", async () => {
    const port = await freePort();
    const demoPort = await freePort();
    const tableName = `runtime-${randomUUID()}`;
    const runtime = await startRuntimeProcess(
      cleanEnvironment({
        PORT: String(port),
        LIVELINE_DEMO_PORT: String(demoPort),
        TABLE_NAME: tableName,
        LIVELINE_DATA_DIR: tempDir(),
        AWS_ENDPOINT_URL_DYNAMODB: dynamoDbEndpoint(),
        AWS_ENDPOINT_URL_SESV2: sesEndpoint(),
      }),
    );
    try {
      expect(runtime.output()).toContain(`Booking page:   http://localhost:${port}/`);
      expect(runtime.output()).toContain(`DynamoDB:       ${dynamoDbEndpoint()}`);
      expect(runtime.output()).toContain(`E-mails go to:  ${sesEndpoint()}`);

      const page = await fetch(`http://localhost:${port}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("<html");
      expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");
      expect((await fetch(`http://localhost:${port}/app.js`)).status).toBe(200);
      expect(runtime.output()).toContain(`Webinars:       http://localhost:${port}/webinars`);
      const webinars = await fetch(`http://localhost:${port}/webinars`);
      expect(webinars.status).toBe(200);
      expect(await webinars.text()).toContain("webinars.js");
      expect((await fetch(`http://localhost:${port}/..%2fpackage.json`)).status).toBe(404);
      expect((await fetch(`http://localhost:${port}/embed.js`)).status).toBe(200);

      // The embed demo's host page, on its own port; the committed config allows only :3100, and says so.
      expect(runtime.output()).toContain(`Embed demo:     http://localhost:${demoPort}/  (not in embed.allowedOrigins`);
      const demo = await fetch(`http://localhost:${demoPort}/`);
      expect(await demo.text()).toContain(`<script src="http://localhost:${port}/embed.js" async></script>`);

      const email = `nora.${randomUUID()}@north.example`;
      const booking = await bookFirstSlot(`http://localhost:${port}`, email);
      // The invitation leaves moments after the answer: the runtime's outbox reader polls the table's stream.
      await expect.poll(async () => (await emailsTo(email)).length, { timeout: 10_000 }).toBe(1);
      const ics = await fetch(booking.icsUrl);
      expect(ics.status).toBe(200);
      expect(await ics.text()).toContain(`UID:${booking.id}@`);

      // The table was created from the shared definition.
      const client = new DynamoDBClient({ endpoint: dynamoDbEndpoint(), region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "x" } });
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      expect(Table?.KeySchema?.map((k) => k.AttributeName)).toEqual([tableDefinition.partitionKey.name, tableDefinition.sortKey.name]);
      expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName)).toEqual(tableDefinition.globalSecondaryIndexes.map((i) => i.indexName));
      const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
      expect(ttl.TimeToLiveDescription?.AttributeName).toBe(tableDefinition.timeToLiveAttribute);
    } finally {
      expect(await runtime.stop("SIGTERM")).toBe(0);
    }
    expect(runtime.output()).toContain("SIGTERM: stopping Liveline");
  });

  it("starts its own DynamoDB Local with a data folder, and a restart keeps every booking", async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const env = cleanEnvironment({ PORT: String(port), LIVELINE_DATA_DIR: dataDir, AWS_ENDPOINT_URL_SESV2: sesEndpoint() });
    const first = await startRuntimeProcess(env);
    let booking;
    try {
      expect(first.output()).toMatch(/DynamoDB:\s+http:\/\/127\.0\.0\.1:\d+ \(table liveline\)/);
      expect(first.output()).not.toContain(dynamoDbEndpoint());
      booking = await bookFirstSlot(`http://localhost:${port}`, `nora.${randomUUID()}@north.example`);
    } finally {
      expect(await first.stop("SIGINT")).toBe(0);
    }
    const second = await startRuntimeProcess(env);
    try {
      // The booking (and the signing secret behind its link) survived the restart.
      const ics = await fetch(booking.icsUrl);
      expect(ics.status).toBe(200);
      expect(await ics.text()).toContain(`UID:${booking.id}@`);
    } finally {
      await second.stop();
    }
    // Two starts of DynamoDB Local on a data folder: several seconds each on a busy 2-core machine.
  }, 90_000);

  it("exits with install advice when Java is missing", async () => {
    const bin = tempDir();
    mkdirSync(join(bin, "bin"));
    symlinkSync(process.execPath, join(bin, "bin", "node"));
    const result = await runRuntimeProcess(cleanEnvironment({ PATH: join(bin, "bin"), PORT: String(await freePort()), LIVELINE_DATA_DIR: tempDir(), AWS_ENDPOINT_URL_SESV2: sesEndpoint() }));
    expect(result.code).toBe(1);
    expect(result.output).toContain("DynamoDB Local needs Java");
    expect(result.output).toContain("apt-get install -y default-jre-headless");
  });

  it("exits naming each bad field when the config is invalid", async () => {
    const dir = tempDir();
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ company: { name: "X" }, sender: { name: "X", email: "x@x.example" }, reps: [{ id: "a", name: "A", email: "a@x.example", timeZone: "Moon/Base", workingHours: {} }], offerings: [] }));
    const result = await runRuntimeProcess(cleanEnvironment({ LIVELINE_CONFIG: file, PORT: String(await freePort()), LIVELINE_DATA_DIR: dir }));
    expect(result.code).toBe(1);
    expect(result.output).toContain(`${file} is not valid`);
    expect(result.output).toContain("reps[0].timeZone");
    expect(result.output).toContain("offerings: must list at least one offering");
  });

  it("moves local time forward on request and fires every timer that became due; texts land in the local sink, and a reply (HELP) plays", async () => {
    const port = await freePort();
    const runtime = await startRuntimeProcess(
      cleanEnvironment({ PORT: String(port), TABLE_NAME: `clock-${randomUUID()}`, LIVELINE_DATA_DIR: tempDir(), AWS_ENDPOINT_URL_DYNAMODB: dynamoDbEndpoint(), AWS_ENDPOINT_URL_SESV2: sesEndpoint() }),
    );
    try {
      expect(runtime.output()).toContain(`Local clock:    http://localhost:${port}/_local/`);
      const page = await fetch(`http://localhost:${port}/_local/`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain("Local clock");
      expect(html).toContain("Texts sent");
      const email = `clock.${randomUUID()}@north.example`;
      // A unique number per run: the table (and what it remembers per number) may be shared.
      const phone = `+4791${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;
      const booked = await bookFirstSlot(`http://localhost:${port}`, email, { phone, smsConsent: true });
      const before = (await (await fetch(`http://localhost:${port}/api/_local/clock`)).json()) as { now: string; offsetMinutes: number };
      expect(before.offsetMinutes).toBe(0);
      const bad = await fetch(`http://localhost:${port}/api/_local/clock`, { method: "POST", body: JSON.stringify({ advanceMinutes: -5 }) });
      expect(bad.status).toBe(422);
      const advance = async (minutes: number) => (await (await fetch(`http://localhost:${port}/api/_local/clock`, { method: "POST", body: JSON.stringify({ advanceMinutes: minutes }) })).json()) as { now: string; offsetMinutes: number; fired: number };
      // To the hour-before reminder (a reminder reached in one jump past its deadline would be skipped), then three days on.
      const toReminder = Math.ceil((Date.parse(booked.start) - 60 * 60_000 - Date.parse(before.now)) / 60_000);
      const first = await advance(toReminder);
      const state = await advance(3 * 24 * 60);
      expect(state.offsetMinutes).toBe(toReminder + 3 * 24 * 60);
      expect(Date.parse(state.now) - Date.parse(before.now)).toBeGreaterThanOrEqual(3 * 24 * 3_600_000);
      // Reminders, prep note, call-back prompt, feedback request (and possibly the escalation).
      expect(first.fired + state.fired).toBeGreaterThanOrEqual(4);
      const subjects = (await emailsTo(email)).map((mail) => mail.subject);
      expect(subjects.some((subject) => /^In (1 hour|59 minutes)/.test(subject))).toBe(true);
      expect(subjects.some((subject) => subject.startsWith("How was your demo"))).toBe(true);
      const texts = async () => ((await (await fetch(`http://localhost:${port}/api/_local/texts`)).json()) as { texts: { to: string; body: string; at: string }[] }).texts.filter((text) => text.to === phone);
      // The reminder text may have been left out (the first slot's hour-before can fall in Oslo's quiet hours);
      // whatever the sink holds is a text to this number ending with the opt-out line.
      for (const text of await texts()) expect(text.body).toMatch(/\nReply STOP to opt out$/);
      const inbound = (body: unknown) => fetch(`http://localhost:${port}/api/_local/texts/inbound`, { method: "POST", body: JSON.stringify(body) });
      expect((await inbound({ from: phone })).status).toBe(422);
      const help = await inbound({ from: phone, body: "HELP" });
      expect(help.status).toBe(200);
      expect(await help.json()).toEqual({ outcomes: ["help"] });
      expect((await texts()).filter((text) => text.body.startsWith("Acme Analytics: texts about your demo with us. Help: "))).toHaveLength(1);
    } finally {
      await runtime.stop();
    }
  });
});
