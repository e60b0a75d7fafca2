// Use case: "My schedule" in the console — a rep's demos from now on (with the join link and what the
// prospect told us, for preparing) and the webinar sessions they host. The demos come from the rep's
// schedule item (one read) and their bookings (one read each, bounded by the booking horizon).

import type { Booking } from "../../core/bookings/booking";
import { upcomingSessions, type SessionInfo } from "../webinars/webinar-sessions";
import type { UseCaseDependencies } from "../use-case-dependencies";

export interface ScheduleEntry {
  kind: "demo" | "webinar";
  repId: string;
  start: number;
  end: number;
  title: string;
  joinUrl: string;
  booking?: Booking;
  session?: SessionInfo;
}

export async function scheduleOf(deps: UseCaseDependencies, repIds: readonly string[]): Promise<ScheduleEntry[]> {
  const now = deps.clock.now().getTime();
  const schedules = await deps.store.readSchedules(repIds);
  const demoIds = [...new Set([...schedules.values()].flatMap((schedule) => schedule.demos.filter((demo) => demo.blocked.end > now).map((demo) => demo.bookingId)))];
  const bookings = (await Promise.all(demoIds.map((id) => deps.store.getBooking(id)))).filter((booking): booking is Booking => booking?.status === "confirmed");
  const demos: ScheduleEntry[] = bookings.flatMap((booking) =>
    [booking.repId, booking.secondRepId]
      .filter((repId): repId is string => repId !== undefined && repIds.includes(repId))
      .map((repId) => ({ kind: "demo" as const, repId, start: Date.parse(booking.start), end: Date.parse(booking.end), title: deps.catalogue.offering(booking.offeringId)?.title ?? booking.offeringId, joinUrl: booking.joinUrl, booking })),
  );
  const sessions: ScheduleEntry[] = (await upcomingSessions(deps)).flatMap((session) =>
    session.session.hosts
      .filter((repId) => repIds.includes(repId))
      .map((repId) => ({ kind: "webinar" as const, repId, start: session.start, end: session.end, title: session.webinar.title, joinUrl: session.session.joinUrl, session })),
  );
  return [...demos, ...sessions].filter((entry) => entry.end > now).sort((a, b) => a.start - b.start);
}
