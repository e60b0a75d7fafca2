// Entry helper: what both API Lambdas (public-api.handler.ts, workspace-api.handler.ts) do — ports built once
// per cold start, then every request routed among the function's own routes; the signing keys are read again
// when the copy is a few minutes old. Each request's log lines carry its API Gateway request id.

import type { Context } from "aws-lambda";
import { createHandlerDependencies, type PortWiring } from "./handler-dependencies";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "./http-api-types";
import { createHttpApiHandler } from "./http/http-api-handler";
import type { Route } from "./http/http-route";
import { observed } from "./observability";
import type { UseCaseDependencies } from "../use-cases/use-case-dependencies";

export type ApiFunctionHandler = (event: APIGatewayProxyEventV2, context?: Context) => Promise<APIGatewayProxyStructuredResultV2>;

export async function apiFunctionHandler(routesOf: (deps: UseCaseDependencies) => Route[], wiring: PortWiring = {}): Promise<ApiFunctionHandler> {
  const dependencies = await createHandlerDependencies(process.env, {}, wiring);
  const route = createHttpApiHandler(dependencies, routesOf);
  return observed(dependencies.observability, async (event: APIGatewayProxyEventV2) => {
    await dependencies.refreshSigningKeys();
    await dependencies.refreshSettings();
    return route(event);
  });
}
