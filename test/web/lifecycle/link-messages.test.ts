// Tests: web/src/lifecycle/link-messages — what each lifecycle page says when the API refuses its link.

import { describe, expect, it } from "vitest";
import { apiSentence, expiredLinkMessage, rejectionNotice } from "../../../web/src/lifecycle/link-messages";

const error = (code: string, message = "x") => ({ code, message });

describe("rejectionNotice", () => {
  it("says an expired or replaced manage link should be swapped for the newest e-mail's", () => {
    expect(rejectionNotice("manage", 403, error("forbidden")).message).toBe(
      "This link has expired or was replaced by a newer one — use the link in your most recent e-mail from us.",
    );
    expect(rejectionNotice("manage", 404, error("not_found")).message).toBe("We could not find this booking.");
  });

  it("tells a webinar registrant with a dead link where the working one is", () => {
    expect(rejectionNotice("registration", 403, error("forbidden"))).toEqual({
      heading: "This link doesn't work",
      message: "This link has expired or is not valid — use the link in your most recent e-mail about this webinar.",
      tone: "problem",
    });
    expect(rejectionNotice("registration", 404, error("not_found")).message).toBe("We could not find this registration.");
  });

  it("gives every page its own words for an expired link", () => {
    for (const page of ["manage", "outcome", "feedback", "unsubscribe", "registration"] as const) {
      expect(rejectionNotice(page, 403, error("forbidden"))).toMatchObject({ message: expiredLinkMessage(page), tone: "problem" });
    }
  });

  it("treats a second click on a one-time link as done, not as an error", () => {
    expect(rejectionNotice("outcome", 409, error("outcome_already_recorded"))).toMatchObject({ message: "Already logged. Nothing changed.", tone: "done" });
    expect(rejectionNotice("feedback", 409, error("feedback_already_received"))).toMatchObject({
      message: "We already have your feedback — thank you.",
      tone: "done",
    });
  });

  it("passes other refusals on as sentences", () => {
    expect(rejectionNotice("manage", 409, error("booking_changed", "This booking was just changed elsewhere"))).toMatchObject({
      message: "This booking was just changed elsewhere.",
      tone: "problem",
    });
  });
});

describe("apiSentence", () => {
  it("gives a fragment its subject and closes it", () => {
    expect(apiSentence("must be 1 to 5", "The rating")).toBe("The rating must be 1 to 5.");
    expect(apiSentence("must be 1 to 5")).toBe("Must be 1 to 5.");
    expect(apiSentence("Already done!", "The rating")).toBe("Already done!");
    expect(apiSentence("  ")).toBe("Something went wrong.");
  });
});
