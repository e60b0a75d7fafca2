// Config: the followUps section of liveline.config.json — how fast an unbooked lead gets a call, how the
// call attempts are spaced, who hears about prompts nobody acted on, and what counts as a complaint.

import * as z from "zod/mini";
import { emailAddress } from "../validation/common-fields";

/** "PT2H", "P2D", "PT30M" (ISO-8601 durations of days, hours, minutes) or "next-business-morning". */
export const RETRY_DELAY = /^(next-business-morning|P(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?)?)$/;

const retryDelay = z.string().check(
  z.refine((text) => RETRY_DELAY.test(text) && text !== "P" && !text.endsWith("T"), {
    error: 'must be a duration like "PT2H" or "P2D", or "next-business-morning"',
  }),
);

export const followUpsSchema = z.strictObject({
  /** A contact request not booked within this many minutes gets a call-back prompt to its routed rep. */
  leadCallBackMinutes: z._default(z.int().check(z.gte(1), z.lte(24 * 60)), 15),
  /** A prompt nobody acted on within this many minutes is escalated, once, to the manager. */
  escalationMinutes: z._default(z.int().check(z.gte(1), z.lte(24 * 60)), 30),
  managerEmail: z.optional(emailAddress),
  callCadence: z._default(
    z.strictObject({
      /** After voicemail or no answer: when the next attempt is due, one entry per further attempt. */
      retryDelays: z._default(z.array(retryDelay).check(z.minLength(1)), ["PT2H", "next-business-morning", "P2D"]),
      /**
       * Further attempts after the first call-back (the default 3: +2 h, the next business morning, +2 days);
       * when the last one also ends in voicemail or no answer, the lead is closed as unreachable.
       */
      maxAttempts: z._default(z.int().check(z.gte(1), z.lte(10)), 3),
    }),
    { retryDelays: ["PT2H", "next-business-morning", "P2D"], maxAttempts: 3 },
  ),
  /** "Next business morning" in the prospect's zone: this local time on the next Monday–Friday. */
  businessMorning: z._default(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time like "09:00"' })), "09:00"),
  /** A feedback rating at or below this alerts the rep as a complaint to handle. */
  complaintRatingAtMost: z._default(z.int().check(z.gte(1), z.lte(5)), 2),
});
export type FollowUpsConfig = z.output<typeof followUpsSchema>;
