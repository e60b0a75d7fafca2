// End to end: the insights figures of a known history built through the public API on `npm start` and its
// local clock — seven contact requests (four called back: reached, voicemail, no answer, wrong number; three
// booked: attended and converted, no-show, attended and reached) — asserted exactly in GET /api/insights
// and in GET /api/insights.csv. Expected figures come from this file's own arithmetic on the times the API
// reports (when each call and demo happened), with the histogram bounds the README documents.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SPEED_BOUNDS_MINUTES } from "../../functions/core/insights/insights";
import { callApi, startE2eSite, type E2eSite } from "./e2e-site";

const MANAGER = { authorization: "Bearer local-token-lukas" };
const asRep = (repId: string) => ({ authorization: `Bearer local-token-${repId}` });
/** The leads' zone and the viewer's: calling hours 09:00–19:00 there are 15:00–01:00 UTC in December. */
const ZONE = "America/Chicago";
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let site: E2eSite;

beforeAll(async () => {
  site = await startE2eSite("insights");
});

afterAll(async () => {
  await site?.runtime.stop();
});

const api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => callApi(site, method, path, body, headers);
const serverNow = async () => Date.parse((await api("GET", "/api/_local/clock")).now as string);
const advance = (minutes: number) => api("POST", "/api/_local/clock", { advanceMinutes: minutes });

interface Lead {
  email: string;
  id: string;
  /** The request was recorded between these server times. */
  createdAfter: number;
  createdBefore: number;
  booking?: { id: string; start: string; end: string };
}

async function contactRequest(tag: string): Promise<Lead & { offering: string; slots: string[] }> {
  const email = `${tag}.${Date.now()}@initech.example`;
  const createdAfter = await serverNow();
  const request = await api("POST", "/api/contact-requests", { name: `Pat ${tag}`, email, company: "Initech", timeZone: ZONE, consent: true });
  const createdBefore = await serverNow();
  return { email, id: request.id, createdAfter, createdBefore, offering: request.offering.id, slots: request.slots.map((slot: { start: string }) => slot.start) };
}

async function bookedLead(tag: string, pick: number): Promise<Lead> {
  const lead = await contactRequest(tag);
  const booking = await api(
    "POST",
    "/api/bookings",
    { name: `Pat ${tag}`, email: lead.email, company: "Initech", timeZone: ZONE, consent: true, offering: lead.offering, start: lead.slots[pick]!, contactRequestId: lead.id },
    { "Idempotency-Key": `insights-${tag}-${Date.now()}` },
  );
  return { ...lead, booking: { id: booking.id, start: booking.start, end: booking.end } };
}

interface QueueItem {
  id: string;
  repId: string;
  kind: string;
  lead: { id: string; email: string };
}

async function teamQueue(): Promise<QueueItem[]> {
  return (await api("GET", "/api/console/queue?rep=all", undefined, MANAGER)).items as QueueItem[];
}

/** Moves the clock `step` minutes at a time until every lead has a call-back of `kind` open. */
async function waitForCallBacks(leads: Lead[], kind: string, step: number): Promise<Map<string, QueueItem>> {
  for (let tries = 0; tries < 120; tries++) {
    const items = await teamQueue();
    const found = new Map(leads.map((lead) => [lead.id, items.find((item) => item.lead.id === lead.id && item.kind === kind)] as const));
    if ([...found.values()].every(Boolean)) return found as Map<string, QueueItem>;
    await advance(step);
  }
  throw new Error(`no ${kind} call-backs for ${leads.map((lead) => lead.email).join(", ")}`);
}

/** Logs an outcome on a call-back the way the console does, as the rep it belongs to. */
const logOutcome = (item: QueueItem, outcome: string) => api("POST", `/api/console/queue/${encodeURIComponent(item.id)}/outcome`, { outcome }, asRep(item.repId));

/** When the lead's log says an event of this kind (and outcome) happened. */
async function eventTime(lead: Lead, kind: string, outcome?: string): Promise<number> {
  const { events } = await api("GET", `/api/leads/${encodeURIComponent(lead.id)}`, undefined, MANAGER);
  const event = (events as { at: string; kind: string; data?: { outcome?: string } }[]).find((each) => each.kind === kind && (outcome === undefined || each.data?.outcome === outcome));
  if (!event) throw new Error(`${lead.email} has no ${kind} ${outcome ?? ""} event`);
  return Date.parse(event.at);
}

/** The README's histogram: a speed counts in the bucket whose upper bound is the first bound >= it (the last holds the rest). */
function speedBound(minutes: number): number {
  return SPEED_BOUNDS_MINUTES.find((bound) => minutes <= bound) ?? SPEED_BOUNDS_MINUTES[SPEED_BOUNDS_MINUTES.length - 1]!;
}

/** Minutes from the request to a contact, exact enough to bucket: both ends of the request's time must agree. */
function speedMinutes(lead: Lead, contactAt: number): number {
  const longest = (contactAt - lead.createdAfter) / MINUTE;
  const shortest = (contactAt - lead.createdBefore) / MINUTE;
  expect(speedBound(shortest), `${lead.email}: contact too close to a bucket bound to know its bucket`).toBe(speedBound(longest));
  return longest;
}

/** Nearest rank, as the README says: the value of rank ceil(p·n). */
const nearestRank = (sorted: number[], p: number) => sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1]!;

/** The next Tuesday 15:00 UTC (09:00 in Chicago) at least an hour away: every request falls in calling hours. */
function nextTuesdayMorning(now: number): number {
  const date = new Date(now);
  date.setUTCHours(15, 0, 0, 0);
  while (date.getUTCDay() !== 2 || date.getTime() < now + 60 * MINUTE) date.setTime(date.getTime() + DAY);
  return date.getTime();
}

const localDate = (instant: number) => new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);

describe("insights of a known history", () => {
  it("counts every figure exactly, in JSON and in CSV", async () => {
    const start = nextTuesdayMorning(await serverNow());
    await advance(Math.ceil((start - (await serverNow())) / MINUTE));

    // Four requests nobody books: the speed-to-lead call-back opens 15 minutes later.
    const reached = await contactRequest("reached");
    const voicemail = await contactRequest("voicemail");
    const noAnswer = await contactRequest("no-answer");
    const wrongNumber = await contactRequest("wrong-number");
    const unbooked = [reached, voicemail, noAnswer, wrongNumber];
    const calls = await waitForCallBacks(unbooked, "unbooked-request", 17);
    await logOutcome(calls.get(reached.id)!, "reached");
    await logOutcome(calls.get(voicemail.id)!, "voicemail");
    await logOutcome(calls.get(noAnswer.id)!, "no_answer");
    await logOutcome(calls.get(wrongNumber.id)!, "wrong_number");

    // Three booked demos; after each ends its rep is prompted to log attendance and call.
    const converted = await bookedLead("converted", 0);
    const noShow = await bookedLead("no-show", 6);
    const attended = await bookedLead("attended", 12);
    const booked = [converted, noShow, attended];
    const afterDemo = await waitForCallBacks(booked, "after-demo", 60);
    await logOutcome(afterDemo.get(converted.id)!, "attended");
    await logOutcome(afterDemo.get(converted.id)!, "converted");
    await logOutcome(afterDemo.get(noShow.id)!, "no_show");
    await logOutcome(afterDemo.get(attended.id)!, "attended");
    await logOutcome(afterDemo.get(attended.id)!, "reached");
    // Moving the clock reads the change stream up to date.
    await advance(1);

    // First live contact: the reached call; a demo's start for the leads who attended.
    const speeds = [
      speedMinutes(reached, await eventTime(reached, "call_attempt", "reached")),
      speedMinutes(converted, Date.parse(converted.booking!.start)),
      speedMinutes(attended, Date.parse(attended.booking!.start)),
    ].sort((a, b) => a - b);
    const convertedAt = await eventTime(converted, "converted");
    const daysToConvert = [Math.floor((convertedAt - converted.createdAfter) / DAY), Math.floor((convertedAt - converted.createdBefore) / DAY)];
    expect(daysToConvert[0], "conversion too close to a whole day after the request").toBe(daysToConvert[1]);
    const requests = unbooked.length + booked.length;
    const attempts = 6;
    const expected = {
      contactRequests: 7,
      bookings: 3,
      requestsBookedWithin7Days: 3,
      bookingRate: 3 / 7,
      demosHeld: 3,
      demosAttended: 2,
      noShows: 1,
      showRate: 2 / 3,
      callAttempts: attempts,
      callsReached: 3,
      voicemails: 1,
      noAnswers: 1,
      connectRate: 3 / attempts,
      voicemailShare: 1 / attempts,
      noAnswerShare: 1 / attempts,
      converted: 1,
      leadsWithDemo: 2,
      conversionRate: 1 / 2,
      medianDaysToConvert: daysToConvert[0],
      requestsReached: 3,
      requestsNeverReached: 4,
      speedToLeadMedianMinutes: speedBound(nearestRank(speeds, 0.5)),
      speedToLeadP90Minutes: speedBound(nearestRank(speeds, 0.9)),
      reachedWithin5MinutesShare: speeds.filter((minutes) => minutes <= 5).length / requests,
      reachedWithin1HourShare: speeds.filter((minutes) => minutes <= 60).length / requests,
      reachedWithin1DayShare: speeds.filter((minutes) => minutes <= 1440).length / requests,
      // No webinar in this history.
      webinarRegistered: 0,
      webinarRegistrations: 0,
      webinarColleagues: 0,
      colleaguesPerRegistration: null,
      webinarAttended: 0,
      webinarStayedEngaged: 0,
      webinarAttendanceRate: null,
      webinarEngagedShare: null,
    };
    // The reached call came 15–20 minutes after its request: the README's bucket (15, 20].
    expect(speeds.filter((minutes) => minutes > 15 && minutes <= 20)).toHaveLength(1);

    const from = localDate(start - DAY);
    const to = localDate(start + 20 * DAY);
    const query = `from=${from}&to=${to}&timeZone=${encodeURIComponent(ZONE)}&groupBy=day`;
    const json = await api("GET", `/api/insights?${query}`, undefined, MANAGER);
    expect(json.totals).toEqual(expected);
    // The day series adds up to the totals; the requests all came in on the first Tuesday.
    const requestDay = json.series.find((row: { key: string }) => row.key === localDate(start));
    expect(requestDay.contactRequests).toBe(7);
    for (const name of ["contactRequests", "bookings", "demosHeld", "demosAttended", "noShows", "callAttempts", "callsReached", "voicemails", "converted"] as const) {
      expect(json.series.reduce((sum: number, row: Record<string, number>) => sum + row[name]!, 0), name).toBe(expected[name]);
    }

    const response = await fetch(`${site.siteUrl}/api/insights.csv?${query}`, { headers: MANAGER });
    expect(response.status).toBe(200);
    const [header, ...lines] = (await response.text()).trimEnd().split("\r\n");
    const names = header!.split(",");
    expect(names).toEqual(["date", ...Object.keys(expected)]);
    const cells = lines.map((line) => line.split(","));
    expect(cells.map((row) => row[0])).toEqual([...json.series.map((row: { key: string }) => row.key), "total"]);
    const total = Object.fromEntries(names.slice(1).map((name, index) => [name, cells.at(-1)![index + 1]]));
    expect(total).toEqual(Object.fromEntries(Object.entries(expected).map(([name, value]) => [name, value === null ? "" : String(value)])));
  });
});
