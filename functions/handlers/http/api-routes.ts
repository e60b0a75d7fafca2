// HTTP API: every route of both API functions in one list — for the tests' in-process API, which serves
// the whole API from one handler (the stack splits it by api-families.ts).
import type { UseCaseDependencies } from "../../use-cases/use-case-dependencies";
import type { Route } from "./http-route";
import { publicApiRoutes } from "./public-api-routes";
import { workspaceApiRoutes } from "./workspace-api-routes";

export function apiRoutes(deps: UseCaseDependencies): Route[] {
  return [...publicApiRoutes(deps), ...workspaceApiRoutes(deps)];
}
