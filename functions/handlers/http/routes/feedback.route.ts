// HTTP API: POST /api/feedback — the prospect's rating (1–5) and comment, once per demo.
import { recordFeedback } from "../../../use-cases/bookings/record-feedback";
import type { UseCaseDependencies } from "../../../use-cases/use-case-dependencies";
import { feedbackBody } from "../api-schemas";
import { jsonBody, type Route } from "../http-route";

export function feedbackRoute(deps: UseCaseDependencies): Route {
  return {
    method: "POST",
    pattern: "/api/feedback",
    handle: async (request) => {
      const { token, rating, comment } = jsonBody(request, feedbackBody);
      await recordFeedback(deps, token, rating, comment);
      return { statusCode: 200, json: { received: true } };
    },
  };
}
