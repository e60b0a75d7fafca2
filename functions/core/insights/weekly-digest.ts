// Core: the managers' weekly e-mail digest — when it is due (Monday 08:00 in the manager's own zone, DST
// included), which week it reports (the Monday-to-Sunday just ended, in that zone), and the message: the
// week's figures (core/insights/insights-report.ts names them) and the worst overdue call-backs. Pure: `now` and
// all data come in, the raw message comes out.

import type { InsightsFigures } from "./insights-report";
import type { MessageContext } from "../bookings/lifecycle-messages";
import { composePlainEmail, formatInZone, hello, type BodyLine, type PlainEmail } from "../messages/message-parts";
import { type KeyOf, type Language, messagesIn } from "../messages/catalogue";
import { DIGEST_WORDS } from "../messages/catalogues/digest";
import { addDays, isoWeekday, localDateAt, zonedToUtc } from "../time/zoned-time";

const message = messagesIn(DIGEST_WORDS);

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
  /** `language`: what the digest is written in (the manager's config `language`); English unless set. */
  manager: { id: string; name: string; email: string; timeZone: string; language?: Language };
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

const percent = (rate: number | null, language: Language) => (rate === null ? message(language, "rep.digest.none") : `${Math.round(rate * 100)}%`);
const minutes = (value: number | null, language: Language) => (value === null ? message(language, "rep.digest.none") : message(language, "rep.digest.within", { minutes: value }));

/** The figures a manager reads first, each as one line "Label: value". */
export function digestFigureLines(figures: InsightsFigures, language: Language = "en"): BodyLine[] {
  const label = (key: KeyOf<typeof DIGEST_WORDS>) => message(language, key);
  return [
    { label: label("rep.digest.contactRequests"), text: String(figures.contactRequests) },
    { label: label("rep.digest.booked"), text: `${figures.requestsBookedWithin7Days} (${percent(figures.bookingRate, language)})` },
    { label: label("rep.digest.speed"), text: minutes(figures.speedToLeadMedianMinutes, language) },
    { label: label("rep.digest.reached"), text: percent(figures.reachedWithin1HourShare, language) },
    { label: label("rep.digest.neverReached"), text: String(figures.requestsNeverReached) },
    {
      label: label("rep.digest.showRate"),
      text: message(language, "rep.digest.shows", { rate: percent(figures.showRate, language), attended: figures.demosAttended, held: figures.demosHeld, noShows: figures.noShows }),
    },
    {
      label: label("rep.digest.connectRate"),
      text: message(language, "rep.digest.connects", { rate: percent(figures.connectRate, language), reached: figures.callsReached, attempts: figures.callAttempts }),
    },
    { label: label("rep.digest.converted"), text: String(figures.converted) },
    {
      label: label("rep.digest.webinars"),
      text: message(language, "rep.digest.webinarFigures", { registered: figures.webinarRegistered, attended: figures.webinarAttended, engaged: figures.webinarStayedEngaged }),
    },
  ];
}

export function composeWeeklyDigest(ctx: MessageContext, input: WeeklyDigestInput): PlainEmail {
  const { manager, week } = input;
  const language = manager.language ?? "en";
  const overdue: BodyLine[] =
    input.overdueTotal === 0
      ? [{ text: message(language, "rep.digest.noOverdue") }]
      : [
          { text: message(language, input.overdueTotal === 1 ? "rep.digest.overdue.one" : "rep.digest.overdue.other", { count: input.overdueTotal }) },
          ...input.overdue.map((callBack) => ({
            text: `• ${[callBack.leadName, callBack.company].filter(Boolean).join(", ")} — ${callBack.repName}, ${message(language, "rep.digest.due", { when: formatInZone(new Date(callBack.dueAt), manager.timeZone, language) })}`,
          })),
          { label: message(language, "rep.digest.openQueue"), text: input.queueUrl, href: input.queueUrl },
        ];
  return composePlainEmail(ctx, {
    id: { kind: "weekly-digest", about: manager.id, variant: week.sendDate },
    to: { name: manager.name, email: manager.email },
    subject: message(language, "rep.digest.subject", {
      company: ctx.company.name,
      from: week.from,
      requests: input.totals.contactRequests,
      showRate: percent(input.totals.showRate, language),
      connectRate: percent(input.totals.connectRate, language),
    }),
    paragraphs: [
      hello(manager.name, language),
      [{ text: message(language, "rep.digest.intro", { from: week.from, to: week.to, zone: manager.timeZone }) }],
      digestFigureLines(input.totals, language),
      ...input.reps.map((rep) => [{ text: `${rep.name}:` }, ...digestFigureLines(rep.figures, language).slice(0, 8)]),
      overdue,
      [{ label: message(language, "rep.digest.allFigures"), text: input.insightsUrl, href: input.insightsUrl }],
    ],
  });
}
