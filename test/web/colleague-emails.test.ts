// Tests: web/src/colleague-emails — the colleagues a registrant brings: checked before sending, and an API
// error about "colleagues[n]" finds the input it is about even when empty inputs were skipped.

import { describe, expect, it } from "vitest";
import { checkColleagues, colleagueIndexOf, colleaguesHint, sentPositions } from "../../web/src/colleague-emails";

describe("checkColleagues", () => {
  it("sends each address once, trimmed, skipping empty inputs", () => {
    expect(checkColleagues([" ann@co.example ", "", "bob@co.example"], ["me@co.example"])).toEqual({
      emails: ["ann@co.example", "bob@co.example"],
      problems: [],
    });
  });

  it("names the input of a malformed address, a repeated one, and one already registered", () => {
    const checked = checkColleagues(["ann@co.example", "not-an-address", "ANN@co.example", "Me@Co.example"], ["me@co.example"]);
    expect(checked.problems).toEqual([
      { index: 1, message: "Please enter a valid e-mail address, like name@company.com." },
      { index: 2, message: "This address is already in the list." },
      { index: 3, message: "This person is already registered here." },
    ]);
    expect(checked.emails).toEqual(["ann@co.example"]);
  });
});

describe("colleagueIndexOf and sentPositions", () => {
  it("maps the API's colleagues[n] back to the input, across skipped empty inputs", () => {
    const values = ["a@x.example", "", "b@x.example", "  ", "c@x.example"];
    const sent = sentPositions(values);
    expect(sent).toEqual([0, 2, 4]);
    expect(colleagueIndexOf("colleagues[1]", sent)).toBe(2);
    expect(colleagueIndexOf("colleagues.2", sent)).toBe(4);
    expect(colleagueIndexOf("colleagues", sent)).toBeUndefined();
    expect(colleagueIndexOf("colleagues[7]", sent)).toBeUndefined();
    expect(colleagueIndexOf("email", sent)).toBeUndefined();
    expect(colleagueIndexOf(undefined, sent)).toBeUndefined();
  });
});

describe("colleaguesHint", () => {
  it("says how many may come, how many more, and when the list is full", () => {
    expect(colleaguesHint(0, 10)).toBe("Invite up to 10 colleagues. Each gets their own invitation.");
    expect(colleaguesHint(0, 1)).toBe("Invite up to 1 colleague. Each gets their own invitation.");
    expect(colleaguesHint(3, 10)).toBe("You can add 7 more. Each colleague gets their own invitation.");
    expect(colleaguesHint(10, 10)).toBe("That's the most: 10 colleagues. Each gets their own invitation.");
    expect(colleaguesHint(0, 0)).toBe("No more colleagues can be added to this registration.");
  });
});
