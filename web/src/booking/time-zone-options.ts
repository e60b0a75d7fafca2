// Web: the choices in the time-zone <select>: every zone the browser knows (or a short list on old
// browsers), grouped by region, labelled "Chicago (GMT-6)", with the browser's own zone preselected.

export interface TimeZoneOption {
  value: string;
  label: string;
}

export interface TimeZoneGroup {
  label: string;
  options: TimeZoneOption[];
}

/** Used when the browser lacks Intl.supportedValuesOf: the zones most prospects are in. */
export const FALLBACK_TIME_ZONES: readonly string[] = [
  "Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles", "America/Denver", "America/Phoenix",
  "America/Chicago", "America/New_York", "America/Halifax", "America/Sao_Paulo", "America/Mexico_City",
  "America/Toronto", "America/Bogota", "America/Argentina/Buenos_Aires", "Atlantic/Reykjavik", "Europe/London",
  "Europe/Dublin", "Europe/Lisbon", "Europe/Paris", "Europe/Berlin", "Europe/Madrid", "Europe/Rome",
  "Europe/Amsterdam", "Europe/Stockholm", "Europe/Warsaw", "Europe/Athens", "Europe/Helsinki", "Europe/Istanbul",
  "Europe/Moscow", "Africa/Lagos", "Africa/Cairo", "Africa/Johannesburg", "Africa/Nairobi", "Asia/Dubai",
  "Asia/Karachi", "Asia/Kolkata", "Asia/Kathmandu", "Asia/Dhaka", "Asia/Bangkok", "Asia/Jakarta",
  "Asia/Singapore", "Asia/Hong_Kong", "Asia/Shanghai", "Asia/Manila", "Asia/Seoul", "Asia/Tokyo",
  "Australia/Perth", "Australia/Adelaide", "Australia/Brisbane", "Australia/Sydney", "Pacific/Auckland", "UTC",
];

/** The zones the browser supports, or the fallback list. */
export function availableTimeZones(intl: typeof Intl = Intl): string[] {
  const supportedValuesOf = (intl as { supportedValuesOf?: (key: "timeZone") => string[] }).supportedValuesOf;
  try {
    const zones = typeof supportedValuesOf === "function" ? supportedValuesOf("timeZone") : [];
    if (zones.length > 0) return [...zones];
  } catch {
    // An Intl without the "timeZone" key throws a RangeError: fall through to the short list.
  }
  return [...FALLBACK_TIME_ZONES];
}

/** The browser's zone, "UTC" if it cannot tell. */
export function detectedTimeZone(intl: typeof Intl = Intl): string {
  try {
    return intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

/** "GMT-6", "GMT+5:45" or "GMT" for a zone at `at`; "" if the browser cannot say. */
export function gmtOffset(timeZone: string, at: Date = new Date()): string {
  try {
    const parts = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "shortOffset" }).formatToParts(at);
    return parts.find((part) => part.type === "timeZoneName")?.value ?? "";
  } catch {
    return "";
  }
}

/**
 * Browsers and Node (ICU) still report some zones by their old IANA spelling ("Asia/Calcutta"). The value
 * sent stays what the runtime knows, so server and browser agree; people see the current name.
 */
const CURRENT_NAMES: Readonly<Record<string, string>> = {
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Asia/Rangoon": "Asia/Yangon",
  "Europe/Kiev": "Europe/Kyiv",
  "America/Godthab": "America/Nuuk",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Pacific/Truk": "Pacific/Chuuk",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Enderbury": "Pacific/Kanton",
};

/** The zone's name for people: current spelling, spaces for underscores ("Asia/Ho Chi Minh"). */
export function zoneDisplayName(zone: string): string {
  return (CURRENT_NAMES[zone] ?? zone).replace(/_/g, " ");
}

/** "America/Argentina/Buenos_Aires" → region "America", place "Argentina / Buenos Aires". */
export function splitZoneName(zoneValue: string): { region: string; place: string } {
  const zone = CURRENT_NAMES[zoneValue] ?? zoneValue;
  const slash = zone.indexOf("/");
  if (slash < 0) return { region: "Other", place: zone.replace(/_/g, " ") };
  return { region: zone.slice(0, slash), place: zone.slice(slash + 1).replace(/_/g, " ").replace(/\//g, " / ") };
}

/**
 * Groups for the <select>, regions and places in alphabetical order (so typing "Chi" jumps to Chicago).
 * `detected` is always included, even when the browser's list omits it (Chrome leaves out "UTC").
 */
export function timeZoneGroups(
  zones: readonly string[],
  detected: string,
  offsetOf: (zone: string) => string = (zone) => gmtOffset(zone),
): TimeZoneGroup[] {
  const unique = new Set(zones);
  unique.add(detected);
  const byRegion = new Map<string, TimeZoneOption[]>();
  for (const zone of unique) {
    const { region, place } = splitZoneName(zone);
    const offset = offsetOf(zone);
    const options = byRegion.get(region) ?? [];
    options.push({ value: zone, label: offset ? `${place} (${offset})` : place });
    byRegion.set(region, options);
  }
  return [...byRegion.entries()]
    .sort(([a], [b]) => (a === "Other" ? 1 : b === "Other" ? -1 : a.localeCompare(b)))
    .map(([label, options]) => ({ label, options: options.sort((a, b) => a.label.localeCompare(b.label)) }));
}
