// Entry: the API Lambda (API Gateway HTTP API, payload 2.0). Placeholder until the router lands.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "./http-api-types";

export async function handler(_event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  return { statusCode: 503, headers: { "content-type": "application/json" }, body: JSON.stringify({ error: { code: "starting", message: "not ready" } }) };
}
