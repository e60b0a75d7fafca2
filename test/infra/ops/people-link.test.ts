// `npm run leads:link-people` on the local engines: leads written before "one person, one lead" get their
// address's person item (the earliest lead wins, any case), an address already linked keeps its lead, a
// second run changes nothing — and the next request from such an address joins the old lead.
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { itemKeys } from "../../../functions/adapters/dynamodb/item-keys";
import { linkPeople } from "../../../infra/ops/people-link";
import { createTestApi, type TestApi } from "../../support/test-api";

/** A lead item as versions before the person item wrote it: no PERSON# item beside it. */
async function oldLead(api: TestApi, id: string, email: string, createdAt: string): Promise<void> {
  await api.documents.send(
    new PutCommand({
      TableName: api.tableName,
      Item: { ...itemKeys.lead(id), entity: "lead", id, prospect: { name: "Olga Old", email }, timeZone: "Europe/Berlin", offeringId: "live-demo", routing: { rule: null, pool: ["maya"] }, consentAt: createdAt, createdAt },
    }),
  );
}

describe("linking people to their leads after an upgrade", () => {
  it("links each address to its earliest lead once, keeps a link traffic made, and later requests join that lead", async () => {
    const api = await createTestApi();
    const stamp = Date.now();
    const olga = `olga.${stamp}@old.example`;
    await oldLead(api, "lead-olga-2", olga, "2026-06-02T10:00:00.000Z");
    await oldLead(api, "lead-olga-1", olga.toUpperCase(), "2026-05-01T10:00:00.000Z");
    await oldLead(api, "lead-solo", `solo.${stamp}@old.example`, "2026-05-03T10:00:00.000Z");
    // Since the upgrade, a request from this address already linked it to a lead of its own.
    const since = `since.${stamp}@new.example`;
    await oldLead(api, "lead-since-old", since, "2026-04-01T10:00:00.000Z");
    const fresh = await api.call("POST", "/api/contact-requests", { name: "Sina Since", email: since, timeZone: "UTC", consent: true });
    expect(fresh.status).toBe(201);

    expect(await linkPeople(api.documents, api.tableName)).toEqual({ linked: 2, alreadyLinked: 1, severalLeads: 2 });
    expect(await linkPeople(api.documents, api.tableName)).toEqual({ linked: 0, alreadyLinked: 3, severalLeads: 2 });

    const [person] = await api.itemsWithPrefix(itemKeys.person(olga).pk);
    expect(person).toMatchObject({ entity: "person", leadId: "lead-olga-1" });
    const again = await api.call("POST", "/api/contact-requests", { name: "Olga Old", email: `Olga.${stamp}@Old.example`, timeZone: "Europe/Berlin", consent: true });
    expect(again.status).toBe(201);
    expect(again.json.id).toBe("lead-olga-1");
    const [sincePerson] = await api.itemsWithPrefix(itemKeys.person(since).pk);
    expect(sincePerson!.leadId).toBe(fresh.json.id);
  });
});
