// Core, message catalogue area "invitations": the booking invitation, new, moved or cancelled, to the prospect and
// to the reps, in every language Liveline writes. Its composer (core/bookings/invitation.ts) looks them up through
// messagesIn (catalogue.ts), so a function carries only the areas its messages use.

import type { CatalogueArea } from "../../catalogue";
import { de } from "./de";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";

export const INVITATION_WORDS = { en, de, fr, es } as const satisfies CatalogueArea;
