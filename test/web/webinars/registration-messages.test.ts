// Tests: web/src/webinars/registration-messages — what a registrant reads after registering (check your inbox;
// each person e-mailed separately) and on the manage page, whatever the state of the session.

import { describe, expect, it } from "vitest";
import { cancelTarget, confirmationText, memberLabel, memberStatusLabel, registrationStatus } from "../../../web/src/webinars/registration-messages";

const wendy = { email: "wendy@webco.example", name: "Wendy Webinar", status: "confirmed" as const };
const ann = { email: "ann@webco.example", status: "confirmed" as const };
const bob = { email: "bob@webco.example", status: "waitlisted" as const };

describe("confirmationText", () => {
  it("says everything is in the e-mail — the API answers a new and a repeated registration alike (202), so the page says what it means", () => {
    const text = confirmationText(0, false);
    expect(text.heading).toBe("Check your inbox");
    expect(text.status).toBe("We have e-mailed you your registration.");
    expect(text.invitations).toMatch(/^It has your invitation with the join link .* and the link to see or change your registration\.$/);
  });

  it("says each colleague gets their own e-mail, and what a waitlist request's e-mail says", () => {
    expect(confirmationText(1, false).invitations).toContain("Your colleague gets their own e-mail; nobody sees the others' addresses.");
    expect(confirmationText(3, false).invitations).toContain("Each of your 3 colleagues gets their own e-mail");
    expect(confirmationText(0, true).invitations).toMatch(/^It says whether you have a seat or a place on the waitlist/);
  });

  it("says beside the calendar links that the join link is in the invitation e-mail (once seated, for the waitlist)", () => {
    expect(confirmationText(0, false).calendar).toBe("Add the session to your calendar to keep the time free. The join link is in your invitation e-mail.");
    expect(confirmationText(0, true).calendar).toMatch(/If a seat frees up, your invitation e-mail brings the join link\.$/);
  });
});

describe("members", () => {
  it("labels people and their status", () => {
    expect(memberLabel(wendy)).toBe("Wendy Webinar (wendy@webco.example)");
    expect(memberLabel(ann)).toBe("ann@webco.example");
    expect(memberStatusLabel("waitlisted")).toBe("On the waitlist");
    expect(memberStatusLabel("cancelled")).toBe("Cancelled");
    expect(cancelTarget([wendy, ann], ["wendy@webco.example"])).toBe("Wendy Webinar (wendy@webco.example)");
    expect(cancelTarget([wendy, ann], ["ann@webco.example", "wendy@webco.example"])).toBe("2 people");
    expect(cancelTarget([wendy, ann], undefined)).toBe("everyone");
  });
});

describe("registrationStatus", () => {
  const NOW = Date.parse("2026-11-30T12:00:00Z");
  const session = { start: "2026-12-01T17:00:00.000+01:00", end: "2026-12-01T17:45:00.000+01:00", registrationOpen: true };
  const view = (extra: Record<string, unknown> = {}) => ({ members: [wendy, ann], canChange: true, colleaguesLeft: 9, session, ...extra });

  it("offers cancelling and adding colleagues while the session is ahead", () => {
    expect(registrationStatus(view(), "loaded", undefined, NOW)).toEqual({
      heading: "Your webinar registration",
      status: "Confirmed: 2 seats. Cancel a seat or add colleagues below.",
      tone: "ok",
      canCancel: true,
      canAdd: true,
    });
    expect(registrationStatus(view({ members: [wendy, ann, bob] }), "loaded", undefined, NOW).status).toBe("Confirmed: 2 seats, 1 on the waitlist. Cancel a seat or add colleagues below.");
    expect(registrationStatus(view({ colleaguesLeft: 0 }), "loaded", undefined, NOW).canAdd).toBe(false);
    expect(registrationStatus(view({ session: { ...session, registrationOpen: false } }), "loaded", undefined, NOW).canAdd).toBe(false);
  });

  it("thanks for a change", () => {
    expect(registrationStatus(view(), "cancelled", "ann@webco.example", NOW).status).toMatch(/^Cancelled ann@webco\.example\. /);
    expect(registrationStatus(view(), "added", "cy@webco.example", NOW).status).toBe("Added cy@webco.example. Each gets their own invitation by e-mail.");
  });

  it("offers nothing once everyone cancelled, the session started, or its host cancelled it", () => {
    const cancelled = registrationStatus(view({ members: [{ ...wendy, status: "cancelled" }], canChange: false }), "cancelled", undefined, NOW);
    expect(cancelled).toMatchObject({ heading: "Your registration is cancelled", canCancel: false, canAdd: false });
    expect(registrationStatus(view({ canChange: false }), "loaded", undefined, Date.parse("2026-12-01T16:10:00Z")).status).toMatch(/has started/);
    expect(registrationStatus(view({ canChange: false }), "loaded", undefined, Date.parse("2026-12-02T00:00:00Z")).status).toMatch(/has taken place/);
    expect(registrationStatus(view({ canChange: false }), "loaded", undefined, NOW)).toMatchObject({ status: expect.stringMatching(/cancelled by its host/), canCancel: false, canAdd: false });
  });
});
