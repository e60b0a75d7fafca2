// Core: recognises IANA time zone names (config, requests) and gives their canonical spelling.
// Uses the runtime's ICU data through Intl, so Lambda and the local runtime agree.

const canonicalByName = new Map<string, string | undefined>();

/**
 * The spelling to keep for `name` ("america/chicago" → "America/Chicago"), or undefined if unknown.
 * A valid alias is kept as given: ICU resolves current names to legacy ones (Asia/Kolkata →
 * Asia/Calcutta, Europe/Kyiv → Europe/Kiev), which is not what a person picked or wants to read.
 */
export function canonicalTimeZone(name: string): string | undefined {
  if (canonicalByName.has(name)) return canonicalByName.get(name);
  let canonical: string | undefined;
  // Offsets like "+05:30" are accepted by Intl but are not zones: DST rules would be lost.
  if (/^[A-Za-z]/.test(name)) {
    try {
      const resolved = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
      canonical = resolved.toLowerCase() === name.toLowerCase() ? resolved : titleCaseIfLower(name);
    } catch {
      canonical = undefined;
    }
  }
  canonicalByName.set(name, canonical);
  return canonical;
}

/** "asia/kolkata" → "Asia/Kolkata"; a name typed with any capitals is kept as typed. */
function titleCaseIfLower(name: string): string {
  if (name !== name.toLowerCase()) return name;
  return name.replace(/(^|[/_-])([a-z])/g, (_match, separator: string, letter: string) => separator + letter.toUpperCase());
}
