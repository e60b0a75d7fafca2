// Tests: registering for a webinar through the API, then reading back what the API no longer tells the
// asker (the registration, its seats and its manage link) from the store, as the registrant's e-mail would.

import type { ApiCall, TestApi } from "./test-api";
import { manageUrl } from "../../functions/use-cases/webinars/register-for-webinar";
import { sessionInfo } from "../../functions/use-cases/webinars/webinar-sessions";

export interface RegistrationSeen {
  id: string;
  status: "confirmed" | "waitlisted";
  seats: number;
  members: { email: string; name?: string; status: string }[];
  manageUrl: string;
}

/** The registration holding `email`'s place in the session, as its registrant would see it. */
export async function registrationOf(api: TestApi, sessionId: string, email: string): Promise<RegistrationSeen | undefined> {
  const holder = (await api.deps.webinars.seatHolders(sessionId, [email.toLowerCase()])).get(email.toLowerCase());
  if (!holder) return undefined;
  const registration = (await api.deps.webinars.getRegistration(holder.registrationId))!;
  const registrant = registration.members[0]!;
  return {
    id: registration.id,
    status: registrant.status === "confirmed" ? "confirmed" : "waitlisted",
    seats: registration.members.filter((member) => member.status === "confirmed").length,
    members: registration.members.map((member) => ({ email: member.email, ...(member.name ? { name: member.name } : {}), status: member.status })),
    manageUrl: manageUrl(api.deps, await sessionInfo(api.deps, sessionId), registration),
  };
}

/** POST …/registrations; a 202 answer comes back with the registration it made (or found) merged in. */
export async function registerAndRead(api: TestApi, sessionId: string, body: Record<string, unknown>): Promise<ApiCall & { json: any }> {
  const response = await api.call("POST", `/api/webinars/${sessionId}/registrations`, body);
  if (response.status !== 202) return response;
  const seen = await registrationOf(api, sessionId, String(body.email));
  return { ...response, json: { ...response.json, ...seen } };
}
