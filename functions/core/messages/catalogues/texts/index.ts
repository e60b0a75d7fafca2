// Core, message catalogue area "texts": the texts (SMS), in every language Liveline writes. Its composer
// (core/texts/text-messages.ts) looks them up through messagesIn (catalogue.ts), so a function carries only the
// areas its messages use.

import type { CatalogueArea } from "../../catalogue";
import { de } from "./de";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";

export const TEXT_WORDS = { en, de, fr, es } as const satisfies CatalogueArea;
