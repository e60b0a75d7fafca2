// Port: what abuse protection remembers in the table — the challenge solutions already used (each works
// once), the rate limits' and the mail budget's counters, and which addresses answered our mail.

import type { ProtectionWrite } from "../core/access/protection";

export interface ProtectionStore {
  /**
   * Writes these items all or none (one request); throws the refusal of the first whose condition fails
   * (core/access/protection.ts protectionRefusal: challenge_used, rate_limited), having stored nothing.
   */
  write(writes: readonly ProtectionWrite[]): Promise<void>;
  /**
   * Notes one e-mail to the address (its key) at `now`, unless it was sent `max` in the `windowMs` before:
   * false then (nothing noted). Two senders at once cannot both take the last place.
   */
  noteMailSent(addressKey: string, now: number, limit: { max: number; windowMs: number }): Promise<boolean>;
  /** Whether the address (its key) answered one of our e-mails and that still holds at `now`. */
  hasAnswered(addressKey: string, now: number): Promise<boolean>;
}
