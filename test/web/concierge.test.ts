// Tests: Liveline.attach's reading of a site's form — fields by the site's own names (a split name
// joined), the prospect's zone, consent from the site's form, the host page as the source; nothing without a
// name and an address; a refused optional field dropped for the second try, a refused required one not.
import { describe, expect, it } from "vitest";
import { conciergeRequest, withoutFields } from "../../web/src/concierge";

const PAGE = { site: "https://book.liveline.example", hostPage: "https://www.northwind.example/contact?utm_medium=cpc", timeZone: "Europe/Berlin" };
const formOf = (values: Record<string, string>) => (name: string) => values[name];

describe("concierge request", () => {
  it("reads the site's fields by their own names and makes a contact request", () => {
    const request = conciergeRequest(
      formOf({ first_name: "Ada", last_name: "Lovelace", work_email: " ada@northwind.example ", org: "Northwind", phone: "+49 30 1234 5678", seats: "12", message: "Reporting" }),
      { offering: "live-demo", fields: { name: ["first_name", "last_name"], email: "work_email", company: "org", teamSize: "seats", interest: "message" } },
      PAGE,
    );
    expect(request).toEqual({
      body: {
        name: "Ada Lovelace",
        email: "ada@northwind.example",
        company: "Northwind",
        phone: "+49 30 1234 5678",
        teamSize: 12,
        interest: "Reporting",
        timeZone: "Europe/Berlin",
        consent: true,
        source: { utmMedium: "cpc", referrer: "https://www.northwind.example/contact?utm_medium=cpc" },
      },
      prefill: { name: "Ada Lovelace", email: "ada@northwind.example", company: "Northwind" },
    });
  });

  it("reads a field from the control of its own name when the options do not name one, and leaves out what is empty or not a team size", () => {
    const request = conciergeRequest(formOf({ name: "Grace", email: "grace@hopper.example", company: "", teamSize: "a dozen" }), { offering: "live-demo" }, PAGE);
    expect(request?.body).toEqual({ name: "Grace", email: "grace@hopper.example", timeZone: "Europe/Berlin", consent: true, source: { utmMedium: "cpc", referrer: PAGE.hostPage } });
  });

  it("makes none without a name or an e-mail address: the site's form goes on alone", () => {
    expect(conciergeRequest(formOf({ name: "Grace" }), { offering: "live-demo" }, PAGE)).toBeUndefined();
    expect(conciergeRequest(formOf({ email: "grace@hopper.example", name: "  " }), { offering: "live-demo" }, PAGE)).toBeUndefined();
  });

  it("drops an optional field the API refused, never a required one", () => {
    const body = conciergeRequest(formOf({ name: "Grace", email: "grace@hopper.example", phone: "call me" }), { offering: "live-demo" }, PAGE)!.body;
    const { phone, ...withoutPhone } = body;
    expect(phone).toBe("call me");
    expect(withoutFields(body, ["phone"])).toEqual(withoutPhone);
    expect(withoutFields(body, ["email"])).toBeUndefined();
    // Nothing to drop: the same request would be refused again.
    expect(withoutFields(withoutPhone, ["phone"])).toBeUndefined();
  });
});
