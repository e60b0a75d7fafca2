// Tests: embed.js takes a message only from the Liveline site's origin and its own frame, only in the shapes
// the framed pages send, and never grows a frame past its ceiling.
import { describe, expect, it } from "vitest";
import { DETAILS_MESSAGE, FRAME_SIGNALS, HOST_EVENTS, MAX_FRAME_HEIGHT, detailsMessage, frameMessage } from "../../../web/src/embed/embed-messages";

const SITE = "https://book.liveline.example";
const frame = { name: "our iframe's window" };
const from = (data: unknown, origin = SITE, source: unknown = frame) => frameMessage({ origin, source, data }, SITE, frame);

describe("messages embed.js accepts", () => {
  it("reads a booking, a contact request, a height and an Escape from its own frame", () => {
    expect(from({ type: "liveline:booked", start: "2026-12-07T08:00:00.000+00:00", offering: "live-demo", extra: 1 })).toEqual({ type: HOST_EVENTS.booked, start: "2026-12-07T08:00:00.000+00:00", offering: "live-demo" });
    expect(from({ type: "liveline:contact-request", contactRequest: "c-1", offering: "live-demo" })).toEqual({ type: HOST_EVENTS.contactRequest, contactRequest: "c-1", offering: "live-demo" });
    expect(from({ type: "liveline:height", height: 812.4 })).toEqual({ type: FRAME_SIGNALS.height, height: 813 });
    expect(from({ type: "liveline:escape" })).toEqual({ type: FRAME_SIGNALS.escape });
    expect(from({ type: "liveline:frame-ready" })).toEqual({ type: FRAME_SIGNALS.ready });
  });

  it("ignores other origins, other windows and a missing frame", () => {
    const booked = { type: "liveline:booked", start: "2026-12-07T08:00:00Z", offering: "live-demo" };
    expect(from(booked, "https://evil.example")).toBeUndefined();
    expect(from(booked, "http://book.liveline.example")).toBeUndefined();
    expect(from(booked, SITE, { name: "another window" })).toBeUndefined();
    expect(frameMessage({ origin: SITE, source: null, data: booked }, SITE, null)).toBeUndefined();
  });

  it("ignores shapes it does not know", () => {
    for (const data of [null, "liveline:booked", 42, {}, { type: "liveline:closed", offering: "x", booked: true }, { type: "liveline:booked", start: "soon", offering: "x" }, { type: "liveline:booked", start: "2026-12-07T08:00:00Z" }, { type: "liveline:contact-request", contactRequest: "", offering: "x" }, { type: "liveline:height", height: "900" }, { type: "liveline:height", height: -1 }, { type: "liveline:height", height: Number.POSITIVE_INFINITY }]) {
      expect(from(data), JSON.stringify(data)).toBeUndefined();
    }
  });

  it("caps a frame's height", () => {
    expect(from({ type: "liveline:height", height: 1e9 })).toEqual({ type: FRAME_SIGNALS.height, height: MAX_FRAME_HEIGHT });
  });
});

describe("details a concierge pop-up accepts", () => {
  const HOST = "https://www.northwind.example";
  const parent = { name: "the host page's window" };
  const details = (data: unknown, origin = HOST, source: unknown = parent) => detailsMessage({ origin, source, data }, HOST, parent);

  it("takes the fields it knows from its parent at the host's origin", () => {
    expect(details({ type: DETAILS_MESSAGE, details: { name: "Ada", email: "ada@northwind.example", teamSize: "12", consent: true, other: "x" } })).toEqual({ name: "Ada", email: "ada@northwind.example", teamSize: "12" });
  });

  it("ignores other origins, other windows, other shapes and details without a name and an address", () => {
    const good = { type: DETAILS_MESSAGE, details: { name: "Ada", email: "ada@northwind.example" } };
    expect(details(good, "https://evil.example")).toBeUndefined();
    expect(details(good, HOST, { name: "another window" })).toBeUndefined();
    for (const data of [null, "liveline:details", { type: "liveline:booked", details: good.details }, { type: DETAILS_MESSAGE }, { type: DETAILS_MESSAGE, details: { name: "Ada" } }, { type: DETAILS_MESSAGE, details: { name: "Ada", email: 42 } }]) {
      expect(details(data), JSON.stringify(data)).toBeUndefined();
    }
  });
});
