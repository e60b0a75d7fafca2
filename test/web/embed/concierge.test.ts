// Tests: Liveline.attach's reading of a site's form — fields by the site's own names (a split name joined),
// a field not named read from the control of its own name, empty ones left out; nothing without a name and
// an e-mail address (the site's form then goes on alone).
import { describe, expect, it } from "vitest";
import { conciergeDetails } from "../../../web/src/embed/concierge";

const formOf = (values: Record<string, string>) => (name: string) => values[name];

describe("concierge details", () => {
  it("reads the site's fields by their own names", () => {
    const details = conciergeDetails(
      formOf({ first_name: "Ada", last_name: "Lovelace", work_email: " ada@northwind.example ", org: "Northwind", phone: "+49 30 1234 5678", seats: "12", message: "Reporting" }),
      { offering: "live-demo", fields: { name: ["first_name", "last_name"], email: "work_email", company: "org", teamSize: "seats", interest: "message" } },
    );
    expect(details).toEqual({ name: "Ada Lovelace", email: "ada@northwind.example", company: "Northwind", phone: "+49 30 1234 5678", teamSize: "12", interest: "Reporting" });
  });

  it("reads a field from the control of its own name when the options do not name one, and leaves out what is empty", () => {
    expect(conciergeDetails(formOf({ name: "Grace", email: "grace@hopper.example", company: " " }), { offering: "live-demo" })).toEqual({ name: "Grace", email: "grace@hopper.example" });
  });

  it("gives none without a name or an e-mail address: the site's form goes on alone", () => {
    expect(conciergeDetails(formOf({ name: "Grace" }), { offering: "live-demo" })).toBeUndefined();
    expect(conciergeDetails(formOf({ email: "grace@hopper.example", name: "  " }), { offering: "live-demo" })).toBeUndefined();
  });
});
