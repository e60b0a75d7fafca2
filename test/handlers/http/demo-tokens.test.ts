// HTTP API: the README's published demo rep tokens never authorise where demo tokens are not allowed — the
// default, and so every deployed stack (only `npm start` and the tests set LIVELINE_DEMO_TOKENS=allow).
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { isPublishedDemoTokenHash, sha256Hex } from "../../../functions/core/access/rep-tokens";
import { createHandlerDependencies } from "../../../functions/handlers/handler-dependencies";
import { createHttpApiHandler } from "../../../functions/handlers/http/http-api-handler";
import { apiRoutes } from "../../../functions/handlers/http/api-routes";
import { ensureTable } from "../../../infra/local/create-table";
import { createTestApi, defaultConfig, httpEvent, TEST_PUBLIC_URL, TEST_SIGNING_SECRET } from "../../support/test-api";
import { dynamoDbEndpoint } from "../../support/engines";

const clock = { now: () => new Date("2026-11-30T06:00:00Z") };

describe("published demo rep tokens", () => {
  let deployed: ReturnType<typeof createHttpApiHandler>;
  const realToken = "a-real-token-nobody-published-0123456789";
  beforeAll(async () => {
    await createTestApi({ clock }); // sets up the engines' environment
    const endpoint = dynamoDbEndpoint();
    const dynamoDb = new DynamoDBClient({ endpoint });
    const tableName = `test-${randomUUID()}`;
    await ensureTable(dynamoDb, tableName);
    const config = defaultConfig();
    config.reps[0]!.apiTokenSha256 = sha256Hex(realToken);
    // The environment a deployed function has: no LIVELINE_DEMO_TOKENS.
    const env = { TABLE_NAME: tableName, LIVELINE_PUBLIC_URL: TEST_PUBLIC_URL, SIGNING_SECRET: TEST_SIGNING_SECRET, LOG_LEVEL: "silent" };
    deployed = createHttpApiHandler(await createHandlerDependencies(env, { config, dynamoDb, clock }), apiRoutes);
  });

  it("the committed config's rep tokens are the published ones", () => {
    expect(defaultConfig().reps.map((rep) => isPublishedDemoTokenHash(rep.apiTokenSha256))).toEqual([true, true, true]);
  });

  it("answer 401 on every rep endpoint when not explicitly allowed; a real token works", async () => {
    const as = (token: string) => ({ authorization: `Bearer ${token}` });
    const lukas = await deployed(httpEvent("GET", "/api/reps/lukas/follow-ups", undefined, as("local-token-lukas")));
    expect(lukas.statusCode).toBe(401);
    expect(JSON.parse(lukas.body!).error.code).toBe("demo_token");
    expect((await deployed(httpEvent("GET", "/api/webinars/weekly-webinar-20261201T1600Z/attendees", undefined, as("local-token-lukas")))).statusCode).toBe(401);
    expect((await deployed(httpEvent("GET", "/api/bookings/b-1/timeline", undefined, as("local-token-priya")))).statusCode).toBe(401);
    const rep = defaultConfig().reps[0]!.id;
    expect((await deployed(httpEvent("GET", `/api/reps/${rep}/follow-ups`, undefined, as(`local-token-${rep}`)))).statusCode).toBe(401);
    expect((await deployed(httpEvent("GET", `/api/reps/${rep}/follow-ups`, undefined, as(realToken)))).statusCode).toBe(200);
  });
});
