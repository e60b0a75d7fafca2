// Web, page text area: the words of the forms' own checks and of the answers a page writes itself, in every page language.
// Importing this module adds them to the page's text (page-text.ts), so only the pages with those forms carry them.

import { addPageText } from "../../shared/page-text";
import { de } from "./de";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";

export const CHECKS_TEXT = { en, de, fr, es } as const;

addPageText(CHECKS_TEXT);
