// Web: the locale the pages write dates and times in — the page's language (page-text.ts; English unless the
// page chose another), in the reader's own variant of it when the browser lists one ("en-GB" gives "Tue 1 Dec"
// and 24-hour times, "de-AT" Austrian German).

export function pageLocale(languages: readonly string[] | undefined = navigator.languages, language = "en"): string {
  const own = languages?.find((tag) => tag.toLowerCase().split(/[-_]/)[0] === language);
  return own ?? (language === "en" ? "en-US" : language);
}
