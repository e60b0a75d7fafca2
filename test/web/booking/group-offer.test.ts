// Tests: web/src/booking/group-offer — the words of the booking page's private group session offer.

import { describe, expect, it } from "vitest";
import { colleaguesInvitedText, groupOfferText, groupSwitchLabel, type GroupSession } from "../../../web/src/booking/group-offer";

const group: GroupSession = {
  offering: { id: "team-demo", title: "Private team demo", durationMinutes: 45, kind: "demo" },
  maxColleagues: 10,
};

describe("groupOfferText", () => {
  it("names the team size when it is known, the session, its length and how many colleagues may come", () => {
    expect(groupOfferText(group, 12)).toBe(
      "Bringing your team of 12? Book a Private team demo (45 min) instead: invite up to 10 colleagues, and each gets their own invitation.",
    );
    expect(groupOfferText({ ...group, maxColleagues: 1 }, undefined)).toBe(
      "Bringing your team? Book a Private team demo (45 min) instead: invite up to 1 colleague, and each gets their own invitation.",
    );
  });
});

describe("groupSwitchLabel", () => {
  it("offers the group session, then the way back to the demo the request was routed to", () => {
    expect(groupSwitchLabel(false, { title: "Live product demo" })).toBe("Book the team session instead");
    expect(groupSwitchLabel(true, { title: "Live product demo" })).toBe("Back to the Live product demo");
  });
});

describe("colleaguesInvitedText", () => {
  it("says nothing without colleagues, and counts them otherwise", () => {
    expect(colleaguesInvitedText(0)).toBe("");
    expect(colleaguesInvitedText(1)).toBe("Your colleague gets their own invitation too.");
    expect(colleaguesInvitedText(3)).toBe("Your 3 colleagues each get their own invitation too.");
  });
});
