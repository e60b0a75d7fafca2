// Operations: give every lead written before "one person, one lead" its person item — the item that says
// which lead an e-mail address is (adapters/dynamodb/item-keys.ts `person`). Without it the next request
// from such an address starts a second lead. Reads the table once (parallel Scan of lead items); for each
// address (lower-cased) the earliest lead becomes the person's, written only if no person item exists
// (traffic since the upgrade already linked it: that one stays). Leads it does not pick keep their history
// as they are. Safe to run again, and while traffic flows.

import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { paginateScan, PutCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { itemKeys } from "../../functions/adapters/dynamodb/item-keys";

export interface PeopleLinkResult {
  /** Addresses that got their person item now. */
  linked: number;
  /** Addresses that had one already. */
  alreadyLinked: number;
  /** Addresses with more than one lead from before: the earliest was linked, the others stay apart. */
  severalLeads: number;
}

const SEGMENTS = 4;
const WRITE_CONCURRENCY = 8;

interface LeadSeen {
  id: string;
  createdAt: string;
}

export async function linkPeople(client: DynamoDBDocumentClient, tableName: string): Promise<PeopleLinkResult> {
  const leadsByAddress = new Map<string, LeadSeen[]>();
  await Promise.all(Array.from({ length: SEGMENTS }, (_, segment) => scanLeads(client, tableName, segment, leadsByAddress)));
  const result: PeopleLinkResult = { linked: 0, alreadyLinked: 0, severalLeads: 0 };
  const work = [...leadsByAddress.entries()];
  const next = async (): Promise<void> => {
    for (let entry = work.shift(); entry; entry = work.shift()) {
      const [address, leads] = entry;
      const earliest = leads.reduce((first, lead) => (lead.createdAt < first.createdAt ? lead : first));
      if (leads.length > 1) result.severalLeads++;
      if (await claim(client, tableName, address, earliest.id)) result.linked++;
      else result.alreadyLinked++;
    }
  };
  await Promise.all(Array.from({ length: WRITE_CONCURRENCY }, next));
  return result;
}

async function scanLeads(client: DynamoDBDocumentClient, tableName: string, segment: number, into: Map<string, LeadSeen[]>): Promise<void> {
  const pages = paginateScan(
    { client },
    {
      TableName: tableName,
      Segment: segment,
      TotalSegments: SEGMENTS,
      FilterExpression: "#sk = :lead AND #entity = :entity",
      ExpressionAttributeNames: { "#sk": "sk", "#entity": "entity", "#id": "id", "#prospect": "prospect", "#email": "email", "#createdAt": "createdAt" },
      ExpressionAttributeValues: { ":lead": itemKeys.lead("").sk, ":entity": "lead" },
      ProjectionExpression: "#id, #prospect.#email, #createdAt",
    },
  );
  for await (const page of pages) {
    for (const item of page.Items ?? []) {
      const email = (item.prospect as { email?: unknown } | undefined)?.email;
      if (typeof email !== "string" || typeof item.id !== "string") continue;
      const address = email.trim().toLowerCase();
      const seen = into.get(address) ?? [];
      seen.push({ id: item.id, createdAt: String(item.createdAt ?? "") });
      into.set(address, seen);
    }
  }
}

/** Writes the person item unless the address has one; true when this wrote it. */
async function claim(client: DynamoDBDocumentClient, tableName: string, address: string, leadId: string): Promise<boolean> {
  try {
    await client.send(new PutCommand({ TableName: tableName, Item: { ...itemKeys.person(address), entity: "person", leadId }, ConditionExpression: "attribute_not_exists(pk)" }));
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException || (error as { name?: string }).name === "ConditionalCheckFailedException") return false;
    throw error;
  }
}
