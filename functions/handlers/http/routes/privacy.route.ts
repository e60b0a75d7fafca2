// HTTP API: a data subject's requests for managers — POST /api/privacy/export and POST /api/privacy/erase
// {email} (session cookie from the site, or a manager's bearer token). The same use cases as
// `npm run privacy`; both logged with who asked, never the address. Erasing again does nothing more.
import { erasePersonalData, exportPersonalData, type Requester } from "../../../use-cases/access/personal-data-requests";
import type { UseCaseDependencies } from "../../../use-cases/use-case-dependencies";
import { consoleCaller, requireManager } from "../console-auth";
import { jsonBody, type Route, type RouteRequest } from "../http-route";
import { privacyRequestBody } from "../privacy-schemas";

/** The manager asking (401 without a session or token, 403 for a rep) and the person asked about (422). */
async function privacyRequest(deps: UseCaseDependencies, request: RouteRequest): Promise<{ email: string; requester: Requester }> {
  const caller = await consoleCaller(deps, request);
  requireManager(caller);
  const { email } = jsonBody(request, privacyRequestBody);
  return { email, requester: { actor: `${caller.via}:${caller.rep.id}` } };
}

export function privacyRoutes(deps: UseCaseDependencies): Route[] {
  return [
    {
      method: "POST",
      pattern: "/api/privacy/export",
      handle: async (request) => {
        const { email, requester } = await privacyRequest(deps, request);
        return { statusCode: 200, json: await exportPersonalData(deps, email, requester) };
      },
    },
    {
      method: "POST",
      pattern: "/api/privacy/erase",
      handle: async (request) => {
        const { email, requester } = await privacyRequest(deps, request);
        return { statusCode: 200, json: await erasePersonalData(deps, email, requester) };
      },
    },
  ];
}
