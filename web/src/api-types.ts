// Web: the shapes of the Liveline HTTP API as the booking page sees them — taken, type-only, from the
// server's schemas (functions/handlers/http/api-schemas.ts), so the page and the API cannot drift apart.
// `import type` is erased by esbuild: none of zod reaches the browser.

import type * as z from "zod/mini";
import type {
  bookingBody,
  bookingConfirmation,
  contactRequestBody,
  contactRequestResponse,
  errorResponse,
  offeringSummary,
  slotListResponse,
} from "../../functions/handlers/http/api-schemas";

export type Offering = z.output<typeof offeringSummary>;
export type SlotsResponse = z.output<typeof slotListResponse>;
/** A free slot; start/end are ISO-8601 with the requested zone's offset ("2026-12-01T10:00:00.000-06:00"). */
export type Slot = SlotsResponse["slots"][number];
export type ContactRequestBody = z.input<typeof contactRequestBody>;
export type ContactRequestCreated = z.output<typeof contactRequestResponse>;
export type BookingBody = z.input<typeof bookingBody>;
export type BookingConfirmed = z.output<typeof bookingConfirmation>;
/** Every API error body: `field` names the request field at fault, when there is one. */
export type ApiErrorBody = z.output<typeof errorResponse>;
