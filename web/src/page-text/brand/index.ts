// Web, page text area: the words of the console's brand page (/console/brand), in every page language. Importing this module adds them to
// the page's text (page-text.ts), so only the pages that use them carry them.

import { addPageText } from "../../shared/page-text";
import { de } from "./de";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";

export const BRAND_TEXT = { en, de, fr, es } as const;

addPageText(BRAND_TEXT);
