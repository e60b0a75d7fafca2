// Tests: web/src/team-form — the Team page's form as the API's body (lists split, optional fields left out,
// days without hours left out), the control each API field error belongs to, a rep's row and the words for
// a deactivation and a stale save.
import { describe, expect, it } from "vitest";
import type { TeamMemberView } from "../../../web/src/api/console-types";
import { controlIdOf, deactivatedText, formValuesOf, memberBody, memberSummary, newMemberBody, staleText } from "../../../web/src/console/team-form";

const NORA: TeamMemberView = {
  id: "nora",
  name: "Nora Lind",
  email: "nora@acme.example",
  role: "rep",
  weight: 2,
  skills: ["enterprise", "healthcare"],
  regions: ["emea"],
  languages: ["en", "sv"],
  language: "en",
  timeZone: "Europe/Stockholm",
  phone: "+4685550100",
  workingHours: { mon: ["09:00-12:00", "13:00-17:00"], fri: ["09:00-15:00"] },
  active: true,
  offerings: ["live-demo"],
};

describe("the Team page's form", () => {
  it("turns a rep into the form and back into the same body, leaving out what is empty", () => {
    const values = formValuesOf(NORA);
    expect(values.hours.mon).toBe("09:00-12:00, 13:00-17:00");
    expect(values.hours.tue).toBe("");
    expect(values.meetingUrl).toBe("");
    const { id: _id, active: _active, offerings: _offerings, ...expected } = NORA;
    expect(memberBody(values)).toEqual({ ...expected, meetingUrl: undefined, calendarFeedUrl: undefined });
    expect(newMemberBody({ ...values, id: " nora " }).id).toBe("nora");
  });

  it("splits lists on commas and lines, trims, and sends a weight that is no number as null (the API names it)", () => {
    const body = memberBody({ ...formValuesOf(NORA), skills: " a ,\nb,, ", weight: "lots", role: "manager" });
    expect(body.skills).toEqual(["a", "b"]);
    expect(body.role).toBe("manager");
    expect(JSON.parse(JSON.stringify(body)).weight).toBeNull();
    expect(memberBody({ ...formValuesOf(NORA), weight: " 1.5 " }).weight).toBe(1.5);
  });

  it("puts each API field error on its control, a day's hours on that day, and others in the alert", () => {
    expect(controlIdOf("weight")).toBe("member-weight");
    expect(controlIdOf("calendarFeedUrl")).toBe("member-calendar-feed");
    expect(controlIdOf("workingHours.tue[1]")).toBe("member-hours-tue");
    expect(controlIdOf("skills[2]")).toBe("member-skills");
    expect(controlIdOf("offerings[2].hosts[0]")).toBeUndefined();
  });
});

describe("the Team page's words", () => {
  it("sums a rep up in a line, saying when they are deactivated", () => {
    expect(memberSummary(NORA)).toBe("Rep · weight 2 · Europe/Stockholm · skills: enterprise, healthcare · regions: emea · languages: en, sv · offers live-demo");
    expect(memberSummary({ ...NORA, role: "manager", skills: [], regions: [], languages: [], active: false, offerings: [] })).toBe("Manager · weight 2 · Europe/Stockholm · deactivated");
  });

  it("says what a deactivation handed over and what a stale save means", () => {
    expect(deactivatedText("Maya", 0)).toBe("Maya is deactivated: no open call-backs to hand over. Their history stays.");
    expect(deactivatedText("Maya", 1)).toBe("Maya is deactivated: 1 open call-back went to the team's pool. Their history stays.");
    expect(deactivatedText("Maya", 3)).toContain("3 open call-backs went to the team's pool");
    expect(staleText(7)).toBe("Someone else saved a change meanwhile: the team now shows version 7. Make your change again on it.");
  });
});
