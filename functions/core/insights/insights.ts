// Core: insights — what one lead's log adds to the counters. A lead's contribution is a pure function of
// the lead and its events (sorted, so their arrival order does not matter); the aggregator stores the last
// contribution it applied per lead and adds only the difference, and the rebuild sums every lead's
// contribution afresh: both call this one function, which is why incremental equals rebuilt exactly.

import type { LeadEvent, LeadSource } from "../bookings/booking";

/** What of a lead the figures read: never the person, only when, what and from where. */
export interface InsightsLead {
  id: string;
  createdAt: string;
  offeringId: string;
  source?: LeadSource;
}

export type Counters = Record<string, number>;
/** Counter rows by row key (`<scope>|<bucket>`, see counterRowKey): the rollups a lead adds to. */
export type CounterRows = Record<string, Counters>;

/** Bucket width: every zone's offset today is a multiple of 15 minutes, so local days are unions of buckets. */
export const BUCKET_MINUTES = 15;
const BUCKET_MS = BUCKET_MINUTES * 60_000;
const DAY_MS = 86_400_000;
/** "Booked within 7 days" of the request. */
export const BOOKING_WINDOW_DAYS = 7;
/** Not assigned to a rep (yet): a request no booking or call prompt has reached. */
export const UNASSIGNED_REP = "-";
export const DIRECT_SOURCE = "direct";

/**
 * Speed-to-lead histogram: bucket i holds speeds in (bound[i-1], bound[i]] minutes (bucket 0: [0, 1]); the
 * last bucket holds everything above the last bound. 5, 60 and 1440 are bounds, so the shares reached
 * within 5 minutes, an hour and a day are exact; a median or p90 is reported as its bucket's upper bound.
 */
export const SPEED_BOUNDS_MINUTES = [1, 2, 3, 4, 5, 7, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 1080, 1440, 2160, 2880, 4320, 7200, 10080, 20160] as const;
/** Days from request to converted: one bucket per whole day, the last holds this many days and more. */
export const CONVERT_DAYS_CAP = 90;

/** Call outcomes that mean a person answered. */
export const REACHED_OUTCOMES: ReadonlySet<string> = new Set(["reached", "converted", "not_interested", "wants_another_demo"]);

/** The counters, by name. Histogram buckets are `s<i>` (speed) and `c<days>` (days to convert). */
export const COUNTER = {
  requests: "requests",
  booked7d: "booked7d",
  reached: "reached",
  within5m: "within5m",
  within1h: "within1h",
  within1d: "within1d",
  bookings: "bookings",
  demosAttended: "demosAttended",
  noShows: "noShows",
  calls: "calls",
  callsReached: "callsReached",
  voicemails: "voicemails",
  noAnswers: "noAnswers",
  converted: "converted",
  demoLeads: "demoLeads",
  /** Webinars: people seated for a session (each person and session once), of whom colleagues a registrant brought. */
  webinarRegistered: "webinarRegistered",
  webinarColleagues: "webinarColleagues",
  /** People who joined a session, and of them those who stayed engaged (the webinar's stayedShareAtLeast). */
  webinarAttended: "webinarAttended",
  webinarStayed: "webinarStayed",
} as const;
export const speedCounter = (bucket: number) => `s${bucket}`;
export const convertCounter = (days: number) => `c${days}`;

export interface Cell {
  /** Start of the UTC quarter hour, "2026-12-01T16:15". */
  bucket: string;
  rep: string;
  offering: string;
  source: string;
}

/**
 * The rollup a reader's filter reads: the team ("ALL"), a rep, an offering, or a rep and offering — or,
 * with `bySource`, the same split by source ("SOURCE", "REP#…#SOURCE", …), whose rows carry the source
 * after the bucket ("2026-12-01T16:15#google"): sources are not known in advance, so one partition holds
 * them all and a range's Query returns each source's rows.
 */
export function scopeFor(rep: string | undefined, offering: string | undefined, bySource = false): string {
  const base = rep && offering ? `REP#${rep}#OFFERING#${offering}` : rep ? `REP#${rep}` : offering ? `OFFERING#${offering}` : "ALL";
  if (!bySource) return base;
  return base === "ALL" ? "SOURCE" : `${base}#SOURCE`;
}

/** The source a source-split row holds (after the bucket), or undefined for a plain row. */
export function sourceOfBucket(bucket: string): string | undefined {
  const at = bucket.indexOf("#");
  return at === -1 ? undefined : bucket.slice(at + 1);
}

/** The rollups one cell is counted in: the team, its rep, its offering, both — each whole and split by source. */
export function scopesOf(cell: Cell): { scope: string; bucket: string }[] {
  const filters: [string | undefined, string | undefined][] = [[undefined, undefined], [cell.rep, undefined], [undefined, cell.offering], [cell.rep, cell.offering]];
  return filters.flatMap(([rep, offering]) => [
    { scope: scopeFor(rep, offering), bucket: cell.bucket },
    { scope: scopeFor(rep, offering, true), bucket: `${cell.bucket}#${cell.source}` },
  ]);
}

export const counterRowKey = (scope: string, bucket: string) => `${scope}|${bucket}`;
export function parseCounterRowKey(key: string): { scope: string; bucket: string } {
  const at = key.lastIndexOf("|");
  return { scope: key.slice(0, at), bucket: key.slice(at + 1) };
}

export function bucketOf(instant: number): string {
  return new Date(Math.floor(instant / BUCKET_MS) * BUCKET_MS).toISOString().slice(0, 16);
}

export function speedBucket(minutes: number): number {
  const index = SPEED_BOUNDS_MINUTES.findIndex((bound) => minutes <= bound);
  return index === -1 ? SPEED_BOUNDS_MINUTES.length : index;
}

/** The source a lead is counted under: utm_source, else the referring page's host, else "direct". */
export function sourceKey(source: LeadSource | undefined): string {
  const raw = source?.utmSource?.trim() || hostOf(source?.referrer) || DIRECT_SOURCE;
  // Free text from a web form: lower case, no key separators, bounded.
  return raw.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").slice(0, 64) || DIRECT_SOURCE;
}

function hostOf(referrer: string | undefined): string | undefined {
  if (!referrer) return undefined;
  try {
    return new URL(referrer).hostname.replace(/^www\./, "") || undefined;
  } catch {
    return undefined;
  }
}

interface BookingFacts {
  repId: string;
  offeringId: string;
  start?: string;
}

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/** The lead's whole contribution; none for a lead that no longer exists (erased). */
export function leadContribution(lead: InsightsLead | undefined, events: readonly LeadEvent[]): CounterRows {
  if (!lead) return {};
  const sorted = [...events].sort(compareEvents);
  const created = Date.parse(lead.createdAt);
  const source = sourceKey(lead.source);
  const bookings = new Map<string, BookingFacts>();
  const callReps = new Map<string, string>();
  const rows: CounterRows = {};
  const add = (at: number, rep: string, offering: string, counter: string) => {
    for (const { scope, bucket } of scopesOf({ bucket: bucketOf(at), rep, offering, source })) {
      const row = (rows[counterRowKey(scope, bucket)] ??= {});
      row[counter] = (row[counter] ?? 0) + 1;
    }
  };

  // Webinar sessions, each counted once per person: seated when, brought by a colleague, attended when and stayed.
  const sessions = new Map<string, { seatedAt?: number; colleague: boolean; attendedAt?: number; stayed: boolean }>();
  const session = (data: Record<string, unknown>) => {
    const id = text(data.sessionId) ?? "";
    return sessions.get(id) ?? sessions.set(id, { colleague: false, stayed: false }).get(id)!;
  };
  let owner: string | undefined;
  let firstContact: number | undefined;
  let bookedInWindow = false;
  let hadDemo = false;
  for (const event of sorted) {
    const at = Date.parse(event.at);
    const data = event.data ?? {};
    switch (event.kind) {
      case "booked": {
        const facts = { repId: text(data.repId) ?? UNASSIGNED_REP, offeringId: text(data.offeringId) ?? lead.offeringId, start: text(data.start) };
        bookings.set(text(data.bookingId) ?? event.ref ?? "", facts);
        owner ??= facts.repId;
        if (at - created <= BOOKING_WINDOW_DAYS * DAY_MS) bookedInWindow = true;
        add(at, facts.repId, facts.offeringId, COUNTER.bookings);
        break;
      }
      case "rescheduled": {
        const facts = bookings.get(text(data.bookingId) ?? "");
        if (facts) bookings.set(text(data.bookingId)!, { ...facts, start: text(data.to) ?? facts.start, repId: text(data.repId) ?? facts.repId });
        break;
      }
      case "call_prompted":
        owner ??= text(data.repId);
        break;
      case "registered":
      case "waitlisted":
      case "promoted_from_waitlist": {
        const seat = session(data);
        if (text(data.invitedBy)) seat.colleague = true;
        if (event.kind !== "waitlisted") seat.seatedAt ??= at;
        break;
      }
      case "attended":
      case "no_show": {
        // Webinar attendance names a session, a demo's a booking.
        if (text(data.sessionId)) {
          if (event.kind !== "attended") break;
          const seat = session(data);
          seat.attendedAt ??= at;
          if (data.stayed === true) seat.stayed = true;
          break;
        }
        const facts = bookings.get(text(data.bookingId) ?? "");
        if (!facts) break;
        add(at, facts.repId, facts.offeringId, event.kind === "attended" ? COUNTER.demosAttended : COUNTER.noShows);
        if (event.kind !== "attended") break;
        // The live contact happened when the demo began, not when attendance was logged.
        const began = facts.start ? Date.parse(facts.start) : at;
        firstContact = Math.min(firstContact ?? began, began);
        if (!hadDemo) add(at, facts.repId, facts.offeringId, COUNTER.demoLeads);
        hadDemo = true;
        break;
      }
      case "call_attempt": {
        const rep = text(data.repId) ?? owner ?? UNASSIGNED_REP;
        const outcome = text(data.outcome) ?? "";
        owner ??= rep;
        callReps.set(event.ref ?? "", rep);
        add(at, rep, lead.offeringId, COUNTER.calls);
        if (REACHED_OUTCOMES.has(outcome)) {
          add(at, rep, lead.offeringId, COUNTER.callsReached);
          firstContact = Math.min(firstContact ?? at, at);
        }
        if (outcome === "voicemail") add(at, rep, lead.offeringId, COUNTER.voicemails);
        if (outcome === "no_answer") add(at, rep, lead.offeringId, COUNTER.noAnswers);
        break;
      }
      case "converted": {
        const rep = callReps.get(event.ref ?? "") ?? owner ?? UNASSIGNED_REP;
        add(at, rep, lead.offeringId, COUNTER.converted);
        add(at, rep, lead.offeringId, convertCounter(Math.min(CONVERT_DAYS_CAP, Math.max(0, Math.floor((at - created) / DAY_MS)))));
        break;
      }
    }
  }

  // The request's own figures count on the day it came in, under the rep who first took it on.
  const rep = owner ?? UNASSIGNED_REP;
  // A webinar's figures count when the person was seated and when they attended, under that same rep.
  for (const seat of sessions.values()) {
    if (seat.seatedAt !== undefined) {
      add(seat.seatedAt, rep, lead.offeringId, COUNTER.webinarRegistered);
      if (seat.colleague) add(seat.seatedAt, rep, lead.offeringId, COUNTER.webinarColleagues);
    }
    if (seat.attendedAt === undefined) continue;
    add(seat.attendedAt, rep, lead.offeringId, COUNTER.webinarAttended);
    if (seat.stayed) add(seat.attendedAt, rep, lead.offeringId, COUNTER.webinarStayed);
  }
  add(created, rep, lead.offeringId, COUNTER.requests);
  if (bookedInWindow) add(created, rep, lead.offeringId, COUNTER.booked7d);
  if (firstContact !== undefined) {
    const minutes = Math.max(0, firstContact - created) / 60_000;
    add(created, rep, lead.offeringId, COUNTER.reached);
    add(created, rep, lead.offeringId, speedCounter(speedBucket(minutes)));
    if (minutes <= 5) add(created, rep, lead.offeringId, COUNTER.within5m);
    if (minutes <= 60) add(created, rep, lead.offeringId, COUNTER.within1h);
    if (minutes <= 1440) add(created, rep, lead.offeringId, COUNTER.within1d);
  }
  return rows;
}

/** The log's own order: time, then kind and ref (the sort key of an event item). */
function compareEvents(a: LeadEvent, b: LeadEvent): number {
  return a.at.localeCompare(b.at) || a.kind.localeCompare(b.kind) || (a.ref ?? "").localeCompare(b.ref ?? "");
}

/** What to add to each row to go from one contribution to the next; rows and counters that do not change are left out. */
export function rowDeltas(before: CounterRows, after: CounterRows): CounterRows {
  const deltas: CounterRows = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const from = before[key] ?? {};
    const to = after[key] ?? {};
    for (const counter of new Set([...Object.keys(from), ...Object.keys(to)])) {
      const delta = (to[counter] ?? 0) - (from[counter] ?? 0);
      if (delta !== 0) (deltas[key] ??= {})[counter] = delta;
    }
  }
  return deltas;
}

/** Adds `more` into `into` (the rebuild sums every lead's rows this way). */
export function addRows(into: CounterRows, more: CounterRows): CounterRows {
  for (const [key, counters] of Object.entries(more)) {
    const row = (into[key] ??= {});
    for (const [counter, value] of Object.entries(counters)) row[counter] = (row[counter] ?? 0) + value;
  }
  return into;
}
