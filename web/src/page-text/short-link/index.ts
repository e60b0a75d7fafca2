// Web, page text area: the words of the link page (/l#<code>, where an e-mail's short links lead), in every
// page language. Importing this module adds them to the page's text (page-text.ts), so only that page carries them.

import { addPageText } from "../../shared/page-text";
import { de } from "./de";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";

export const SHORT_LINK_TEXT = { en, de, fr, es } as const;

addPageText(SHORT_LINK_TEXT);
