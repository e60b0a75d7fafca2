// Core, message catalogue area "digest": a manager's weekly digest, in every language Liveline writes. Its composer
// (core/insights/weekly-digest.ts) looks them up through messagesIn (catalogue.ts), so a function carries only the
// areas its messages use.

import type { CatalogueArea } from "../../catalogue";
import { de } from "./de";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";

export const DIGEST_WORDS = { en, de, fr, es } as const satisfies CatalogueArea;
