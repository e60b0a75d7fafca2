// Clock (local): the local runtime's clock, which a person or a test can move forward to watch a day of
// timers fire in seconds (POST /api/_local/clock). One per process, shared by the API handler, the timer
// handler and the timer runner. It does not exist in the AWS stack.

import type { Clock } from "../../ports/clock";

export class MovableClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(minutes: number): Date {
    this.offsetMs += minutes * 60_000;
    return this.now();
  }

  get offsetMinutes(): number {
    return this.offsetMs / 60_000;
  }
}

export const movableClock = new MovableClock();
