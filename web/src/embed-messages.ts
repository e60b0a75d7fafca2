// Web: the messages between an embedded Liveline page (in its iframe) and embed.js on the host page —
// their names and shapes in one place, and the check embed.js makes of every message it receives. The
// framed page posts only to the host's origin (see embedded-page.ts); embed.js takes a message only from
// the Liveline site's origin and from its own iframe (embed.ts), and only in the shapes below.

/** Events the host page may listen to (documented in the README). */
export const HOST_EVENTS = {
  contactRequest: "liveline:contact-request",
  booked: "liveline:booked",
  closed: "liveline:closed",
} as const;

/** What the framed page tells embed.js about itself: its height, and an Escape its document received. */
export const FRAME_SIGNALS = {
  height: "liveline:height",
  escape: "liveline:escape",
} as const;

export type FrameMessage =
  | { type: typeof HOST_EVENTS.contactRequest; contactRequest: string; offering: string }
  | { type: typeof HOST_EVENTS.booked; start: string; offering: string }
  | { type: typeof FRAME_SIGNALS.height; height: number }
  | { type: typeof FRAME_SIGNALS.escape };

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
      return { type: FRAME_SIGNALS.escape };
    default:
      return undefined;
  }
}
