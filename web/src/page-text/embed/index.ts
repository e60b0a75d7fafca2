// Web, page text area: the words embed.js shows on the host page, in every page language. Unlike the other areas it is not added to
// page-text.ts (which carries the booking page's catalogue, too heavy for embed.js): embed.ts asks embedText for the frame's language.

import { de } from "./de";
import { type EmbedCatalogue, en } from "./en";
import { es } from "./es";
import { fr } from "./fr";

export const EMBED_TEXT = { en, de, fr, es } as const;

/** The words for the language asked of a frame ("de-AT" is German); English for one Liveline does not write, or none. */
export function embedText(language: string | undefined): EmbedCatalogue {
  const primary = (language ?? "").toLowerCase().split("-")[0] ?? "";
  return Object.hasOwn(EMBED_TEXT, primary) ? EMBED_TEXT[primary as keyof typeof EMBED_TEXT] : en;
}
