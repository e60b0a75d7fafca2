// Core, message catalogue area "api": the API's error wording in the request's language, in every language Liveline
// writes. Its composer (handlers/http/error-language.ts) looks them up through messagesIn (catalogue.ts), so a
// function carries only the areas its messages use.

import type { CatalogueArea } from "../../catalogue";
import { de } from "./de";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";

export const API_WORDS = { en, de, fr, es } as const satisfies CatalogueArea;
