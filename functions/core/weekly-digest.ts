// Core: the managers' weekly e-mail digest — when it is due (Monday 08:00 in the manager's own zone, DST
// included), which week it reports (the Monday-to-Sunday just ended, in that zone), and the message: the
// week's figures (core/insights-report.ts names them) and the worst overdue call-backs. Pure: `now` and
// all data come in, the raw message comes out.

import type { InsightsFigures } from "./insights-report";
import type { MessageContext } from "./lifecycle-messages";
import { composePlainEmail, formatInZone, hello, type BodyLine, type PlainEmail } from "./message-parts";
import { addDays, isoWeekday, localDateAt, zonedToUtc } from "./zoned-time";

/** Monday 08:00, the manager's wall clock. */
export const DIGEST_SEND_MINUTE_OF_DAY = 8 * 60;
/**
 * A run this long after Monday 08:00 still sends the week's digest (the schedule runs every quarter hour, so
 * a failed run or two is caught up); later, that week's digest is skipped rather than sent late. Every run
 * in this time composes it again and the outbox's once-per-key write lets only the first through.
 */
export const DIGEST_CATCH_UP_MS = 2 * 3_600_000;
/** The worst overdue call-backs the digest lists. */
export const DIGEST_OVERDUE_LIMIT = 5;

export interface DigestWeek {
  /** The Monday the digest is sent on (local date): with the manager, the digest's "once" key. */
  sendDate: string;
  /** The instant of Monday 08:00 in the manager's zone. */
  sendAt: number;
  /** The week reported, Monday to Sunday (local dates, inclusive). */
  from: string;
  to: string;
}

/** The week whose digest is due at `now` in `zone`, or undefined outside Monday 08:00 + the catch-up time. */
export function weeklyDigestDue(now: number, zone: string): DigestWeek | undefined {
  const today = localDateAt(zone, now);
  const monday = addDays(today, 1 - isoWeekday(today));
  // 08:00 exists on every day of every zone today (DST changes happen at night); the fallback is midnight's.
  const sendAt = zonedToUtc(zone, monday, DIGEST_SEND_MINUTE_OF_DAY) ?? zonedToUtc(zone, monday, 0)!;
  if (now < sendAt || now - sendAt >= DIGEST_CATCH_UP_MS) return undefined;
  return { sendDate: monday, sendAt, from: addDays(monday, -7), to: addDays(monday, -1) };
}

export interface DigestCallBack {
  leadName: string;
  company?: string;
  repName: string;
  dueAt: string;
}

export interface WeeklyDigestInput {
  manager: { id: string; name: string; email: string; timeZone: string };
  week: DigestWeek;
  totals: InsightsFigures;
  /** Per rep, the team's order; only reps with something to show. */
  reps: { name: string; figures: InsightsFigures }[];
  /** The worst overdue call-backs (longest overdue first), at most DIGEST_OVERDUE_LIMIT. */
  overdue: DigestCallBack[];
  overdueTotal: number;
  insightsUrl: string;
  queueUrl: string;
}

const percent = (rate: number | null) => (rate === null ? "n/a" : `${Math.round(rate * 100)}%`);
const minutes = (value: number | null) => (value === null ? "n/a" : `within ${value} min`);

/** The figures a manager reads first, each as one line "Label: value". */
export function digestFigureLines(figures: InsightsFigures): BodyLine[] {
  return [
    { label: "Contact requests", text: String(figures.contactRequests) },
    { label: "Booked within 7 days", text: `${figures.requestsBookedWithin7Days} (${percent(figures.bookingRate)})` },
    { label: "Speed to lead, median", text: minutes(figures.speedToLeadMedianMinutes) },
    { label: "Reached within 1 hour", text: percent(figures.reachedWithin1HourShare) },
    { label: "Never reached", text: String(figures.requestsNeverReached) },
    { label: "Show rate", text: `${percent(figures.showRate)} (${figures.demosAttended} of ${figures.demosHeld}; ${figures.noShows} no-shows)` },
    { label: "Connect rate", text: `${percent(figures.connectRate)} (${figures.callsReached} of ${figures.callAttempts} calls)` },
    { label: "Converted", text: String(figures.converted) },
    { label: "Webinars", text: `${figures.webinarRegistered} registered, ${figures.webinarAttended} attended, ${figures.webinarStayedEngaged} stayed engaged` },
  ];
}

export function composeWeeklyDigest(ctx: MessageContext, input: WeeklyDigestInput): PlainEmail {
  const { manager, week } = input;
  const range = `${week.from} to ${week.to}`;
  const overdue: BodyLine[] =
    input.overdueTotal === 0
      ? [{ text: "No call-back is overdue." }]
      : [
          { text: `${input.overdueTotal} call-back${input.overdueTotal === 1 ? " is" : "s are"} overdue; the longest waiting:` },
          ...input.overdue.map((callBack) => ({
            text: `• ${[callBack.leadName, callBack.company].filter(Boolean).join(", ")} — ${callBack.repName}, due ${formatInZone(new Date(callBack.dueAt), manager.timeZone)}`,
          })),
          { label: "Open the queue", text: input.queueUrl, href: input.queueUrl },
        ];
  return composePlainEmail(ctx, {
    id: { kind: "weekly-digest", about: manager.id, variant: week.sendDate },
    to: { name: manager.name, email: manager.email },
    subject: `${ctx.company.name} week of ${week.from}: ${input.totals.contactRequests} requests, show rate ${percent(input.totals.showRate)}, connect rate ${percent(input.totals.connectRate)}`,
    paragraphs: [
      hello(manager.name),
      [{ text: `The team's figures for ${range} (days in ${manager.timeZone}):` }],
      digestFigureLines(input.totals),
      ...input.reps.map((rep) => [{ text: `${rep.name}:` }, ...digestFigureLines(rep.figures).slice(0, 8)]),
      overdue,
      [{ label: "All figures", text: input.insightsUrl, href: input.insightsUrl }],
    ],
  });
}
