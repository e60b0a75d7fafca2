// Web, page text area: what the booking page tells screen readers while it works, in every page language. Importing this module
// adds them to the page's text (page-text.ts), so only the booking page carries them.

import { addPageText } from "../../shared/page-text";
import { de } from "./de";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";

export const BOOKING_PROGRESS_TEXT = { en, de, fr, es } as const;

addPageText(BOOKING_PROGRESS_TEXT);
