// Storage: the BookingStore port on DynamoDB. A booking is one TransactWriteItems — lock cells, booking,
// lead, log event, outbox, idempotency record — so it is all written or nothing is.

import { TransactionCanceledException, type CancellationReason } from "@aws-sdk/client-dynamodb";
import {
  BatchGetCommand,
  GetCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from "@aws-sdk/lib-dynamodb";
import type { Booking, Interval, Lead } from "../../core/booking";
import { InvalidInput } from "../../core/errors";
import {
  IdempotencyRecordExists,
  RepUnavailable,
  type BookingStore,
  type CachedFeed,
  type IdempotencyRecord,
  type MailOutcome,
  type NewBooking,
  type RepSchedule,
  type ScheduleClaim,
} from "../../ports/booking-store";
import { MAIL_DUE_PARTITION, itemKeys, scheduleAttribute } from "./item-keys";
import { decodeBusy, decodeDemo, encodeBusy, encodeDemo } from "./schedule-encoding";

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]["TransactItems"]>[number];

/** Which part of a booking transaction an item is: decides what its condition failure means. */
type ItemRole = { kind: "rep"; repId: string } | { kind: "lead" } | { kind: "idempotency" } | { kind: "other" };

const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
/** Locks of a past demo are kept a while (reports, fairness windows), then expire. */
const LOCK_RETENTION_SECONDS = 90 * 24 * 3600;
/** An outbox message not marked sent by then is picked up by the retry loop. */
const OUTBOX_GRACE_MS = 5 * 60_000;
const CONFLICT_RETRIES = 6;

const epochSeconds = (instant: number) => Math.floor(instant / 1000);

export class DynamoDbBookingStore implements BookingStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async saveLead(lead: Lead): Promise<void> {
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.tableName, Item: { ...itemKeys.lead(lead.id), entity: "lead", ...lead }, ConditionExpression: "attribute_not_exists(pk)" } },
          { Put: { TableName: this.tableName, Item: this.eventItem(lead.id, lead.createdAt, "requested", "", { offeringId: lead.offeringId }) } },
        ],
      }),
    );
  }

  async getLead(id: string): Promise<Lead | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: itemKeys.lead(id) }));
    return Item ? (stripKeys(Item) as unknown as Lead) : undefined;
  }

  async readSchedules(repIds: readonly string[]): Promise<Map<string, RepSchedule>> {
    const schedules = new Map<string, RepSchedule>(repIds.map((repId) => [repId, { repId, demos: [], perDay: new Map() }]));
    let keys = repIds.map((repId) => itemKeys.repSchedule(repId));
    while (keys.length > 0) {
      const batch = keys.slice(0, 100);
      keys = keys.slice(100);
      const result = await this.client.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: batch } } }));
      for (const item of result.Responses?.[this.tableName] ?? []) {
        const schedule = schedules.get(String(item.pk).slice("REP#".length));
        if (schedule) readScheduleItem(schedule, item);
      }
      const unprocessed = (result.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as typeof batch;
      if (unprocessed.length > 0) await sleep(20);
      keys = [...unprocessed, ...keys];
    }
    return schedules;
  }

  async saveFeedCopy(repId: string, feed: CachedFeed): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: itemKeys.repSchedule(repId),
        UpdateExpression: "SET feedSourceKey = :source, feedFetchedAt = :at, feedBusy = :busy, entity = :entity",
        ExpressionAttributeValues: { ":source": feed.sourceKey, ":at": feed.fetchedAt, ":busy": encodeBusy(feed.busy), ":entity": "rep-schedule" },
      }),
    );
  }

  async createBooking(input: NewBooking): Promise<void> {
    const { items, roles } = this.bookingTransaction(input);
    for (let attempt = 0; ; attempt++) {
      try {
        await this.client.send(new TransactWriteCommand({ TransactItems: items }));
        await this.pruneDemos(input.claims);
        return;
      } catch (error) {
        const reasons = cancellationReasons(error);
        if (!reasons) throw error;
        const failedRoles = reasons.flatMap((reason, index) => (reason.Code === "ConditionalCheckFailed" ? [roles[index]!] : []));
        if (failedRoles.some((role) => role.kind === "idempotency")) throw new IdempotencyRecordExists(input.idempotency!.key);
        const rep = failedRoles.find((role) => role.kind === "rep");
        if (rep?.kind === "rep") throw new RepUnavailable(rep.repId);
        if (failedRoles.some((role) => role.kind === "lead")) throw new InvalidInput("contactRequestId", "No contact request has this id.", "unknown_contact_request");
        // TransactionConflict: another transaction touched one of our items at the same moment; its
        // outcome decides ours, so try again shortly.
        if (attempt >= CONFLICT_RETRIES || !reasons.some((r) => r.Code === "TransactionConflict")) throw error;
        await sleep(10 + Math.random() * 20 * 2 ** attempt);
      }
    }
  }

  private bookingTransaction(input: NewBooking): { items: TransactItem[]; roles: ItemRole[] } {
    const { booking } = input;
    const items: TransactItem[] = [];
    const roles: ItemRole[] = [];
    const add = (role: ItemRole, item: TransactItem) => {
      items.push(item);
      roles.push(role);
    };
    const lockExpiry = epochSeconds(Date.parse(booking.end)) + LOCK_RETENTION_SECONDS;
    for (const claim of input.claims) {
      const role: ItemRole = { kind: "rep", repId: claim.repId };
      for (const cell of claim.cells) {
        add(role, {
          Put: {
            TableName: this.tableName,
            Item: { ...itemKeys.slotLock(claim.repId, cell), entity: "slot-lock", bookingId: booking.id, expiresAt: lockExpiry },
            ConditionExpression: "attribute_not_exists(pk)",
          },
        });
      }
      add(role, { Update: this.scheduleUpdate(claim) });
    }
    add({ kind: "other" }, {
      Put: { TableName: this.tableName, Item: { ...itemKeys.booking(booking.id), entity: "booking", ...booking }, ConditionExpression: "attribute_not_exists(pk)" },
    });
    if (input.newLead) {
      add({ kind: "other" }, {
        Put: { TableName: this.tableName, Item: { ...itemKeys.lead(input.newLead.id), entity: "lead", ...input.newLead }, ConditionExpression: "attribute_not_exists(pk)" },
      });
    } else {
      add({ kind: "lead" }, {
        Update: {
          TableName: this.tableName,
          Key: itemKeys.lead(booking.leadId),
          UpdateExpression: "SET lastBookingId = :booking",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeValues: { ":booking": booking.id },
        },
      });
    }
    add({ kind: "other" }, { Put: { TableName: this.tableName, Item: this.eventItem(booking.leadId, booking.createdAt, "booked", booking.id, { bookingId: booking.id, repId: booking.repId, start: booking.start }) } });
    const due = new Date(Date.parse(booking.createdAt) + OUTBOX_GRACE_MS).toISOString();
    for (const message of input.outbox) {
      add({ kind: "other" }, {
        Put: {
          TableName: this.tableName,
          Item: {
            ...itemKeys.outbox(booking.id, message.key),
            entity: "outbox",
            ...message,
            bookingId: booking.id,
            status: "pending",
            attempts: 0,
            gsi1pk: MAIL_DUE_PARTITION,
            gsi1sk: `${due}#${booking.id}#${message.key}`,
          },
        },
      });
    }
    if (input.idempotency) {
      add({ kind: "idempotency" }, {
        Put: {
          TableName: this.tableName,
          Item: {
            ...itemKeys.idempotency(input.idempotency.key),
            entity: "idempotency",
            key: input.idempotency.key,
            requestHash: input.idempotency.requestHash,
            statusCode: input.idempotency.statusCode,
            // As text: a replay answers byte for byte what the first request got.
            responseJson: JSON.stringify(input.idempotency.response),
            expiresAt: epochSeconds(Date.parse(booking.createdAt)) + IDEMPOTENCY_TTL_SECONDS,
          },
          ConditionExpression: "attribute_not_exists(pk)",
        },
      });
    }
    return { items, roles };
  }

  /** Adds the demo to the rep's schedule (and the day's count, under the cap), dropping stale day counters. */
  private scheduleUpdate(claim: ScheduleClaim) {
    const { demo } = claim;
    const names: Record<string, string> = { "#day": scheduleAttribute.day(demo.day) };
    const values: Record<string, unknown> = {
      ":demo": new Set([encodeDemo(demo)]),
      ":zero": 0,
      ":one": 1,
      ":at": demo.assignedAt,
      ":entity": "rep-schedule",
    };
    const removals = claim.prune.days
      .filter((day) => day !== demo.day)
      .map((day, index) => {
        names[`#old${index}`] = scheduleAttribute.day(day);
        return `#old${index}`;
      });
    let condition: string | undefined;
    if (claim.dailyCap !== undefined) {
      condition = "attribute_not_exists(#day) OR #day < :cap";
      values[":cap"] = claim.dailyCap;
    }
    return {
      TableName: this.tableName,
      Key: itemKeys.repSchedule(claim.repId),
      UpdateExpression: `SET #day = if_not_exists(#day, :zero) + :one, lastAssignedAt = :at, entity = :entity ADD ${scheduleAttribute.demos} :demo${removals.length > 0 ? ` REMOVE ${removals.join(", ")}` : ""}`,
      ConditionExpression: condition,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    };
  }

  /**
   * Drops demos too old to matter from the schedules. DynamoDB allows one action per attribute in an
   * update, so this cannot ride in the booking's ADD; it is housekeeping and may fail without harm.
   */
  private async pruneDemos(claims: readonly ScheduleClaim[]): Promise<void> {
    await Promise.all(
      claims
        .filter((claim) => claim.prune.demos.length > 0)
        .map((claim) =>
          this.client
            .send(
              new UpdateCommand({
                TableName: this.tableName,
                Key: itemKeys.repSchedule(claim.repId),
                UpdateExpression: `DELETE ${scheduleAttribute.demos} :old`,
                ExpressionAttributeValues: { ":old": new Set(claim.prune.demos.map(encodeDemo)) },
              }),
            )
            .catch(() => undefined),
        ),
    );
  }

  async getBooking(id: string): Promise<Booking | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: itemKeys.booking(id), ConsistentRead: true }));
    return Item ? (stripKeys(Item) as unknown as Booking) : undefined;
  }

  async getIdempotencyRecord(key: string): Promise<IdempotencyRecord | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: itemKeys.idempotency(key), ConsistentRead: true }));
    if (!Item) return undefined;
    return { key: Item.key, requestHash: Item.requestHash, statusCode: Item.statusCode, response: JSON.parse(Item.responseJson) };
  }

  async recordMailOutcomes(outcomes: readonly MailOutcome[]): Promise<void> {
    const updates = outcomes.map((outcome) => this.mailOutcomeUpdate(outcome));
    if (updates.length === 0) return;
    if (updates.length === 1) {
      await this.client.send(new UpdateCommand(updates[0]!));
      return;
    }
    await this.client.send(new TransactWriteCommand({ TransactItems: updates.map((update) => ({ Update: update })) }));
  }

  private mailOutcomeUpdate(outcome: MailOutcome) {
    const key = itemKeys.outbox(outcome.bookingId, outcome.key);
    if (outcome.messageId) {
      return {
        TableName: this.tableName,
        Key: key,
        UpdateExpression: "SET #status = :sent, sentAt = :at, messageId = :id REMOVE gsi1pk, gsi1sk, lastError",
        ConditionExpression: "attribute_exists(pk)",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: { ":sent": "sent", ":at": outcome.at.toISOString(), ":id": outcome.messageId },
      };
    }
    const next = (outcome.nextAttemptAt ?? outcome.at).toISOString();
    return {
      TableName: this.tableName,
      Key: key,
      UpdateExpression: "SET #status = :failed, lastError = :error, lastAttemptAt = :at, gsi1pk = :due, gsi1sk = :next ADD attempts :one",
      ConditionExpression: "attribute_exists(pk) AND #status <> :sent",
      ExpressionAttributeNames: { "#status": "status" },
      ExpressionAttributeValues: {
        ":failed": "failed",
        ":sent": "sent",
        ":error": (outcome.error ?? "unknown error").slice(0, 1000),
        ":at": outcome.at.toISOString(),
        ":due": MAIL_DUE_PARTITION,
        ":next": `${next}#${outcome.bookingId}#${outcome.key}`,
        ":one": 1,
      },
    };
  }

  private eventItem(leadId: string, at: string, kind: string, ref: string, data: Record<string, unknown>) {
    return { ...itemKeys.leadEvent(leadId, at, kind, ref), entity: "lead-event", leadId, kind, at, ...data };
  }
}

function cancellationReasons(error: unknown): CancellationReason[] | undefined {
  if (error instanceof TransactionCanceledException) return error.CancellationReasons ?? [];
  if ((error as { name?: string })?.name === "TransactionCanceledException") {
    return (error as { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? [];
  }
  return undefined;
}

/** Fills a schedule from its item. */
function readScheduleItem(schedule: RepSchedule, item: Record<string, any>): void {
  if (item.feedBusy) schedule.feed = { sourceKey: item.feedSourceKey, fetchedAt: item.feedFetchedAt, busy: decodeBusy(item.feedBusy) };
  schedule.lastAssignedAt = item.lastAssignedAt;
  for (const entry of (item[scheduleAttribute.demos] as Set<string> | undefined) ?? []) schedule.demos.push(decodeDemo(entry));
  for (const [name, value] of Object.entries(item)) {
    if (name.startsWith("d_")) schedule.perDay.set(name.slice(2), value as number);
  }
}

function stripKeys(item: Record<string, unknown>): Record<string, unknown> {
  const { pk: _pk, sk: _sk, entity: _entity, gsi1pk: _g1, gsi1sk: _g2, expiresAt: _ttl, lastBookingId: _last, ...rest } = item;
  return rest;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
