// Tests: the split of the API into the prospects' and the workspace's functions — every route is in exactly
// one, and the path table the stack and npm start route by names exactly the workspace's routes.
import { describe, expect, it } from "vitest";
import { apiFamilyOf, WORKSPACE_API_PATHS } from "../../../functions/handlers/http/api-families";
import { publicApiRoutes } from "../../../functions/handlers/http/public-api-routes";
import { workspaceApiRoutes } from "../../../functions/handlers/http/workspace-api-routes";

// Route lists only close over their dependencies; building them calls nothing.
const workspace = workspaceApiRoutes({} as never);
const publicRoutes = publicApiRoutes({} as never);
/** A concrete path for a route pattern, as a request would send it. */
const sample = (pattern: string) => pattern.replace(/\{[^}]+\}/g, "x-1");

describe("the API's two functions", () => {
  it("list exactly the workspace routes' paths for the workspace", () => {
    expect([...new Set(workspace.map((route) => route.pattern))].sort()).toEqual([...WORKSPACE_API_PATHS].sort());
  });

  it("send every workspace route to the workspace, every public route to the public function", () => {
    for (const route of workspace) expect(apiFamilyOf(sample(route.pattern)), route.pattern).toBe("workspace");
    for (const route of publicRoutes) expect(apiFamilyOf(sample(route.pattern)), route.pattern).toBe("public");
  });

  it("share no path, so a wrong method still gets its 405 from the function that has the path", () => {
    const publicPaths = new Set(publicRoutes.map((route) => route.pattern));
    expect(WORKSPACE_API_PATHS.filter((path) => publicPaths.has(path))).toEqual([]);
  });

  it("match a placeholder as one whole segment, and unknown paths go to the public function's 404", () => {
    expect(apiFamilyOf("/api/leads/lead-1/notes")).toBe("workspace");
    expect(apiFamilyOf("/api/leads/lead-1/notes/extra")).toBe("public");
    expect(apiFamilyOf("/api/leads//notes")).toBe("public");
    expect(apiFamilyOf("/api/insightsXcsv")).toBe("public");
    expect(apiFamilyOf("/api/nothing-here")).toBe("public");
  });
});
