// Local runtime: routes that exist only on a laptop — the clock control (GET/POST /api/_local/clock) that
// moves local time forward and fires every timer that became due, so a day of reminders and follow-ups
// plays out in seconds (and the change stream is read up to date, so the mail the timers wrote is out and
// the insights show it). The AWS stack
// has no such thing.

import type { IncomingMessage, ServerResponse } from "node:http";
import type { MovableClock } from "../../functions/adapters/local/movable-clock";
import type { StreamRunner } from "./stream-runner";
import type { TimerRunner } from "./timer-runner";

const MAX_ADVANCE_MINUTES = 60 * 24 * 60;

export function localRoutes(clock: MovableClock, runner: TimerRunner, streams?: Pick<StreamRunner, "drain">) {
  return async (request: IncomingMessage, body: Buffer, response: ServerResponse): Promise<boolean> => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
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
