// Tests: web/src/api/api-client — every outcome of a request comes back as a value the page can branch on.

import { describe, expect, it } from "vitest";
import { apiRequest, errorFrom } from "../../../web/src/api/api-client";

const respond = (status: number, body?: unknown) => async () =>
  new Response(body === undefined ? null : typeof body === "string" ? body : JSON.stringify(body), { status });

describe("apiRequest", () => {
  it("returns the data of a 2xx and sends JSON with the given headers", async () => {
    let seen: RequestInit | undefined;
    const fetchImpl = (async (_url: string, init?: RequestInit) => {
      seen = init;
      return new Response(JSON.stringify({ id: "bk_1" }), { status: 201 });
    }) as typeof fetch;
    const result = await apiRequest("/api/bookings", { method: "POST", body: { a: 1 }, headers: { "Idempotency-Key": "k" }, fetchImpl });
    expect(result).toEqual({ ok: true, status: 201, data: { id: "bk_1" } });
    expect(seen?.method).toBe("POST");
    expect(seen?.body).toBe('{"a":1}');
    expect(seen?.headers).toMatchObject({ "Content-Type": "application/json", "Idempotency-Key": "k" });
  });

  it("passes a 4xx error body through, field included", async () => {
    const body = { error: { code: "invalid_request", message: "is not a valid e-mail address", field: "email" } };
    expect(await apiRequest("/x", { fetchImpl: respond(422, body) as typeof fetch })).toEqual({
      ok: false,
      kind: "rejected",
      status: 422,
      error: body.error,
    });
    const taken = await apiRequest("/x", { fetchImpl: respond(409, { error: { code: "slot_taken", message: "taken" } }) as typeof fetch });
    expect(taken).toMatchObject({ ok: false, kind: "rejected", status: 409, error: { code: "slot_taken" } });
  });

  it("keeps what an error carries beyond code, message and field (the next session of a full one, every bad field)", async () => {
    const nextSession = { id: "weekly-webinar-20261215T1600Z", seatsLeft: 50 };
    const full = await apiRequest("/x", { fetchImpl: respond(409, { error: { code: "session_full", message: "This session is full.", nextSession } }) as typeof fetch });
    expect(full).toEqual({ ok: false, kind: "rejected", status: 409, error: { code: "session_full", message: "This session is full.", details: { nextSession } } });
    const fields = [{ field: "email", message: "E-mail is not a valid address." }, { field: "colleagues[1]", message: "colleagues[1] is not a valid address." }];
    const invalid = await apiRequest("/x", { fetchImpl: respond(422, { error: { code: "invalid_input", message: fields[0]!.message, field: "email", fields } }) as typeof fetch });
    expect(invalid).toMatchObject({ error: { field: "email", details: { fields } } });
  });

  it("sends text as it is with its own content type (a CSV upload), not as JSON", async () => {
    let seen: RequestInit | undefined;
    const fetchImpl = (async (_url: string, init?: RequestInit) => {
      seen = init;
      return new Response(JSON.stringify({ stayed: [] }), { status: 200 });
    }) as typeof fetch;
    const csv = "Name,Email,Duration\nAda,ada@x.example,40\n";
    const result = await apiRequest("/api/webinars/s/attendance", { method: "POST", text: { contentType: "text/csv", content: csv }, headers: { Authorization: "Bearer t" }, fetchImpl });
    expect(result).toEqual({ ok: true, status: 200, data: { stayed: [] } });
    expect(seen?.body).toBe(csv);
    expect(seen?.headers).toEqual({ Accept: "application/json", "Content-Type": "text/csv", Authorization: "Bearer t" });
  });

  it("makes up an error when a 4xx has no usable body", async () => {
    const result = await apiRequest("/x", { fetchImpl: respond(400, "<html>bad</html>") as typeof fetch });
    expect(result).toMatchObject({ ok: false, kind: "rejected", status: 400, error: { code: "http_400" } });
  });

  it("reports 5xx, network failures and timeouts as unavailable (retryable)", async () => {
    expect(await apiRequest("/x", { fetchImpl: respond(503, { error: { code: "x", message: "stack trace" } }) as typeof fetch })).toMatchObject({
      ok: false,
      kind: "unavailable",
      status: 503,
    });
    const offline = (async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof fetch;
    expect(await apiRequest("/x", { fetchImpl: offline })).toMatchObject({ ok: false, kind: "unavailable", error: { code: "unavailable" } });
    const hanging = ((_url: string, init?: RequestInit) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))))) as typeof fetch;
    expect(await apiRequest("/x", { fetchImpl: hanging, timeoutMs: 10 })).toMatchObject({ ok: false, kind: "unavailable" });
  });
});

describe("errorFrom", () => {
  it("accepts only the documented shape", () => {
    expect(errorFrom({ error: { code: "c", message: "m", field: "f" } })).toEqual({ code: "c", message: "m", field: "f" });
    expect(errorFrom({ error: { code: "c" } })).toEqual({ code: "c", message: "Something went wrong." });
    expect(errorFrom({ error: { code: "c", message: "m", nextSession: { id: "s" } } })).toEqual({ code: "c", message: "m", details: { nextSession: { id: "s" } } });
    expect(errorFrom({ message: "nope" })).toBeUndefined();
    expect(errorFrom(null)).toBeUndefined();
  });
});
