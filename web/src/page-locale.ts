// Web: the locale the pages write dates and times in — English (the pages' language), in the reader's
// own English variant when the browser lists one ("en-GB" gives "Tue 1 Dec" and 24-hour times).

export function pageLocale(languages: readonly string[] | undefined = navigator.languages): string {
  return languages?.find((tag) => /^en\b/i.test(tag)) ?? "en-US";
}
