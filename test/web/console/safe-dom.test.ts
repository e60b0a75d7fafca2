// The only link targets the console writes from API data: dialable tel:, plain mailto:, http(s) join links.
import { describe, expect, it } from "vitest";
import { httpHref, mailtoHref, telHref } from "../../../web/src/console/safe-dom";

describe("safe links", () => {
  it("makes tel: links of phone numbers only", () => {
    expect(telHref("+33 1 23 45 67 89")).toBe("tel:+33123456789");
    expect(telHref("(312) 555-0100")).toBe("tel:3125550100");
    expect(telHref(undefined)).toBeUndefined();
    expect(telHref("javascript:alert(1)")).toBeUndefined();
    expect(telHref("+1 555 0100?body=x")).toBeUndefined();
  });

  it("makes mailto: links of plain addresses only", () => {
    expect(mailtoHref("pat@initech.example")).toBe("mailto:pat@initech.example");
    expect(mailtoHref("pat@initech.example?cc=boss@x.example")).toBeUndefined();
    expect(mailtoHref("a b@x.example")).toBeUndefined();
  });

  it("lets only http(s) join links through", () => {
    expect(httpHref("https://meet.jit.si/acme-demo-1")).toBe("https://meet.jit.si/acme-demo-1");
    expect(httpHref("javascript:alert(1)")).toBeUndefined();
    expect(httpHref("data:text/html,<script>")).toBeUndefined();
    expect(httpHref("/relative")).toBeUndefined();
  });
});
