// HTTP API: request and response schemas of sign-in and the rep console — validation, types and the
// OpenAPI document (console-openapi.ts) all come from here, like api-schemas.ts for the public API.

import * as z from "zod/mini";
import { emailAddress } from "../../validation/common-fields";

export const signInBody = z.strictObject({ email: emailAddress });
export const sessionBody = z.strictObject({ token: z.string().check(z.minLength(20), z.maxLength(200)) });

export const signInResponse = z.object({ message: z.string() });

const repSummary = z.object({ id: z.string(), name: z.string(), role: z.enum(["rep", "manager"]) });
export const meResponse = z.object({ rep: repSummary });
export const signOutResponse = z.object({ signedOut: z.boolean() });
