// Core, message catalogue area "sign-in": a rep's sign-in link, in every language Liveline writes. Its composer
// (core/access/sign-in-message.ts) looks them up through messagesIn (catalogue.ts), so a function carries only the
// areas its messages use.

import type { CatalogueArea } from "../../catalogue";
import { de } from "./de";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";

export const SIGN_IN_WORDS = { en, de, fr, es } as const satisfies CatalogueArea;
