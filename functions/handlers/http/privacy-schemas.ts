// HTTP API: request and response schemas of a data subject's requests (POST /api/privacy/export and
// /erase) — validation, types and their OpenAPI entries (privacyOpenApi, merged by openapi-document.ts).
// Built on first use (z.lazy), as api-schemas.ts says why.

import * as z from "zod/mini";
import { emailAddress } from "../../validation/common-fields";
import type { OpenApiHelpers } from "./console-openapi";

export const privacyRequestBody = z.lazy(() => z.strictObject({ email: emailAddress }));

const records = z.lazy(() => z.array(z.record(z.string(), z.unknown())));
export const privacyExportResponse = z.lazy(() => z.object({
  email: z.string(),
  exportedAt: z.string(),
  leads: records,
  history: records,
  bookings: records,
  registrations: records,
  feedback: records,
  emailsSent: z.array(z.object({ to: z.unknown(), type: z.unknown(), status: z.unknown(), sentAt: z.unknown(), subject: z.optional(z.string()) })),
  textsSent: z.array(z.object({ to: z.unknown(), body: z.unknown(), status: z.unknown(), sentAt: z.unknown() })),
  consents: z.array(z.object({ given: z.unknown(), at: z.unknown(), where: z.string() })),
  suppression: records,
  other: records,
}));
export const privacyEraseResponse = z.lazy(() => z.object({ cancelledBookings: z.int(), cancelledSeats: z.int(), removed: z.int(), anonymised: z.int() }));

/** A manager's session cookie or bearer token. */
const managers = [{ consoleSession: [] }, { repToken: [] }];

export function privacyOpenApi(h: OpenApiHelpers): { paths: Record<string, unknown>; schemas: Record<string, unknown> } {
  const responses = (ok: Record<string, unknown>) => ({
    200: ok,
    401: h.error("No session or token"),
    403: h.error("Not a manager, or not sent from the site (Origin)"),
    422: h.error("email is not an address"),
  });
  return {
    paths: {
      "/api/privacy/export": {
        post: {
          summary: "Everything held about a person (GDPR Art. 15, CCPA) as one JSON document (managers only; logged without the address)",
          security: managers,
          requestBody: { required: true, content: h.json(h.ref("PrivacyRequest")) },
          responses: responses({ description: "The person's records", content: h.json(h.ref("PrivacyExport")) }),
        },
      },
      "/api/privacy/erase": {
        post: {
          summary: "Cancel a person's future demos and seats, then erase every record of theirs (GDPR Art. 17, CCPA; managers only). Repeating it does nothing more.",
          security: managers,
          requestBody: { required: true, content: h.json(h.ref("PrivacyRequest")) },
          responses: responses({ description: "What was done", content: h.json(h.ref("PrivacyErasure")) }),
        },
      },
    },
    schemas: {
      PrivacyRequest: h.jsonSchema(privacyRequestBody, "input"),
      PrivacyExport: h.jsonSchema(privacyExportResponse, "output"),
      PrivacyErasure: h.jsonSchema(privacyEraseResponse, "output"),
    },
  };
}
