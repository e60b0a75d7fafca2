// What a booking costs on its request path, on DynamoDB Local, with abuse protection on: a first booking of
// an address is one batch read and one transaction — the address's lead is claimed inside it, and so are
// protection's items (the used solution's mark, the client's write counter, the answered mark); an address
// that has a lead already is booked onto that lead.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { createHttpApiHandler } from "../../../functions/handlers/http/http-api-handler";
import { apiRoutes } from "../../../functions/handlers/http/api-routes";
import { freshSolution } from "../../support/proof-of-work";
import { createTestApi, httpEvent } from "../../support/test-api";
import { dynamoDbEndpoint } from "../../support/engines";

/** A client that lists the DynamoDB operations it sends. */
function recordingClient() {
  const client = new DynamoDBClient({ endpoint: dynamoDbEndpoint() });
  const sent: string[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push(String(context.commandName).replace("Command", ""));
      return next(args);
    },
    { step: "initialize", name: "recordOperations" },
  );
  return { client, sent };
}

describe("a booking's DynamoDB requests", () => {
  it("a first booking of an address: one batch read and one transaction; the same address again lands on its lead", async () => {
    const dynamo = recordingClient();
    const api = await createTestApi({ clock: { now: () => new Date("2026-11-30T06:00:00Z") }, dynamoDb: dynamo.client });
    const handler = createHttpApiHandler(api.deps, apiRoutes);
    const email = `first.${Date.now()}@globex.example`;
    // A public write carries a solution of the abuse protection's challenge, as the page sends it.
    const solved = async () => freshSolution((path) => api.call("GET", path), api.deps);
    const book = async (start: string, altcha: string) => handler(httpEvent("POST", "/api/bookings", { offering: "live-demo", start, name: "Fay First", email, timeZone: "Europe/Paris", consent: true, altcha }));

    const altcha = await solved();
    dynamo.sent.length = 0;
    const first = await book("2026-12-01T11:00:00-06:00", altcha);
    expect(first.statusCode).toBe(201);
    // The booking reads once and writes once; protection's items ride in that write.
    expect(dynamo.sent).toEqual(["BatchGetItem", "TransactWriteItems"]);
    const marks = (await api.everyItem()).filter((item) => item.entity === "used-solution" || item.entity === "rate-counter" || item.entity === "answered");
    expect(marks.map((item) => item.entity).sort()).toEqual(["answered", "rate-counter", "used-solution"]);

    const again = await book("2026-12-01T11:30:00-06:00", await solved());
    expect(again.statusCode).toBe(201);
    const [firstBooking, secondBooking] = await Promise.all(
      [first, again].map(async (answer) => (await api.itemsWithPrefix(`BOOKING#${JSON.parse(answer.body!).id}`)).find((item) => item.sk === "BOOKING")!),
    );
    expect(secondBooking!.leadId).toBe(firstBooking!.leadId);
    const leads = (await api.allItems()).filter((item) => item.sk === "LEAD" && item.prospect?.email === email);
    expect(leads).toHaveLength(1);
  });
});
