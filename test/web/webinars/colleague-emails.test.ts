// Tests: web/src/webinars/colleague-emails — the colleagues a registrant brings (an address, and the name to greet
// them by): checked before sending, and an API error about "colleagues[n]" (or "colleagues[n].name") finds
// the input it is about even when empty rows were skipped.

import { describe, expect, it } from "vitest";
import { checkColleagues, colleagueIndexOf, colleaguePartOf, colleaguesHint, sentPositions } from "../../../web/src/webinars/colleague-emails";

const rows = (...emails: string[]) => emails.map((email) => ({ email, name: "" }));

describe("checkColleagues", () => {
  it("sends each address once, trimmed, skipping empty inputs", () => {
    expect(checkColleagues(rows(" ann@co.example ", "", "bob@co.example"), ["me@co.example"])).toEqual({
      emails: ["ann@co.example", "bob@co.example"],
      colleagues: [{ email: "ann@co.example" }, { email: "bob@co.example" }],
      problems: [],
    });
  });

  it("sends the name given for a colleague, trimmed, and asks for the address of a name without one", () => {
    const checked = checkColleagues([{ email: "ann@co.example", name: "  Ann Lee " }, { email: "bo@co.example", name: " " }, { email: " ", name: "Cy Young" }, { email: "", name: "" }]);
    expect(checked.colleagues).toEqual([{ email: "ann@co.example", name: "Ann Lee" }, { email: "bo@co.example" }]);
    expect(checked.problems).toEqual([{ index: 2, part: "email", message: "Please enter Cy Young's work e-mail, or remove this colleague." }]);
  });

  it("names the input of a malformed address, a repeated one, and one already registered", () => {
    const checked = checkColleagues(rows("ann@co.example", "not-an-address", "ANN@co.example", "Me@Co.example"), ["me@co.example"]);
    expect(checked.problems).toEqual([
      { index: 1, part: "email", message: "Please enter a valid e-mail address, like name@company.com." },
      { index: 2, part: "email", message: "This address is already in the list." },
      { index: 3, part: "email", message: "This person is already registered here." },
    ]);
    expect(checked.emails).toEqual(["ann@co.example"]);
  });
});

describe("colleagueIndexOf and sentPositions", () => {
  it("maps the API's colleagues[n] back to the input, across skipped empty inputs", () => {
    const values = rows("a@x.example", "", "b@x.example", "  ", "c@x.example");
    const sent = sentPositions(values);
    expect(sent).toEqual([0, 2, 4]);
    expect(colleagueIndexOf("colleagues[1]", sent)).toBe(2);
    expect(colleagueIndexOf("colleagues.2", sent)).toBe(4);
    expect(colleagueIndexOf("colleagues", sent)).toBeUndefined();
    expect(colleagueIndexOf("colleagues[7]", sent)).toBeUndefined();
    expect(colleagueIndexOf("email", sent)).toBeUndefined();
    expect(colleagueIndexOf(undefined, sent)).toBeUndefined();
    expect(colleagueIndexOf("colleagues[2].name", sent)).toBe(4);
  });

  it("tells a colleague's name input from their e-mail input", () => {
    expect(colleaguePartOf("colleagues[2].name")).toBe("name");
    expect(colleaguePartOf("colleagues[2].email")).toBe("email");
    expect(colleaguePartOf("colleagues[2]")).toBe("email");
    expect(colleaguePartOf("name")).toBe("email");
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
