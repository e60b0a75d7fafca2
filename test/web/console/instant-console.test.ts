// The console's "call me now" words: what the switch's state says, the announcement of a new call, and the
// lead history lines of an instant call; the booking page's status lines while the call is put through.
import { describe, expect, it } from "vitest";
import { statusText } from "../../../web/src/booking/call-me-now";
import { describeEvent } from "../../../web/src/console/console-labels";
import { alertText, presenceText } from "../../../web/src/console/instant-console";

describe("call me now, in words", () => {
  it("tells the rep whether a request would ring them, and why not", () => {
    expect(presenceText({ available: false, reachable: false, reason: "off" })).toMatch(/^Off/);
    expect(presenceText({ available: true, reachable: true, until: "2026-12-01T15:30:00.000Z" })).toMatch(/^On: prospects can ask you to call them now/);
    expect(presenceText({ available: true, reachable: false, reason: "outside-hours" })).toMatch(/outside your working hours/);
    expect(presenceText({ available: true, reachable: false, reason: "in-demo" })).toMatch(/paused while your demo runs/);
    expect(presenceText({ available: true, reachable: false, reason: "day-off" })).toMatch(/day off/);
  });

  it("announces a new call with the lead's name and company, as text", () => {
    expect(alertText({ lead: { id: "l", name: "Ina <b>Instant</b>", company: "Initech", email: "i@x.example", timeZone: "UTC" } })).toBe(
      "Call me now: Ina <b>Instant</b> (Initech) is waiting for your call. Claim it now, or it moves to the next rep.",
    );
  });

  it("writes each step of an instant call in the lead's history", () => {
    const names = (id: string) => ({ maya: "Maya Johnson", lukas: "Lukas Becker" })[id] ?? id;
    expect(describeEvent({ at: "t", kind: "instant_requested", data: { status: "ringing" } }).title).toBe("Asked to be called now (Call me now)");
    expect(describeEvent({ at: "t", kind: "instant_requested", data: { status: "unavailable" } }).title).toBe("Asked to be called now (Call me now): nobody was free");
    expect(describeEvent({ at: "t", kind: "instant_handed_off", data: { repId: "lukas" } }, names).title).toBe("Call me now: moved to the next rep (Lukas Becker)");
    expect(describeEvent({ at: "t", kind: "instant_claimed", data: { repId: "maya" } }, names).title).toBe("Call me now: taken (Maya Johnson)");
    expect(describeEvent({ at: "t", kind: "instant_unanswered" }).title).toBe("Call me now: nobody was free; offered times to book");
  });

  it("tells the prospect what happens while the call is put through", () => {
    expect(statusText("ringing", "+1 212 555 0100")).toMatch(/they will call you at \+1 212 555 0100 in a moment/);
    expect(statusText("claimed", "+1 212 555 0100")).toBe("A specialist has your request and is calling you now at +1 212 555 0100.");
    expect(statusText("unavailable", "+1")).toMatch(/^Sorry, nobody can take a call right now after all\. Please pick a time below/);
  });
});
