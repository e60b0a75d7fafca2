// Web: the host page's attendance — marks from its checkboxes (POST …/attendance {marks}), a check of the
// platform's CSV before it is sent as text/csv, the result in groups a host can read, and where a refused
// request's error belongs (the token, the session id, the upload, or the attendance box).

import { ATTENDANCE_MAX_BYTES } from "../../../functions/handlers/http/body-limits";
import type { ApiError } from "../api/api-client";
import type { AttendanceBody, AttendanceResult, Attendee } from "../api/api-types";
import { apiSentence } from "../lifecycle/link-messages";

/** The API refuses larger uploads (413). */
export const MAX_UPLOAD_BYTES = ATTENDANCE_MAX_BYTES;

/** One mark per seated attendee: checked means attended. Waitlisted people had no seat to attend with. */
export function attendanceMarks(attendees: readonly Pick<Attendee, "email" | "status">[], attended: ReadonlySet<string>): NonNullable<AttendanceBody["marks"]> {
  return attendees.filter((attendee) => attendee.status === "confirmed").map((attendee) => ({ email: attendee.email, attended: attended.has(attendee.email) }));
}

/** Why a chosen file cannot be sent, or undefined when it can. */
export function csvFileProblem(file: { name: string; size: number; type: string } | undefined): string | undefined {
  if (!file) return "Please choose the attendance report (a .csv file) exported from your webinar platform.";
  if (file.size === 0) return "This file is empty. Please export the attendance report again.";
  const csvLike = /\.(csv|txt)$/i.test(file.name) || /^text\/(csv|plain)|application\/vnd\.ms-excel/.test(file.type);
  if (!csvLike) return "Please choose a .csv file (the attendance report your webinar platform exports).";
  if (file.size > MAX_UPLOAD_BYTES) return `This file is ${Math.ceil(file.size / 1024)} KB; at most ${MAX_UPLOAD_BYTES / 1024} KB can be uploaded. Remove columns you don't need (keep e-mail and duration), or mark attendance with the checkboxes.`;
  return undefined;
}

export interface AttendanceGroup {
  key: keyof AttendanceResult;
  heading: string;
  /** "Wendy Webinar (wendy@webco.example)" when the list knows the name. */
  people: string[];
}

const GROUPS: readonly { key: keyof AttendanceResult; heading: string }[] = [
  { key: "stayed", heading: "Stayed" },
  { key: "leftEarly", heading: "Left early" },
  { key: "noShows", heading: "No-shows" },
  { key: "unknown", heading: "Not registered for this session" },
];

/** The result in the order a host reads it; empty groups are left out. */
export function attendanceGroups(result: AttendanceResult, attendees: readonly Pick<Attendee, "email" | "name">[] = []): AttendanceGroup[] {
  const names = new Map(attendees.map((attendee) => [attendee.email.toLowerCase(), attendee.name]));
  const label = (email: string) => {
    const name = names.get(email.toLowerCase());
    return name && name !== email ? `${name} (${email})` : email;
  };
  return GROUPS.filter(({ key }) => result[key].length > 0).map(({ key, heading }) => ({ key, heading, people: result[key].map(label) }));
}

/** "2 stayed, 1 left early, 3 no-shows, 1 not registered." */
export function attendanceSummary(result: AttendanceResult): string {
  const parts = [
    `${result.stayed.length} stayed`,
    `${result.leftEarly.length} left early`,
    `${result.noShows.length} no-show${result.noShows.length === 1 ? "" : "s"}`,
  ];
  if (result.unknown.length > 0) parts.push(`${result.unknown.length} not registered`);
  return `${parts.join(", ")}.`;
}

/** Where a refused host request's message goes. */
export type HostErrorTarget = "token" | "sessionId" | "upload" | "attendance" | "general";

export interface HostProblem {
  target: HostErrorTarget;
  message: string;
}

/** `upload`: the request was the CSV upload (its content problems belong next to the file input). */
export function hostProblem(status: number, error: ApiError, upload = false): HostProblem {
  if (status === 401) return { target: "token", message: "Please paste your host API token." };
  if (status === 403) return { target: "token", message: apiSentence(error.message || "This token is not one of this session's hosts.") };
  if (status === 404) return { target: "sessionId", message: apiSentence(error.message || "There is no such webinar session.") };
  if (status === 413) return { target: upload ? "upload" : "attendance", message: `That is too much to send at once: at most ${MAX_UPLOAD_BYTES / 1024} KB.` };
  const message = withoutFieldName(error.message, error.field);
  if (upload && error.code === "invalid_attendance_report") return { target: "upload", message: apiSentence(message, "Attendees") };
  if (error.field === "attendees" || error.field?.startsWith("marks") || error.code === "session_not_started") return { target: "attendance", message: apiSentence(message, "Attendance") };
  return { target: "general", message: apiSentence(message) };
}

/** The API writes "attendees can be recorded once…": the field's name gives way to a label. */
function withoutFieldName(message: string, field: string | undefined): string {
  if (!field) return message;
  const escaped = field.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return message.trim().replace(new RegExp(`^${escaped}\\s*:?\\s+`, "i"), "");
}
