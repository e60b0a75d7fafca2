// Port: the time. Core code never reads the clock; handlers ask this port and pass `now` in.
// Locally the clock can be moved forward (later issue); in Lambda it is the system clock.

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
