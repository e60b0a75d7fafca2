// Tests: web/src/webinars/attendance — the host's marks, the CSV checked before upload, the result in groups, and
// where a refused host request's message goes.

import { describe, expect, it } from "vitest";
import { MAX_UPLOAD_BYTES, attendanceGroups, attendanceMarks, attendanceSummary, csvFileProblem, hostProblem } from "../../../web/src/webinars/attendance";

const attendees = [
  { email: "ada@x.example", name: "Ada", status: "confirmed" as const },
  { email: "bob@x.example", name: "Bob", status: "confirmed" as const },
  { email: "cy@x.example", name: "cy@x.example", status: "waitlisted" as const },
];

describe("attendanceMarks", () => {
  it("marks every seated attendee, ticked or not, and leaves out the waitlist", () => {
    expect(attendanceMarks(attendees, new Set(["ada@x.example", "cy@x.example"]))).toEqual([
      { email: "ada@x.example", attended: true },
      { email: "bob@x.example", attended: false },
    ]);
  });
});

describe("csvFileProblem", () => {
  const file = (name: string, size: number, type = "text/csv") => ({ name, size, type });
  it("accepts a CSV export within the API's limit", () => {
    expect(csvFileProblem(file("zoom-attendance.csv", 4_000))).toBeUndefined();
    expect(csvFileProblem(file("report.CSV", 100, ""))).toBeUndefined();
  });

  it("refuses no file, an empty one, a non-CSV one and one over 16 KB, saying why", () => {
    expect(csvFileProblem(undefined)).toMatch(/choose the attendance report/);
    expect(csvFileProblem(file("a.csv", 0))).toMatch(/empty/);
    expect(csvFileProblem(file("report.xlsx", 2_000, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))).toMatch(/\.csv file/);
    expect(csvFileProblem(file("big.csv", MAX_UPLOAD_BYTES + 1))).toMatch(/^This file is 1025 KB; at most 1024 KB/);
  });
});

describe("attendanceGroups and attendanceSummary", () => {
  const result = { stayed: ["ada@x.example"], leftEarly: [], noShows: ["bob@x.example"], unknown: ["stranger@nowhere.example"] };
  it("names people the list knows, in the order a host reads, without empty groups", () => {
    expect(attendanceGroups(result, attendees)).toEqual([
      { key: "stayed", heading: "Stayed", people: ["Ada (ada@x.example)"] },
      { key: "noShows", heading: "No-shows", people: ["Bob (bob@x.example)"] },
      { key: "unknown", heading: "Not registered for this session", people: ["stranger@nowhere.example"] },
    ]);
  });

  it("counts each outcome in one line", () => {
    expect(attendanceSummary(result)).toBe("1 stayed, 0 left early, 1 no-show, 1 not registered.");
    expect(attendanceSummary({ stayed: [], leftEarly: ["a"], noShows: ["b", "c"], unknown: [] })).toBe("0 stayed, 1 left early, 2 no-shows.");
  });
});

describe("hostProblem", () => {
  const error = (code: string, message: string, field?: string) => ({ code, message, ...(field ? { field } : {}) });
  it("puts token problems by the token and an unknown session by the session", () => {
    expect(hostProblem(401, error("unauthorized", "Send a host's API token as Authorization: Bearer <token>."))).toEqual({ target: "token", message: "Please paste your host API token." });
    expect(hostProblem(403, error("forbidden", "Only this session's hosts may do this.", "token"))).toEqual({ target: "token", message: "Only this session's hosts may do this." });
    expect(hostProblem(404, error("not_found", "There is no such webinar session."))).toEqual({ target: "sessionId", message: "There is no such webinar session." });
  });

  it("puts an unreadable report by the file input, and attendance before the start in the attendance box", () => {
    expect(hostProblem(422, error("invalid_attendance_report", "attendees were not found in the file (no e-mail column?).", "attendees"), true)).toEqual({
      target: "upload",
      message: "Attendees were not found in the file (no e-mail column?).",
    });
    expect(hostProblem(422, error("session_not_started", "attendees can be recorded once the session has started.", "attendees"))).toEqual({
      target: "attendance",
      message: "Attendance can be recorded once the session has started.",
    });
    expect(hostProblem(413, error("body_too_large", "The request body is 20000 bytes"), true).target).toBe("upload");
    expect(hostProblem(400, error("invalid_json", "The request body is not valid JSON."))).toEqual({ target: "general", message: "The request body is not valid JSON." });
  });
});
