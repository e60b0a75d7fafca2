// HTTP API: the OpenAPI 3.1 document, generated from the same zod schemas that validate requests
// (api-schemas.ts), so the documentation cannot drift from what the API accepts.

import * as z from "zod/mini";
import {
  bookingBody,
  bookingConfirmation,
  bookingIcsQuery,
  contactRequestBody,
  contactRequestResponse,
  errorResponse,
  offeringSummary,
  slotListResponse,
  slotsQuery,
} from "./api-schemas";

type JsonObject = Record<string, unknown>;

function jsonSchema(schema: z.ZodMiniType, io: "input" | "output"): JsonObject {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonObject;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonObject) => ({ "application/json": { schema } });
const error = (description: string) => ({ description, content: json(ref("Error")) });

/** Query parameters from an object schema's properties. */
function queryParameters(schema: z.ZodMiniType): JsonObject[] {
  const object = jsonSchema(schema, "input") as { properties: Record<string, JsonObject>; required?: string[] };
  return Object.entries(object.properties).map(([name, property]) => ({
    name,
    in: "query",
    required: object.required?.includes(name) ?? false,
    schema: property,
  }));
}

function buildDocument(): JsonObject {
  return {
    openapi: "3.1.0",
    info: {
      title: "Liveline API",
      version: "0.1.0",
      description: "Turn a Contact Us request into a booked live demo. Every error is {\"error\":{\"code\",\"message\",\"field?\"}}.",
    },
    paths: {
      "/api/health": { get: { summary: "Liveness", responses: { 200: { description: "Running" } } } },
      "/api/offerings": {
        get: { summary: "What can be booked", responses: { 200: { description: "Offerings", content: json({ type: "array", items: ref("Offering") }) } } },
      },
      "/api/contact-requests": {
        post: {
          summary: "Record a Contact Us request (the lead) and list the next 14 days of slots",
          requestBody: { required: true, content: json(ref("ContactRequest")) },
          responses: {
            201: { description: "Stored", content: json(ref("ContactRequestResult")) },
            400: error("Not JSON"),
            413: error("Body over 16 KB"),
            422: error("A field is invalid (named in error.field)"),
          },
        },
      },
      "/api/slots": {
        get: {
          summary: "Free slots between two local dates, in the asker's zone",
          parameters: queryParameters(slotsQuery),
          responses: { 200: { description: "Slots", content: json(ref("SlotList")) }, 422: error("A parameter is invalid") },
        },
      },
      "/api/bookings": {
        post: {
          summary: "Book a slot",
          parameters: [
            {
              name: "Idempotency-Key",
              in: "header",
              required: false,
              description: "Retrying with the same key returns the first result instead of booking twice.",
              schema: { type: "string", minLength: 8, maxLength: 200 },
            },
          ],
          requestBody: { required: true, content: json(ref("BookingRequest")) },
          responses: {
            201: { description: "Booked; invitations are on their way", content: json(ref("BookingConfirmation")) },
            400: error("Not JSON, or a bad Idempotency-Key"),
            409: error("slot_taken: the slot is gone"),
            413: error("Body over 16 KB"),
            422: error("A field is invalid, or the start is not an offered slot"),
          },
        },
      },
      "/api/bookings/{id}/invite.ics": {
        get: {
          summary: "The booking's calendar file",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }, ...queryParameters(bookingIcsQuery)],
          responses: { 200: { description: "iCalendar", content: { "text/calendar": { schema: { type: "string" } } } }, 403: error("Bad or expired token") },
        },
      },
    },
    components: {
      schemas: {
        Offering: jsonSchema(offeringSummary, "output"),
        ContactRequest: jsonSchema(contactRequestBody, "input"),
        ContactRequestResult: jsonSchema(contactRequestResponse, "output"),
        SlotList: jsonSchema(slotListResponse, "output"),
        BookingRequest: jsonSchema(bookingBody, "input"),
        BookingConfirmation: jsonSchema(bookingConfirmation, "output"),
        Error: jsonSchema(errorResponse, "output"),
      },
    },
  };
}

let document: JsonObject | undefined;

export function openApiDocument(): JsonObject {
  document ??= buildDocument();
  return document;
}
