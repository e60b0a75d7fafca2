// Rotating the signing secret (`npm run rotate-secret`, on the local key file here) while the API runs as
// the Lambda entry does — reading the ring again once its copy is SIGNING_KEYS_MAX_AGE_MS old: a link
// mailed before keeps working, links signed after the hand-over name the new key, a removed key's links
// stop working, and a token naming a key the ring does not hold is refused.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FileSigningKeyStore } from "../../../functions/adapters/local/signing-keys.file";
import { LEGACY_KEY_ID, NEW_KEY_SIGNS_AFTER_MS, SIGNING_KEYS_MAX_AGE_MS } from "../../../functions/core/access/signing-keys";
import { createHandlerDependencies } from "../../../functions/handlers/handler-dependencies";
import { createHttpApiHandler } from "../../../functions/handlers/http/http-api-handler";
import { apiRoutes } from "../../../functions/handlers/http/api-routes";
import { ensureTable } from "../../../infra/local/create-table";
import { listSigningKeys, removeSigningKey, rotateSigningKeys } from "../../../infra/ops/signing-keys";
import { tokenOf } from "../../support/lifecycle-harness";
import { freshSolution, wantsSolution } from "../../support/proof-of-work";
import { createTestApi, defaultConfig, httpEvent, TEST_PUBLIC_URL } from "../../support/test-api";
import { dynamoDbEndpoint } from "../../support/engines";

let now = new Date("2026-11-30T06:00:00Z");
const clock = { now: () => now };
const advance = (ms: number) => (now = new Date(now.getTime() + ms));

let store: FileSigningKeyStore;
let call: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; json: any }>;

beforeAll(async () => {
  await createTestApi({ clock }); // sets up the engines' environment
  const dynamoDb = new DynamoDBClient({ endpoint: dynamoDbEndpoint() });
  const tableName = `test-${randomUUID()}`;
  await ensureTable(dynamoDb, tableName);
  store = new FileSigningKeyStore(join(mkdtempSync(join(tmpdir(), "liveline-keys-")), "signing-secret")).ensure();
  const env = { TABLE_NAME: tableName, LIVELINE_PUBLIC_URL: TEST_PUBLIC_URL, SIGNING_SECRET_FILE: store.file, LIVELINE_DEMO_TOKENS: "allow", LOG_LEVEL: "silent" };
  const deps = await createHandlerDependencies(env, { config: defaultConfig(), dynamoDb, clock });
  const route = createHttpApiHandler(deps, apiRoutes);
  call = async (method, path, body, headers = {}) => {
    // What functions/handlers/http-api-function.ts does for each event.
    await deps.refreshSigningKeys();
    // A public write carries a solution of a real challenge, as the page sends it.
    const solution = wantsSolution(method, path, body, headers) ? await freshSolution(async (get) => parsed(await route(httpEvent("GET", get))), deps) : undefined;
    const result = await route(httpEvent(method, path, solution ? { ...(body as object), altcha: solution } : body, headers));
    return parsed(result);
  };
});

const parsed = (result: { statusCode: number; body?: string }) => ({ status: result.statusCode, json: result.body ? JSON.parse(result.body) : undefined });

const book = async (start: string) => {
  const booked = await call("POST", "/api/bookings", { offering: "live-demo", start, name: "Rota Tion", email: `rota.${randomUUID()}@globex.example`, timeZone: "UTC", consent: true });
  expect(booked.status).toBe(201);
  return { id: booked.json.id as string, token: tokenOf(booked.json.manageUrl) };
};
const opens = async (link: { id: string; token: string }) => (await call("GET", `/api/bookings/${link.id}`, undefined, { "Liveline-Token": link.token })).status;

describe("rotating the signing secret", () => {
  it("keeps old links working, signs with the new key after the hand-over, and refuses a removed or unknown key", async () => {
    // The local secret as every earlier `npm start` wrote it: one plain key.
    expect(readFileSync(store.file, "utf8")).toMatch(/^[\w-]{43}$/);
    const mailedBefore = await book("2026-12-01T15:00:00Z");
    expect(mailedBefore.token.split(".")).toHaveLength(2);

    const ring = await rotateSigningKeys(store, now);
    expect(await opens(mailedBefore)).toBe(200);
    // Until the hand-over the old key still signs: a function that has not read the ring yet knows no other.
    advance(SIGNING_KEYS_MAX_AGE_MS);
    expect((await book("2026-12-01T15:30:00Z")).token.split(".")).toHaveLength(2);

    advance(NEW_KEY_SIGNS_AFTER_MS);
    const mailedAfter = await book("2026-12-01T16:00:00Z");
    const [keyId, payload, mac] = mailedAfter.token.split(".");
    expect(keyId).toBe(ring.current);
    expect(await opens(mailedAfter)).toBe(200);
    expect(await opens(mailedBefore)).toBe(200);

    // A key id the ring does not hold is refused (403, as a forged link).
    expect(await opens({ id: mailedAfter.id, token: `k20990101000000.${payload}.${mac}` })).toBe(403);

    // The legacy key leaked: removed by force, its links stop working once the functions read the ring again.
    await removeSigningKey(store, LEGACY_KEY_ID, now, true);
    expect((await listSigningKeys(store, now)).map((key) => key.id)).toEqual([ring.current]);
    advance(SIGNING_KEYS_MAX_AGE_MS);
    expect(await opens(mailedBefore)).toBe(403);
    expect(await opens(mailedAfter)).toBe(200);
  });
});
