// Core: recognises IANA time zone names (config, requests) and gives their canonical spelling.
// Uses the runtime's ICU data through Intl, so Lambda and the local runtime agree.

const canonicalByName = new Map<string, string | undefined>();

/** The canonical IANA name for `name` ("america/chicago" → "America/Chicago"), or undefined if unknown. */
export function canonicalTimeZone(name: string): string | undefined {
  if (canonicalByName.has(name)) return canonicalByName.get(name);
  let canonical: string | undefined;
  // Offsets like "+05:30" are accepted by Intl but are not zones: DST rules would be lost.
  if (/^[A-Za-z]/.test(name)) {
    try {
      canonical = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
    } catch {
      canonical = undefined;
    }
  }
  canonicalByName.set(name, canonical);
  return canonical;
}
