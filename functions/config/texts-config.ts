// Config: the texts section of liveline.config.json — when the reminder text goes out, whether an
// unanswered call is followed by a "sorry I missed you" text, and what the HELP answer names as contact.
// Whether texts can leave at all is the stack's business (an origination identity from CDK context).

import * as z from "zod/mini";
import { singleLineText } from "../validation/common-fields";

export const textsSchema = z.strictObject({
  /** The reminder text goes out this many minutes before a demo or a webinar session (moved out of quiet hours). */
  reminderMinutesBefore: z._default(z.int().check(z.gte(10), z.lte(24 * 60)), 60),
  /** After a call logged as voicemail or no answer: "Sorry I missed you — <rep> from <company> …". */
  missedCallFollowUp: z._default(z.boolean(), true),
  /** What the HELP answer gives as contact (an address or a number); the sender's address when absent. */
  helpContact: z.optional(singleLineText(80, "helpContact")),
});
export type TextsConfig = z.output<typeof textsSchema>;

export const DEFAULT_TEXTS_CONFIG: TextsConfig = { reminderMinutesBefore: 60, missedCallFollowUp: true };
