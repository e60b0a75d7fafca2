// Port: the short links e-mails show (core/messages/short-links.ts) — stored by the outbox before a message
// leaves, read by GET /api/short-links for the link page, which opens the long, signed link.

import type { ShortLink } from "../core/messages/short-links";

export interface ShortLinks {
  /** Stores the links. A code always names the same link, so storing one again changes nothing. */
  save(links: readonly ShortLink[]): Promise<void>;
  /** The long link a code stands for, while its token has not expired; undefined otherwise. */
  find(code: string, now: Date): Promise<string | undefined>;
}
