// Web: the Team page's rules (console/team, managers) — the form's values as the API's body (lists split on
// commas, empty optional fields left out), which control an API field error belongs to, and the words for a
// rep's row and for what a save or deactivation did. Pure, so the unit tests need no page.

import type { NewTeamMemberBody, TeamMemberBody, TeamMemberView } from "../api/console-types";

export const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Day = (typeof DAYS)[number];

/** What the form holds, as text (each day's ranges comma-separated). */
export interface TeamFormValues {
  id: string;
  name: string;
  email: string;
  role: string;
  weight: string;
  skills: string;
  regions: string;
  languages: string;
  language: string;
  timeZone: string;
  phone: string;
  meetingUrl: string;
  calendarFeedUrl: string;
  hours: Record<Day, string>;
}

/** The form's controls by the body field they fill (the API names these in its errors). */
export const CONTROL_OF_FIELD: Record<string, string> = {
  id: "member-id",
  name: "member-name",
  email: "member-email",
  role: "member-role",
  weight: "member-weight",
  skills: "member-skills",
  regions: "member-regions",
  languages: "member-languages",
  language: "member-language",
  timeZone: "member-time-zone",
  phone: "member-phone",
  meetingUrl: "member-meeting-url",
  calendarFeedUrl: "member-calendar-feed",
};

export const dayControl = (day: Day): string => `member-hours-${day}`;

export function listOf(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** The body of PUT /api/settings/reps/{id} (or, with the id, of POST /api/settings/reps). */
export function memberBody(values: TeamFormValues): TeamMemberBody {
  const workingHours: NonNullable<TeamMemberBody["workingHours"]> = {};
  for (const day of DAYS) {
    const ranges = listOf(values.hours[day]);
    if (ranges.length > 0) workingHours[day] = ranges;
  }
  const optional = (text: string) => text.trim() || undefined;
  return {
    name: values.name.trim(),
    email: values.email.trim(),
    role: values.role === "manager" ? "manager" : "rep",
    // Not a number: NaN goes as null, which the API refuses naming weight.
    weight: Number(values.weight.trim() || Number.NaN),
    skills: listOf(values.skills),
    regions: listOf(values.regions),
    languages: listOf(values.languages),
    language: values.language,
    timeZone: values.timeZone.trim(),
    phone: optional(values.phone),
    meetingUrl: optional(values.meetingUrl),
    calendarFeedUrl: optional(values.calendarFeedUrl),
    workingHours,
  };
}

export function newMemberBody(values: TeamFormValues): NewTeamMemberBody {
  return { id: values.id.trim(), ...memberBody(values) };
}

/** The form's values for a rep being edited. */
export function formValuesOf(rep: TeamMemberView): TeamFormValues {
  const hours = Object.fromEntries(DAYS.map((day) => [day, (rep.workingHours[day] ?? []).join(", ")])) as Record<Day, string>;
  return {
    id: rep.id,
    name: rep.name,
    email: rep.email,
    role: rep.role,
    weight: String(rep.weight),
    skills: rep.skills.join(", "),
    regions: rep.regions.join(", "),
    languages: rep.languages.join(", "),
    language: rep.language,
    timeZone: rep.timeZone,
    phone: rep.phone ?? "",
    meetingUrl: rep.meetingUrl ?? "",
    calendarFeedUrl: rep.calendarFeedUrl ?? "",
    hours,
  };
}

/** The control an API field error belongs to ("workingHours.tue[1]" → Tuesday's hours), or none (shown in the alert). */
export function controlIdOf(field: string): string | undefined {
  const [head = "", second = ""] = field.split(/[.[]/);
  if (head === "workingHours") return (DAYS as readonly string[]).includes(second) ? dayControl(second as Day) : dayControl("mon");
  return CONTROL_OF_FIELD[head];
}

/** A rep's row: what they do, in a line. */
export function memberSummary(rep: TeamMemberView): string {
  const parts = [rep.role === "manager" ? "Manager" : "Rep", `weight ${rep.weight}`, rep.timeZone];
  if (rep.skills.length > 0) parts.push(`skills: ${rep.skills.join(", ")}`);
  if (rep.regions.length > 0) parts.push(`regions: ${rep.regions.join(", ")}`);
  if (rep.languages.length > 0) parts.push(`languages: ${rep.languages.join(", ")}`);
  parts.push(rep.active ? (rep.offerings.length > 0 ? `offers ${rep.offerings.join(", ")}` : "in no demo pool") : "deactivated");
  return parts.join(" · ");
}

/** What a deactivation did, for the status line. */
export function deactivatedText(name: string, handedToPool: number): string {
  const callBacks = handedToPool === 0 ? "no open call-backs to hand over" : handedToPool === 1 ? "1 open call-back went to the team's pool" : `${handedToPool} open call-backs went to the team's pool`;
  return `${name} is deactivated: ${callBacks}. Their history stays.`;
}

/** The notice after a 412: someone saved first; the page now shows their version. */
export function staleText(version: number): string {
  return `Someone else saved a change meanwhile: the team now shows version ${version}. Make your change again on it.`;
}
