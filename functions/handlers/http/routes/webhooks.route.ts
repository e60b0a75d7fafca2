// HTTP API: the console's webhooks (managers) — GET /api/console/webhooks (each endpoint with its last 100
// deliveries) and POST /api/console/webhooks/{endpointId}/deliveries/{deliveryId}/resend (202: one more
// attempt scheduled now, with the same webhook-id). Cookie or bearer.
import type { UseCaseDependencies } from "../../../use-cases/use-case-dependencies";
import { endpointDeliveries, resendDelivery } from "../../../use-cases/webhooks/webhook-console";
import type { WebhookDelivery } from "../../../ports/webhooks";
import { consoleCaller, requireManager } from "../console-auth";
import type { Route } from "../http-route";

/** A delivery without its body (the event is the endpoint's to read; the console shows what happened). */
const deliveryView = ({ body: _body, endpointId: _endpoint, ...rest }: WebhookDelivery) => rest;

export function webhookRoutes(deps: UseCaseDependencies): Route[] {
  return [
    {
      method: "GET",
      pattern: "/api/console/webhooks",
      handle: async (request) => {
        requireManager(await consoleCaller(deps, request));
        const endpoints = await endpointDeliveries(deps);
        return { statusCode: 200, json: { endpoints: endpoints.map((endpoint) => ({ ...endpoint, deliveries: endpoint.deliveries.map(deliveryView) })) } };
      },
    },
    {
      method: "POST",
      pattern: "/api/console/webhooks/{endpointId}/deliveries/{deliveryId}/resend",
      handle: async (request) => {
        requireManager(await consoleCaller(deps, request));
        const resent = await resendDelivery(deps, request.params.endpointId!, request.params.deliveryId!);
        return { statusCode: 202, json: deliveryView(resent) };
      },
    },
  ];
}
