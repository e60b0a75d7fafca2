// Port: addresses Liveline must not mail — hard bounces and complaints (SES events: nothing at all) and
// unsubscribes (no more reminders or follow-ups; invitations for demos they book still go).

export type SuppressionReason = "bounce" | "complaint" | "unsubscribe";

export interface SuppressionList {
  suppress(email: string, reason: SuppressionReason, now: Date): Promise<void>;
  /** The reason per suppressed address among these (lower-cased); absent ones are fine to mail. */
  reasons(emails: readonly string[]): Promise<Map<string, SuppressionReason>>;
}
