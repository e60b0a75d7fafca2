// The local runtime's API Gateway event: the client's socket address as sourceIp and as the
// CloudFront-Viewer-Address CloudFront would send — never a value the client made up.
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import type { APIGatewayProxyEventV2 } from "../../../functions/handlers/http-api-types";
import { apiGatewayEvent } from "../../../infra/local/api-gateway-event";

describe("the local API Gateway event", () => {
  it("carries the socket's address as sourceIp and CloudFront-Viewer-Address, whatever the client sends", async () => {
    let event: APIGatewayProxyEventV2 | undefined;
    const server = createServer((request, response) => {
      event = apiGatewayEvent(request, Buffer.alloc(0), new Date("2026-11-30T06:00:00Z"));
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    let clientPort = 0;
    await new Promise<void>((resolve, reject) => {
      const sent = httpRequest({ host: "127.0.0.1", port, path: "/api/health", headers: { "cloudfront-viewer-address": "198.51.100.1:1" } }, (response) => {
        response.resume();
        response.on("end", resolve);
      });
      sent.on("socket", (socket) => socket.on("connect", () => (clientPort = socket.localPort ?? 0)));
      sent.on("error", reject);
      sent.end();
    });
    server.close();
    expect(event!.requestContext.http.sourceIp).toBe("127.0.0.1");
    expect(event!.headers["cloudfront-viewer-address"]).toBe(`127.0.0.1:${clientPort}`);
  });
});
