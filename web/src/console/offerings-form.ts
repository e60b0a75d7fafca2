// Web: the "Offerings and webinars" page's rules (console/offerings, managers) — an offering's form values
// laid over the offering as loaded (what the form does not show stays as it is), a webinar's one-off
// sessions one per line, a routing rule as form values and back, which control an API field error belongs
// to, and the words of a routing test's trace. Pure, so the unit tests need no page.

import type { RoutingTestResponseBody } from "../api/console-types";

export type Offering = Record<string, unknown>;
export type Kind = "demo" | "webinar";

/** Text fields of the offering form by the offering's field (the API names these in its errors). */
export const OFFERING_TEXT: Record<string, string> = { id: "offering-id", title: "offering-title", description: "offering-description", joinUrl: "offering-join-url" };
/** Whole-number fields (minutes, counts); empty leaves an optional field out. */
export const OFFERING_NUMBERS: Record<Kind, Record<string, string>> = {
  demo: {
    durationMinutes: "offering-duration",
    slotIntervalMinutes: "offering-interval",
    minimumNoticeMinutes: "offering-notice",
    horizonDays: "offering-horizon",
    bufferBeforeMinutes: "offering-buffer-before",
    bufferAfterMinutes: "offering-buffer-after",
    dailyCapPerRep: "offering-daily-cap",
    maxColleagues: "offering-colleagues",
  },
  webinar: { durationMinutes: "offering-duration", capacity: "offering-capacity", horizonDays: "offering-horizon", maxColleagues: "offering-colleagues" },
};
/** Rep id lists: a demo's pool (empty: every rep), a webinar's hosts. */
export const OFFERING_LISTS: Record<Kind, Record<string, string>> = { demo: { reps: "offering-reps" }, webinar: { hosts: "offering-hosts" } };
const RECURRENCE: Record<string, string> = { rule: "recurrence-rule", time: "recurrence-time", timeZone: "recurrence-time-zone", startDate: "recurrence-start", until: "recurrence-until" };

export interface OfferingFormValues {
  text: Record<string, string>;
  numbers: Record<string, string>;
  lists: Record<string, string>;
  replayUrl: string;
  /** One local start per line, "2027-01-15T10:00"; a zone may follow: "2027-01-15T10:00 Europe/Berlin". */
  sessions: string;
  recurrence: Record<string, string>;
}

export function listOf(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((entry) => entry.trim())
    .filter(Boolean);
}

const lineOf = (session: Record<string, unknown>) => [session.start, session.timeZone].filter(Boolean).join(" ");

/** The form's values for an offering as loaded. */
export function offeringValues(offering: Offering, kind: Kind): OfferingFormValues {
  const pick = (fields: Record<string, string>, show: (value: unknown) => string) => Object.fromEntries(Object.keys(fields).map((field) => [field, show(offering[field])]));
  const recurrence = (offering.recurrence ?? {}) as Record<string, unknown>;
  return {
    text: pick(OFFERING_TEXT, (value) => (typeof value === "string" ? value : "")),
    numbers: pick(OFFERING_NUMBERS[kind], (value) => (typeof value === "number" ? String(value) : "")),
    lists: pick(OFFERING_LISTS[kind], (value) => (Array.isArray(value) ? value.join(", ") : "")),
    replayUrl: typeof offering.replayUrl === "string" ? offering.replayUrl : "",
    sessions: ((offering.sessions ?? []) as Record<string, unknown>[]).map(lineOf).join("\n"),
    recurrence: Object.fromEntries(Object.keys(RECURRENCE).map((field) => [field, typeof recurrence[field] === "string" ? (recurrence[field] as string) : ""])),
  };
}

/**
 * The offering to send: the loaded one (`base`) with the form's fields laid over it — empty optional fields
 * left out, numbers as numbers (anything else as typed: the API names it), a session kept with its other
 * fields (capacity, hosts) when its line is unchanged.
 */
export function offeringFromForm(base: Offering, kind: Kind, values: OfferingFormValues): Offering {
  const offering: Offering = { ...base, kind };
  const set = (field: string, value: unknown) => {
    if (value === "" || value === undefined || (Array.isArray(value) && value.length === 0)) delete offering[field];
    else offering[field] = value;
  };
  for (const [field, value] of Object.entries(values.text)) set(field, value.trim());
  for (const [field, value] of Object.entries(values.numbers)) set(field, value.trim() === "" ? "" : Number.isNaN(Number(value)) ? value.trim() : Number(value));
  for (const [field, value] of Object.entries(values.lists)) set(field, listOf(value));
  if (kind === "webinar") {
    set("replayUrl", values.replayUrl.trim());
    const earlier = new Map(((base.sessions ?? []) as Record<string, unknown>[]).map((session) => [lineOf(session), session]));
    offering.sessions = values.sessions
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const [start = "", timeZone] = line.split(/\s+/);
        return earlier.get(line) ?? { start, ...(timeZone ? { timeZone } : {}) };
      });
    const recurrence = Object.fromEntries(Object.entries(values.recurrence).flatMap(([field, value]) => (value.trim() ? [[field, value.trim()]] : [])));
    set("recurrence", Object.keys(recurrence).length > 0 ? recurrence : undefined);
  }
  return offering;
}

/** The control an offering field error belongs to ("sessions[1].start" → the sessions box), or none. */
export function offeringControlOf(field: string, kind: Kind): string | undefined {
  const [head = "", second = ""] = field.split(/[.[\]]+/);
  if (head === "sessions") return "offering-sessions";
  if (head === "replayUrl") return "offering-replay-url";
  if (head === "recurrence") return RECURRENCE[second] ?? "recurrence-rule";
  return OFFERING_TEXT[head] ?? OFFERING_NUMBERS[kind][head] ?? OFFERING_LISTS[kind][head];
}

/** A routing rule's form: conditions (when) and the reps it routes to (route), lists comma-separated. */
export const RULE_WHEN: Record<string, string> = { countries: "rule-countries", regions: "rule-regions", interestIncludes: "rule-interest", languages: "rule-languages", emailDomains: "rule-domains" };
export const RULE_ROUTE: Record<string, string> = { reps: "rule-reps", skills: "rule-skills", regions: "rule-route-regions", languages: "rule-route-languages" };

export interface RuleFormValues {
  name: string;
  when: Record<string, string>;
  teamSizeMin: string;
  teamSizeMax: string;
  route: Record<string, string>;
}

type Rule = { name: string; when: Record<string, unknown>; route: Record<string, unknown> };

export function ruleValues(rule?: Rule): RuleFormValues {
  const joined = (section: Record<string, unknown> | undefined, fields: Record<string, string>) => Object.fromEntries(Object.keys(fields).map((field) => [field, Array.isArray(section?.[field]) ? (section![field] as string[]).join(", ") : ""]));
  const teamSize = (rule?.when.teamSize ?? {}) as { min?: number; max?: number };
  return { name: rule?.name ?? "", when: joined(rule?.when, RULE_WHEN), teamSizeMin: teamSize.min?.toString() ?? "", teamSizeMax: teamSize.max?.toString() ?? "", route: joined(rule?.route, RULE_ROUTE) };
}

export function ruleFromForm(values: RuleFormValues): Rule {
  const lists = (section: Record<string, string>) => Object.fromEntries(Object.entries(section).flatMap(([field, value]) => (listOf(value).length > 0 ? [[field, listOf(value)]] : [])));
  const size = (text: string) => (text.trim() === "" ? undefined : Number.isNaN(Number(text)) ? text.trim() : Number(text));
  const min = size(values.teamSizeMin);
  const max = size(values.teamSizeMax);
  const teamSize = min === undefined && max === undefined ? {} : { teamSize: { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) } };
  return { name: values.name.trim(), when: { ...lists(values.when), ...teamSize }, route: lists(values.route) };
}

/** The control a routing field error belongs to: "rules[2].when.countries[0]" on the rule being edited (index 2). */
export function ruleControlOf(field: string, editedIndex: number): string | undefined {
  const match = /^(?:routing\.)?rules\[(\d+)\]\.?(\w*)\.?(\w*)/.exec(field);
  if (!match || Number(match[1]) !== editedIndex) return undefined;
  const [, , section, name = ""] = match;
  if (section === "name") return "rule-name";
  if (section === "when") return name === "teamSize" ? "rule-team-min" : RULE_WHEN[name];
  if (section === "route") return RULE_ROUTE[name] ?? "rule-reps";
  return undefined;
}

/** A routing test in words: each rule's step, then where the request goes. */
export function traceLines(test: RoutingTestResponseBody, repName: (id: string) => string): string[] {
  const steps = test.trace.map((step) => (step.matched ? `${step.rule}: matches` : `${step.rule}: does not apply — ${step.reason ?? ""}`));
  const pool = test.pool.map(repName).join(", ");
  const decision = test.rule === null ? `No rule applies: the fallback — ${pool}` : `Goes to ${pool} (rule "${test.rule}")`;
  return [...(steps.length > 0 ? steps : ["There are no rules."]), decision];
}
