// Core, message catalogue area "lifecycle": what follows a booking or a contact request: reminders, the feedback
// request, a new booking offered, and the mail to reps (call prompts and their outcomes, the prep note, a complaint,
// an escalation), in every language Liveline writes. Its composer (core/bookings/lifecycle-messages.ts,
// use-cases/calls/call-prompts.ts) looks them up through messagesIn (catalogue.ts), so a function carries only the
// areas its messages use.

import type { CatalogueArea } from "../../catalogue";
import { de } from "./de";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";

export const LIFECYCLE_WORDS = { en, de, fr, es } as const satisfies CatalogueArea;
