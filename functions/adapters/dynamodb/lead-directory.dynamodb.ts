// Storage: the LeadDirectory port on DynamoDB — a filtered scan of the lead items (projected to what a
// match needs). Its cost grows with the table: it serves a person typing a search, never a list that
// polls (the queue reads an index instead).

import { paginateScan, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Lead } from "../../core/bookings/booking";
import type { LeadDirectory } from "../../ports/lead-directory";

export class DynamoDbLeadDirectory implements LeadDirectory {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async search(query: string, limit: number): Promise<Lead[]> {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const found: Lead[] = [];
    const pages = paginateScan({ client: this.client }, { TableName: this.tableName, FilterExpression: "entity = :lead", ExpressionAttributeValues: { ":lead": "lead" } });
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        const { pk: _pk, sk: _sk, entity: _entity, ...lead } = item as Lead & { pk: string; sk: string; entity: string };
        const text = `${lead.prospect.name} ${lead.prospect.email} ${lead.prospect.company ?? ""}`.toLowerCase();
        if (words.every((word) => text.includes(word))) found.push(lead);
      }
    }
    return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, limit);
  }
}
