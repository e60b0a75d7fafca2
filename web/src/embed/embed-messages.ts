// Web: the messages between an embedded Liveline page (in its iframe) and embed.js on the host page —
// their names and shapes in one place, and the checks each side makes of what it receives. The framed page
// posts only to the host's origin (see embedded-page.ts) and takes a concierge form's details only from its
// parent at that origin; embed.js takes a message only from the Liveline site's origin and from its own
// iframe (embed.ts), and sends the details only to the Liveline site's origin.

import { CONCIERGE_FIELDS, type ConciergeDetails } from "./concierge";

/** Events the host page may listen to (documented in the README). */
export const HOST_EVENTS = {
  contactRequest: "liveline:contact-request",
  booked: "liveline:booked",
  closed: "liveline:closed",
} as const;

/** What the framed page tells embed.js about itself: its height, an Escape its document received, and (a concierge pop-up) that it can take the details. */
export const FRAME_SIGNALS = {
  height: "liveline:height",
  escape: "liveline:escape",
  ready: "liveline:frame-ready",
} as const;

/** embed.js to a concierge pop-up: the details the visitor typed into the site's form. */
export const DETAILS_MESSAGE = "liveline:details";
export interface DetailsMessage {
  type: typeof DETAILS_MESSAGE;
  details: ConciergeDetails;
}

export type FrameMessage =
  | { type: typeof HOST_EVENTS.contactRequest; contactRequest: string; offering: string }
  | { type: typeof HOST_EVENTS.booked; start: string; offering: string }
  | { type: typeof FRAME_SIGNALS.height; height: number }
  | { type: typeof FRAME_SIGNALS.escape }
  | { type: typeof FRAME_SIGNALS.ready };

/** The host page's own event when a pop-up is closed (the iframe is gone by then, so embed.js posts it). */
export interface ClosedMessage {
  type: typeof HOST_EVENTS.closed;
  offering: string;
  /** Whether a time was booked in it before it closed. */
  booked: boolean;
}

/** The tallest frame embed.js grows to: a runaway page cannot make the host page endless. */
export const MAX_FRAME_HEIGHT = 10_000;

const isText = (value: unknown, max = 200): value is string => typeof value === "string" && value.length > 0 && value.length <= max;

/**
 * A message embed.js acts on: from `expectedOrigin` (the Liveline site), from the iframe it made, and in one
 * of the shapes above; anything else is undefined and ignored.
 */
export function frameMessage(event: { origin: string; source: unknown; data: unknown }, expectedOrigin: string, frame: unknown): FrameMessage | undefined {
  if (event.origin !== expectedOrigin || event.source !== frame || frame === null || frame === undefined) return undefined;
  const data = event.data as Record<string, unknown> | null;
  if (typeof data !== "object" || data === null) return undefined;
  switch (data["type"]) {
    case HOST_EVENTS.contactRequest:
      return isText(data["contactRequest"]) && isText(data["offering"]) ? { type: HOST_EVENTS.contactRequest, contactRequest: data["contactRequest"], offering: data["offering"] } : undefined;
    case HOST_EVENTS.booked:
      return isText(data["start"]) && !Number.isNaN(Date.parse(data["start"])) && isText(data["offering"]) ? { type: HOST_EVENTS.booked, start: data["start"], offering: data["offering"] } : undefined;
    case FRAME_SIGNALS.height: {
      const height = data["height"];
      return typeof height === "number" && Number.isFinite(height) && height > 0 ? { type: FRAME_SIGNALS.height, height: Math.min(Math.ceil(height), MAX_FRAME_HEIGHT) } : undefined;
    }
    case FRAME_SIGNALS.escape:
    case FRAME_SIGNALS.ready:
      return { type: data["type"] };
    default:
      return undefined;
  }
}

/** The details a concierge pop-up takes: only from its parent at the host's origin, only text fields it knows. */
export function detailsMessage(event: { origin: string; source: unknown; data: unknown }, hostOrigin: string, parent: unknown): ConciergeDetails | undefined {
  if (event.origin !== hostOrigin || event.source !== parent) return undefined;
  const data = event.data as { type?: unknown; details?: Record<string, unknown> } | null;
  if (typeof data !== "object" || data === null || data.type !== DETAILS_MESSAGE || typeof data.details !== "object" || data.details === null) return undefined;
  const details: Record<string, string> = {};
  for (const field of CONCIERGE_FIELDS) {
    const value = data.details[field];
    if (isText(value, 2000)) details[field] = value;
  }
  return details["name"] && details["email"] ? (details as unknown as ConciergeDetails) : undefined;
}
