// Local adapter: the text sink — the TextSender of `npm start` and the tests. Each text is an item in the
// local table (so it survives a restart as the bookings do), listed newest last at GET /api/_local/texts
// (infra/local/local-routes.ts) and on the local page beside the e-mail viewer. Kept 30 days.

import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { randomUUID } from "node:crypto";
import { itemKeys } from "../dynamodb/item-keys";
import type { Clock } from "../../ports/clock";
import type { TextMessage, TextSender } from "../../ports/texts";

export interface SunkText {
  to: string;
  body: string;
  at: string;
}

const KEEP_SECONDS = 30 * 86_400;

export class LocalTextSink implements TextSender {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async send(text: TextMessage): Promise<{ messageId: string }> {
    const id = randomUUID();
    const now = this.clock.now();
    const at = now.toISOString();
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...itemKeys.localText(at, id), entity: "local-text", to: text.to, body: text.body, at, expiresAt: Math.floor(now.getTime() / 1000) + KEEP_SECONDS },
      }),
    );
    return { messageId: `local-${id}` };
  }

  /** Every text the sink took, oldest first. */
  async list(): Promise<SunkText[]> {
    const texts: SunkText[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({ TableName: this.tableName, KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": itemKeys.localText("", "").pk }, ExclusiveStartKey: startKey }),
      );
      for (const item of page.Items ?? []) texts.push({ to: String(item.to), body: String(item.body), at: String(item.at) });
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return texts;
  }
}
