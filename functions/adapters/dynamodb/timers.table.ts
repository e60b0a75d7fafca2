// Timers (local): the Timers port backed by items in the local DynamoDB — what EventBridge Scheduler is
// in AWS. The local runtime's runner reads the due ones and invokes the very timer handler the stack
// deploys, with the same payload; a fired timer is deleted, a failed one retried, like Scheduler does.

import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { TimerPayload, TimerSpec } from "../../core/bookings/timer-plan";
import type { Timers } from "../../ports/timers";
import { isConditionFailure, transactWithRetry } from "./transactions";

export const TIMER_DUE_PARTITION = "TIMER#DUE";
/** After this many failed deliveries a timer goes to the dead-letter state (Scheduler: the DLQ). */
export const TIMER_MAX_ATTEMPTS = 8;

const key = (name: string) => ({ pk: `TIMER#${name}`, sk: "TIMER" });

export interface DueTimer {
  name: string;
  fireAt: number;
  payload: TimerPayload;
  attempts: number;
}

export class TableTimers implements Timers {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async schedule(timers: readonly TimerSpec[]): Promise<void> {
    const puts = timers.map((timer) => this.put(timer));
    // A booking's timers in one write; only when one of them exists already (a retry) each goes alone.
    if (puts.length > 1 && puts.length <= 100) {
      try {
        await transactWithRetry(this.client, puts.map((put) => ({ Put: put })));
        return;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
    await Promise.all(
      puts.map(async (put) => {
        try {
          await this.client.send(new PutCommand(put));
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
      }),
    );
  }

  /** Creates the timer unless one of that name exists (Scheduler answers ConflictException then). */
  private put(timer: TimerSpec) {
    return {
      TableName: this.tableName,
      Item: { ...key(timer.name), entity: "timer", name: timer.name, fireAt: timer.fireAt, payload: timer.payload, attempts: 0, gsi1pk: TIMER_DUE_PARTITION, gsi1sk: `${new Date(timer.fireAt).toISOString()}#${timer.name}` },
      ConditionExpression: "attribute_not_exists(pk)",
    };
  }

  async cancel(names: readonly string[]): Promise<void> {
    await Promise.all(names.map((name) => this.client.send(new DeleteCommand({ TableName: this.tableName, Key: key(name) }))));
  }

  /** Timers due at `now`, earliest first. */
  async due(now: Date, limit: number): Promise<DueTimer[]> {
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: "gsi1",
        KeyConditionExpression: "gsi1pk = :partition AND gsi1sk <= :now",
        ExpressionAttributeValues: { ":partition": TIMER_DUE_PARTITION, ":now": `${now.toISOString()}#~` },
        Limit: limit,
      }),
    );
    return (page.Items ?? []).map((item) => ({ name: item.name, fireAt: item.fireAt, payload: item.payload, attempts: item.attempts ?? 0 }));
  }

  /** The timer fired: it is gone (Scheduler's ActionAfterCompletion DELETE). */
  async fired(name: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: key(name) }));
  }

  /** The handler failed: try again later, or give up into the dead-letter state. */
  async failed(timer: DueTimer, retryAt: Date, error: string): Promise<void> {
    const attempts = timer.attempts + 1;
    const deadLetter = attempts >= TIMER_MAX_ATTEMPTS;
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: key(timer.name),
        UpdateExpression: deadLetter ? "SET attempts = :attempts, lastError = :error, deadLetter = :yes REMOVE gsi1pk, gsi1sk" : "SET attempts = :attempts, lastError = :error, gsi1sk = :sort",
        ExpressionAttributeValues: deadLetter
          ? { ":attempts": attempts, ":error": error.slice(0, 1000), ":yes": true }
          : { ":attempts": attempts, ":error": error.slice(0, 1000), ":sort": `${retryAt.toISOString()}#${timer.name}` },
      }),
    );
  }
}
