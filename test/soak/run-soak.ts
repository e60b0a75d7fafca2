// Soak: `npm run soak [-- --minutes 10 --rate 6]` — `npm start` as a person runs it, and mixed traffic at a
// fixed rate for a while: slots, bookings, reschedules, webinar registrations, call outcomes, and the local
// clock moved so timers fire. Prints p50/p99 and 5xx per minute, and the runtime's memory (its Node
// processes' resident set, Linux /proc) at the start, each minute and the end. Not part of `npm test`.

import { readdirSync, readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { freePort } from "../../infra/local/free-port";
import { cleanEnvironment, startRuntimeProcess } from "../support/local-runtime-process";

const { values } = parseArgs({ options: { minutes: { type: "string", default: "10" }, rate: { type: "string", default: "6" } } });
const minutes = Number(values.minutes);
const ratePerSecond = Number(values.rate);
if (!(minutes > 0 && ratePerSecond > 0)) throw new Error("--minutes and --rate must be positive numbers");

type Operation = "slots" | "book" | "reschedule" | "register" | "outcome" | "clock";
const MIX: Operation[] = ["slots", "slots", "book", "book", "reschedule", "register", "outcome", "clock"];
const REP_TOKEN = "local-token-maya";

interface Sample {
  minute: number;
  operation: Operation;
  status: number;
  ms: number;
}

const port = await freePort();
const runtime = await startRuntimeProcess(
  cleanEnvironment({ PORT: String(port), LIVELINE_DATA_DIR: mkdtempSync(join(tmpdir(), "liveline-soak-")), LIVELINE_SES_PORT: String(await freePort()), LOG_LEVEL: "warn" }),
);
const site = `http://localhost:${port}`;
const samples: Sample[] = [];
const booked: { id: string; token: string }[] = [];
let sequence = 0;
let startedAt = Date.now();

async function call(operation: Operation, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<any> {
  const started = performance.now();
  let status = 0;
  let json: any;
  try {
    const response = await fetch(`${site}${path}`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    status = response.status;
    json = await response.json().catch(() => undefined);
  } catch {
    status = 599; // no answer within 30 s, or the connection failed: counted with the 5xx
  }
  samples.push({ minute: Math.floor((Date.now() - startedAt) / 60_000), operation, status, ms: performance.now() - started });
  return json;
}

/** The token of a link, whether it travels in the query or in the fragment. */
function tokenOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const parsed = new URL(url);
  return parsed.searchParams.get("token") ?? new URLSearchParams(parsed.hash.slice(1)).get("token") ?? undefined;
}

async function freeStarts(): Promise<string[]> {
  const now = (await call("clock", "GET", "/api/_local/clock"))?.now ?? new Date().toISOString();
  const from = new Date(Date.parse(now) + 86_400_000).toISOString().slice(0, 10);
  const listing = await call("slots", "GET", `/api/slots?offering=live-demo&from=${from}&timeZone=America/Chicago`);
  return ((listing?.slots ?? []) as { start: string }[]).map((slot) => slot.start);
}

async function run(operation: Operation): Promise<void> {
  const n = ++sequence;
  const person = { name: `Soak Person ${n}`, email: `soak${n}.${startedAt}@soak.example`, timeZone: "America/Chicago", consent: true, phone: "+1 312 555 0100" };
  switch (operation) {
    case "slots":
      await freeStarts();
      return;
    case "book": {
      const starts = await freeStarts();
      const start = starts[n % Math.max(starts.length, 1)];
      if (!start) return;
      const confirmation = await call("book", "POST", "/api/bookings", { offering: "live-demo", start, ...person });
      const token = tokenOf(confirmation?.manageUrl);
      if (confirmation?.id && token) booked.push({ id: confirmation.id, token });
      return;
    }
    case "reschedule": {
      const booking = booked.shift();
      if (!booking) return;
      const options = await call("reschedule", "GET", `/api/bookings/${booking.id}/slots?timeZone=America/Chicago&token=${encodeURIComponent(booking.token)}`);
      const start = (options?.slots as { start: string }[] | undefined)?.at(-1)?.start;
      if (start) await call("reschedule", "POST", `/api/bookings/${booking.id}/reschedule?token=${encodeURIComponent(booking.token)}`, { start, token: booking.token });
      return;
    }
    case "register": {
      const sessions = await call("register", "GET", "/api/webinars?timeZone=Europe/London");
      const session = (sessions?.sessions as { id: string }[] | undefined)?.[n % 3];
      if (session) await call("register", "POST", `/api/webinars/${session.id}/registrations`, { ...person, colleagues: [] });
      return;
    }
    case "outcome": {
      const list = await call("outcome", "GET", "/api/reps/maya/follow-ups", undefined, { authorization: `Bearer ${REP_TOKEN}` });
      const prompt = ((list?.followUps ?? list?.items ?? []) as { leadId: string; promptId: string }[])[0];
      if (prompt) await call("outcome", "POST", `/api/reps/maya/follow-ups/${prompt.leadId}/${prompt.promptId}/outcome`, { outcome: "voicemail" }, { authorization: `Bearer ${REP_TOKEN}` });
      return;
    }
    case "clock":
      await call("clock", "POST", "/api/_local/clock", { advanceMinutes: 30 });
      return;
  }
}

/** Resident memory of the runtime's Node processes (not DynamoDB Local's Java), in MB. */
function runtimeMemoryMb(rootPid: number): number {
  const parents = new Map<number, number>();
  const names = new Map<number, string>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(entry), ppid);
      names.set(Number(entry), name);
    } catch {
      // the process ended while we looked
    }
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents) if (tree.has(ppid) && !tree.has(pid)) tree.add(pid), (grew = true);
  }
  let kb = 0;
  for (const pid of tree) {
    if (names.get(pid) !== "node") continue;
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    kb += Number(match?.[1] ?? 0);
  }
  return kb / 1024;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const rootPid = runtime.child.pid!;
try {
  // Warm up, so the start figure is the running product's and not a cold one.
  for (const operation of MIX) await run(operation);
  samples.length = 0;
  startedAt = Date.now();
  const memory = [runtimeMemoryMb(rootPid)];
  console.log(`soak: ${minutes} min at ${ratePerSecond} requests/s (mix ${MIX.join(", ")}); runtime memory at start=${memory[0]!.toFixed(1)} MB`);
  const inFlight = new Set<Promise<void>>();
  const intervalMs = 1000 / ratePerSecond;
  let reported = 0;
  for (let tick = 0; Date.now() - startedAt < minutes * 60_000; tick++) {
    const task = run(MIX[tick % MIX.length]!).finally(() => inFlight.delete(task));
    inFlight.add(task);
    const minute = Math.floor((Date.now() - startedAt) / 60_000);
    if (minute > reported) {
      memory.push(runtimeMemoryMb(rootPid));
      report(reported, memory.at(-1)!);
      reported = minute;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startedAt + (tick + 1) * intervalMs - Date.now())));
  }
  await Promise.all(inFlight);
  memory.push(runtimeMemoryMb(rootPid));
  report(reported, memory.at(-1)!);
  const all = samples.map((s) => s.ms).sort((a, b) => a - b);
  const errors = samples.filter((s) => s.status >= 500).length;
  console.log(`soak total: requests=${samples.length} p50=${percentile(all, 50).toFixed(1)} ms p99=${percentile(all, 99).toFixed(1)} ms 5xx=${errors}`);
  const byOperation = new Map<string, Map<number, number>>();
  for (const sample of samples) {
    const statuses = byOperation.get(sample.operation) ?? new Map<number, number>();
    statuses.set(sample.status, (statuses.get(sample.status) ?? 0) + 1);
    byOperation.set(sample.operation, statuses);
  }
  for (const [operation, statuses] of byOperation) {
    console.log(`soak ${operation}: ${[...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`).join(" ")}`);
  }
  console.log(`soak memory: start=${memory[0]!.toFixed(1)} MB end=${memory.at(-1)!.toFixed(1)} MB max=${Math.max(...memory).toFixed(1)} MB`);
} finally {
  await runtime.stop();
}

function report(minute: number, memoryMb: number): void {
  const inMinute = samples.filter((s) => s.minute === minute);
  const times = inMinute.map((s) => s.ms).sort((a, b) => a - b);
  const errors = inMinute.filter((s) => s.status >= 500).length;
  console.log(`soak minute ${minute + 1}: requests=${inMinute.length} p50=${percentile(times, 50).toFixed(1)} ms p99=${percentile(times, 99).toFixed(1)} ms 5xx=${errors} memory=${memoryMb.toFixed(1)} MB`);
}
