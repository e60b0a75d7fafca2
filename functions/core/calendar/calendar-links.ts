// Core: "Add to Google Calendar" links, for pages where no invitation e-mail does the job. Not for the
// invitation e-mail itself: the event it adds has its own UID, so it would duplicate the invited one.

import { formatUtcDateTime } from "./icalendar";

export function googleCalendarUrl(input: {
  title: string;
  start: Date;
  end: Date;
  details: string;
  location: string;
}): string {
  const params = new URLSearchParams({
    action: "TEMPLATE",
    text: input.title,
    dates: `${formatUtcDateTime(input.start)}/${formatUtcDateTime(input.end)}`,
    details: input.details,
    location: input.location,
  });
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}
