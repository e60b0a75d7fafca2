// Tests: npm start hands each /api/* request to the API function the stack would (api-families.ts).
import { describe, expect, it } from "vitest";
import type { APIGatewayProxyEventV2 } from "../../../functions/handlers/http-api-types";
import { routeByFamily } from "../../../infra/local/api-routing";

const event = (rawPath: string) => ({ rawPath, requestContext: { http: { method: "GET" } } }) as unknown as APIGatewayProxyEventV2;

describe("npm start's API routing", () => {
  it("calls the workspace handler for a workspace path and the public handler for the rest", async () => {
    const route = routeByFamily({
      public: async () => ({ statusCode: 200, body: "public" }),
      workspace: async () => ({ statusCode: 200, body: "workspace" }),
    });
    expect((await route(event("/api/console/queue"))).body).toBe("workspace");
    expect((await route(event("/api/reps/rep-1/follow-ups"))).body).toBe("workspace");
    expect((await route(event("/api/bookings"))).body).toBe("public");
    expect((await route(event("/api/slots"))).body).toBe("public");
  });
});
