import { describe, expect, it } from "vitest";
import { decodeBusy, decodeDemo, encodeBusy, encodeDemo } from "../../../functions/adapters/dynamodb/schedule-encoding";

describe("schedule encoding", () => {
  it("round-trips a demo through its short set element", () => {
    const demo = { bookingId: "b1", blocked: { start: Date.parse("2027-03-28T00:50:00Z"), end: Date.parse("2027-03-28T01:45:00Z") }, assignedAt: Date.parse("2027-03-01T12:34:00Z"), day: "2027-03-27" };
    const text = encodeDemo(demo);
    expect(text.length).toBeLessThan(36);
    expect(decodeDemo(text)).toEqual(demo);
    // The same string again from the decoded demo: an element can be found and deleted from the set.
    expect(encodeDemo(decodeDemo(text))).toBe(text);
  });

  it("round-trips busy time through uint32 minutes, widening to whole minutes, never narrowing", () => {
    const busy = [
      { start: Date.parse("2027-03-01T10:00:00Z"), end: Date.parse("2027-03-01T11:00:00Z") },
      { start: Date.parse("2027-03-01T12:00:30Z"), end: Date.parse("2027-03-01T12:10:20Z") },
    ];
    const bytes = encodeBusy(busy);
    expect(bytes.byteLength).toBe(16);
    expect(decodeBusy(bytes)).toEqual([busy[0], { start: Date.parse("2027-03-01T12:00:00Z"), end: Date.parse("2027-03-01T12:11:00Z") }]);
    // The SDK may hand back a view at an odd offset.
    const shifted = new Uint8Array(bytes.byteLength + 1);
    shifted.set(bytes, 1);
    expect(decodeBusy(shifted.subarray(1))).toEqual(decodeBusy(bytes));
    expect(decodeBusy(encodeBusy([]))).toEqual([]);
  });
});
