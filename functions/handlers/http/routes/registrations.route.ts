// HTTP API: the registrant's manage link — GET /api/registrations/{id}, cancel members, add colleagues.
import { addColleagues, cancelRegistrationMembers, viewRegistration, type RegistrationState } from "../../../use-cases/webinars/manage-registration";
import type { UseCaseDependencies } from "../../../use-cases/use-case-dependencies";
import { registrationCancelBody, registrationColleaguesBody, registrationManageQuery } from "../api-schemas";
import { jsonBody, parseWith, queryWithLinkToken, type Route } from "../http-route";
import { registrationMembers, sessionSummary } from "../presenters/catalogue-presenters";

function view(state: RegistrationState) {
  const { registration, info } = state;
  return {
    id: registration.id,
    session: sessionSummary(info, registration.timeZone),
    timeZone: registration.timeZone,
    members: registrationMembers(registration),
    colleaguesLeft: state.colleaguesLeft,
    canChange: state.canChange,
  };
}

export function registrationRoutes(deps: UseCaseDependencies): Route[] {
  return [
    {
      method: "GET",
      pattern: "/api/registrations/{id}",
      handle: async (request) => {
        const { token } = parseWith(registrationManageQuery, queryWithLinkToken(request));
        return { statusCode: 200, json: view(await viewRegistration(deps, request.params.id!, token)) };
      },
    },
    {
      method: "POST",
      pattern: "/api/registrations/{id}/cancel",
      handle: async (request) => {
        const { token, emails } = jsonBody(request, registrationCancelBody);
        return { statusCode: 200, json: view(await cancelRegistrationMembers(deps, request.params.id!, token, emails)) };
      },
    },
    {
      method: "POST",
      pattern: "/api/registrations/{id}/colleagues",
      handle: async (request) => {
        const { token, colleagues } = jsonBody(request, registrationColleaguesBody);
        return { statusCode: 200, json: view(await addColleagues(deps, request.params.id!, token, colleagues)) };
      },
    },
  ];
}
