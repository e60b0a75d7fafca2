// Web: the choices of the form's Country and "Preferred language for the demo" selects (step 1). The API
// routes the lead to reps by them, so both are preset from the browser and the person only corrects them.

export interface ChoiceOption {
  value: string;
  label: string;
}

/**
 * ISO 3166-1 alpha-2, every assigned code, plus XK (Kosovo: user-assigned, but what everyone uses). One
 * string keeps the bundle small; the names come from the browser (Intl.DisplayNames), not from us.
 */
const COUNTRY_CODES =
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
  "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
  "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
  "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
  "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
  "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ " +
  "UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW";

export function countryCodes(): string[] {
  return COUNTRY_CODES.split(" ");
}

/** The languages reps give demos in, each named in itself (so a reader finds their own). */
export const LANGUAGES: readonly ChoiceOption[] = [
  { value: "en", label: "English" },
  { value: "de", label: "Deutsch" },
  { value: "fr", label: "Français" },
  { value: "es", label: "Español" },
  { value: "pt", label: "Português" },
  { value: "it", label: "Italiano" },
  { value: "nl", label: "Nederlands" },
  { value: "hi", label: "हिन्दी" },
  { value: "ja", label: "日本語" },
];

/** `tag` if Intl accepts it, else "en": a malformed navigator.language must not break the form. */
export function safeLocale(tag: string | undefined): string {
  try {
    return Intl.getCanonicalLocales(tag || "en")[0] ?? "en";
  } catch {
    return "en";
  }
}

export type RegionNames = { of(code: string): string | undefined };

/** Country names in `locale`; undefined on browsers without Intl.DisplayNames (the codes are shown). */
export function regionNames(locale: string): RegionNames | undefined {
  try {
    return new Intl.DisplayNames([locale], { type: "region" });
  } catch {
    return undefined;
  }
}

/** Countries sorted by their name in `locale` (so typing "Ger" in the select jumps to Germany). */
export function countryOptions(names: RegionNames | undefined, locale: string, codes: readonly string[] = countryCodes()): ChoiceOption[] {
  const label = (code: string) => {
    try {
      return names?.of(code) || code;
    } catch {
      return code;
    }
  };
  const collator = new Intl.Collator(locale);
  return codes.map((code) => ({ value: code, label: label(code) })).sort((a, b) => collator.compare(a.label, b.label));
}

/** The region subtag of a language tag: "en-US" → "US", "zh-Hant-TW" → "TW"; "en" or "es-419" → "". */
export function regionOfLocale(tag: string | undefined): string {
  const match = /^[a-z]{2,3}(?:-[a-z]{4})?-([a-z]{2})(?:-|$)/i.exec(tag ?? "");
  return match?.[1]?.toUpperCase() ?? "";
}

/** The browser's country when the list has it, else "" (the "Choose…" option). */
export function defaultCountry(tag: string | undefined, options: readonly ChoiceOption[]): string {
  const region = regionOfLocale(tag);
  return options.some((option) => option.value === region) ? region : "";
}

/** The primary subtag of the browser's language when reps speak it, else English. */
export function defaultLanguage(tag: string | undefined): string {
  const primary = (tag ?? "").split(/[-_]/)[0]?.toLowerCase() ?? "";
  return LANGUAGES.some((option) => option.value === primary) ? primary : "en";
}
