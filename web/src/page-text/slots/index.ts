// Web, page text area: the words of picking a time (booking and manage pages), in every page language. Importing this module adds
// them to the page's text (page-text.ts), so the pages without a slot picker (webinars, registration, the links' other pages) do not
// carry them.

import { addPageText } from "../../shared/page-text";
import { de } from "./de";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";

export const SLOTS_TEXT = { en, de, fr, es } as const;

addPageText(SLOTS_TEXT);
