// Local runtime: routes that exist only on a laptop — the clock control (GET/POST /api/_local/clock) that
// moves local time forward and fires every timer that became due, so a day of reminders and follow-ups
// plays out in seconds (and the change stream is read up to date, so the mail the timers wrote is out and
// the insights show it); the text sink (GET /api/_local/texts: every text sent, `{ texts: [{ to, body, at }] }`)
// and a prospect's reply played through the inbound-text handler (POST /api/_local/texts/inbound
// `{ from, body }`). The AWS stack has no such thing.

import type { IncomingMessage, ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import type { MovableClock } from "../../functions/adapters/local/movable-clock";
import type { SunkText } from "../../functions/adapters/local/text-sink.dynamodb";
import type { SnsEvent } from "../../functions/handlers/text-inbound";
import type { StreamRunner } from "./stream-runner";
import type { TimerRunner } from "./timer-runner";

const MAX_ADVANCE_MINUTES = 60 * 24 * 60;

/** The local text sink's list, and the inbound-text handler given the SNS event a reply would make. */
export interface LocalTexts {
  list(): Promise<SunkText[]>;
  inbound(event: SnsEvent): Promise<unknown>;
}

export function localRoutes(clock: MovableClock, runner: TimerRunner, streams?: Pick<StreamRunner, "drain">, texts?: LocalTexts) {
  return async (request: IncomingMessage, body: Buffer, response: ServerResponse): Promise<boolean> => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (texts && (path === "/api/_local/texts" || path === "/api/_local/texts/inbound")) {
      await textRoute(path, request, body, response, clock, texts, streams);
      return true;
    }
    if (path !== "/api/_local/clock") return false;
    if (request.method === "GET") {
      send(response, 200, state(clock));
      return true;
    }
    if (request.method !== "POST") {
      send(response, 405, { error: { code: "method_not_allowed", message: "Use GET or POST." } });
      return true;
    }
    const minutes = advanceMinutes(body);
    if (minutes === undefined) {
      send(response, 422, { error: { code: "invalid_input", message: `advanceMinutes must be a whole number from 1 to ${MAX_ADVANCE_MINUTES}.`, field: "advanceMinutes" } });
      return true;
    }
    // What earlier requests wrote to the outbox (a booking's timers) is in place before time moves; what the
    // timers wrote is performed before the answer.
    await streams?.drain();
    clock.advance(minutes);
    const fired = await runner.drain();
    await streams?.drain();
    send(response, 200, { ...state(clock), fired });
    return true;
  };
}

async function textRoute(path: string, request: IncomingMessage, body: Buffer, response: ServerResponse, clock: MovableClock, texts: LocalTexts, streams?: Pick<StreamRunner, "drain">): Promise<void> {
  const method = path === "/api/_local/texts" ? "GET" : "POST";
  if (request.method !== method) {
    send(response, 405, { error: { code: "method_not_allowed", message: `Use ${method}.` } });
    return;
  }
  if (method === "GET") {
    // What the outbox has yet to send is sent first, as the clock route does.
    await streams?.drain();
    send(response, 200, { texts: await texts.list() });
    return;
  }
  const reply = inboundReply(body);
  if (typeof reply === "string") {
    send(response, 422, { error: { code: "invalid_input", message: `${reply} must be a non-empty string.`, field: reply } });
    return;
  }
  const id = randomUUID();
  const message = { originationNumber: reply.from, destinationNumber: LOCAL_ORIGINATION_NUMBER, messageBody: reply.body, inboundMessageId: id };
  const result = await texts.inbound({ Records: [{ EventSource: "aws:sns", Sns: { MessageId: id, TopicArn: "arn:aws:sns:local:000000000000:liveline-inbound-texts", Message: JSON.stringify(message), Timestamp: clock.now().toISOString() } }] });
  // The HELP answer or the rep's e-mail it enqueued is out before the answer.
  await streams?.drain();
  send(response, 200, result);
}

/** The number a local text seems to come from (the 555 range is fictional). */
const LOCAL_ORIGINATION_NUMBER = "+15555550100";

function inboundReply(body: Buffer): { from: string; body: string } | "from" | "body" {
  let value: { from?: unknown; body?: unknown } = {};
  try {
    value = JSON.parse(body.toString("utf8") || "{}") as typeof value;
  } catch {
    return "body";
  }
  if (typeof value.from !== "string" || value.from.trim() === "") return "from";
  if (typeof value.body !== "string" || value.body === "") return "body";
  return { from: value.from, body: value.body };
}

function advanceMinutes(body: Buffer): number | undefined {
  try {
    const value = (JSON.parse(body.toString("utf8") || "{}") as { advanceMinutes?: unknown }).advanceMinutes;
    return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_ADVANCE_MINUTES ? (value as number) : undefined;
  } catch {
    return undefined;
  }
}

function state(clock: MovableClock) {
  return { now: clock.now().toISOString(), offsetMinutes: clock.offsetMinutes };
}

function send(response: ServerResponse, status: number, json: unknown): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  response.end(JSON.stringify(json));
}
