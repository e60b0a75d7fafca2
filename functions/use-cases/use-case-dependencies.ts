// Use cases: what every use case is given — built once per cold start by the handler's wiring.

import type { OfferingCatalogue } from "./offering-catalogue";
import type { BookingStore } from "../ports/booking-store";
import type { CalendarFeeds } from "../ports/calendar-feeds";
import type { Clock } from "../ports/clock";
import type { Mailer } from "../ports/mailer";

export interface UseCaseDependencies {
  catalogue: OfferingCatalogue;
  store: BookingStore;
  mailer: Mailer;
  feeds: CalendarFeeds;
  clock: Clock;
  /** Public origin of the site, e.g. https://d111.cloudfront.net or http://localhost:3000. */
  publicUrl: string;
  /** HMAC key for links in e-mails. */
  signingSecret: string;
  newId: () => string;
  log: (level: "info" | "warn" | "error", message: string, details?: Record<string, unknown>) => void;
}
