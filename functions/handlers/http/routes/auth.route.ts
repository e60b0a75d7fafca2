// HTTP API: console sign-in — POST /api/auth/sign-in (mail a one-time link), POST /api/auth/session (trade
// the link's token for the session cookie), POST /api/auth/sign-out, GET /api/me.
import { endSession, requestSignIn, startSession } from "../../../use-cases/access/sign-in";
import type { UseCaseDependencies } from "../../../use-cases/use-case-dependencies";
import { clearedSessionCookie, consoleCaller, requireSameOrigin, SESSION_COOKIE, sessionCookie } from "../console-auth";
import { sessionBody, signInBody } from "../console-schemas";
import { jsonBody, type Route } from "../http-route";

/** One answer for every address: a caller cannot learn who is a rep. */
const SIGN_IN_ACCEPTED = { message: "If this address belongs to a rep, a sign-in link is on its way. It works once, within 15 minutes." };

const repView = (rep: { id: string; name: string; role: "rep" | "manager" }) => ({ rep: { id: rep.id, name: rep.name, role: rep.role } });

export function authRoutes(deps: UseCaseDependencies): Route[] {
  return [
    {
      method: "POST",
      pattern: "/api/auth/sign-in",
      handle: async (request) => {
        const { email } = jsonBody(request, signInBody);
        await requestSignIn(deps, email);
        return { statusCode: 202, json: SIGN_IN_ACCEPTED };
      },
    },
    {
      method: "POST",
      pattern: "/api/auth/session",
      handle: async (request) => {
        // Another site must not sign a browser into an account of its choosing either.
        requireSameOrigin(deps, request);
        const { token } = jsonBody(request, sessionBody);
        const { sessionId, rep } = await startSession(deps, token);
        return { statusCode: 200, json: repView(rep), cookies: [sessionCookie(sessionId)] };
      },
    },
    {
      method: "POST",
      pattern: "/api/auth/sign-out",
      handle: async (request) => {
        requireSameOrigin(deps, request);
        const sessionId = request.cookies?.[SESSION_COOKIE];
        if (sessionId) await endSession(deps, sessionId);
        return { statusCode: 200, json: { signedOut: true }, cookies: [clearedSessionCookie()] };
      },
    },
    {
      method: "GET",
      pattern: "/api/me",
      handle: async (request) => ({ statusCode: 200, json: repView((await consoleCaller(deps, request)).rep) }),
    },
  ];
}
