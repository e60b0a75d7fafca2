// Core, message catalogue area "webinars": a webinar session's invitation, waitlist, reminders, replay offer and
// feedback request, and the hosts' attendee list, in every language Liveline writes. Its composer
// (core/webinars/webinar-messages.ts) looks them up through messagesIn (catalogue.ts), so a function carries only
// the areas its messages use.

import type { CatalogueArea } from "../../catalogue";
import { de } from "./de";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";

export const WEBINAR_WORDS = { en, de, fr, es } as const satisfies CatalogueArea;
