// Storage: the BookingStore port on DynamoDB. A booking, a cancel and a reschedule are each one
// TransactWriteItems — lock cells, schedules, booking, lead, log events, outbox, idempotency record — so
// each is written whole or not at all.

import { GetCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Booking, Lead } from "../../core/bookings/booking";
import { protectionRefusal, type ProtectionWrite } from "../../core/access/protection";
import {
  BookingChanged,
  IdempotencyRecordExists,
  LeadMissing,
  LiveBookingsChanged,
  PersonHasLead,
  RepUnavailable,
  type BookingStore,
  type CachedFeed,
  type FeedFailure,
  type CancelBooking,
  type IdempotencyRecord,
  type LiveBookingChange,
  type LiveBookings,
  type NewBooking,
  type RepSchedule,
  type RescheduleBooking,
  type ScheduleClaim,
  type ScheduleRelease,
  type ScheduledDemo,
} from "../../ports/booking-store";
import type { LeadEvent } from "../../ports/lead-log";
import type { OutboxItem } from "../../ports/outbox";
import { itemKeys, scheduleAttribute } from "./item-keys";
import { leadEventRecord } from "./lead-log-records";
import { protectionItem } from "./protection-records";
import { leadUpsert } from "./lead-records";
import { outboxPut } from "./outbox-records";
import { decodeBusy, decodeDemo, encodeBusy, encodeDemo } from "./schedule-encoding";
import { failedRoles, isConditionFailure, retryOnConflict, transactWithRetry, type ConflictRetry } from "./transactions";
import { batchGetAll } from "./batches";

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]["TransactItems"]>[number];

/** Which part of a transaction an item is: decides what its condition failure means. */
type ItemRole = { kind: "protection"; write: ProtectionWrite } | { kind: "live-bookings" } | { kind: "rep"; repId: string } | { kind: "lead" } | { kind: "person" } | { kind: "idempotency" } | { kind: "booking" } | { kind: "other" };

const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
/** Locks of a past demo are kept a while (reports, fairness windows), then expire. */
const LOCK_RETENTION_SECONDS = 90 * 24 * 3600;
/** An address's live bookings item stays a while after its last booking is over (a later one may move it). */
const LIVE_RETENTION_SECONDS = 90 * 24 * 3600;
/** A live booking's attribute on its address's item: its end, epoch ms. */
const LIVE_PREFIX = "live:";
const liveAttribute = (bookingId: string) => `${LIVE_PREFIX}${bookingId}`;

function readLiveBookings(item: Record<string, unknown> | undefined): LiveBookings {
  const ends = new Map<string, number>();
  for (const [name, value] of Object.entries(item ?? {})) if (name.startsWith(LIVE_PREFIX)) ends.set(name.slice(LIVE_PREFIX.length), Number(value));
  return { ends, revision: Number(item?.revision ?? 0) };
}

const epochSeconds = (instant: number) => Math.floor(instant / 1000);

/** Items of one transaction with what each one's condition stands for. */
class TransactionBuilder {
  readonly items: TransactItem[] = [];
  readonly roles: ItemRole[] = [];

  add(role: ItemRole, item: TransactItem): void {
    this.items.push(item);
    this.roles.push(role);
  }
}

export class DynamoDbBookingStore implements BookingStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async claimLeadId(email: string, candidateId: string): Promise<string> {
    // The same claim as a booking's (personClaim), alone: whoever came first, its lead id is the answer.
    const { Attributes } = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: itemKeys.person(email),
        UpdateExpression: "SET leadId = if_not_exists(leadId, :candidate), entity = :entity",
        ExpressionAttributeValues: { ":candidate": candidateId, ":entity": "person" },
        ReturnValues: "ALL_NEW",
      }),
    );
    return String(Attributes!.leadId);
  }

  async saveLead(lead: Lead, outbox: readonly OutboxItem[], requestedAt = lead.createdAt): Promise<OutboxItem[]> {
    const now = new Date(requestedAt);
    const request = [
      { Update: leadUpsert(this.tableName, lead, "latest") },
      { Put: { TableName: this.tableName, Item: leadEventRecord({ leadId: lead.id, at: requestedAt, kind: "requested", data: { offeringId: lead.offeringId } }) } },
    ];
    try {
      await transactWithRetry(this.client, [...request, ...outbox.map((item) => ({ Put: outboxPut(this.tableName, item, now) }))]);
      return [...outbox];
    } catch (error) {
      // Only outbox items carry a condition: the same request (a retry, or a twin in the same second)
      // enqueued them already. The request is still logged; its work is not done twice.
      if (!isConditionFailure(error)) throw error;
      await transactWithRetry(this.client, request);
      return [];
    }
  }

  async getLead(id: string): Promise<Lead | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: itemKeys.lead(id) }));
    return Item ? (stripKeys(Item) as unknown as Lead) : undefined;
  }

  async readSchedules(repIds: readonly string[]): Promise<Map<string, RepSchedule>> {
    return (await this.readBatch(repIds, [])).schedules;
  }

  async readSchedulesAndLiveBookings(repIds: readonly string[], addressKey: string): Promise<{ schedules: Map<string, RepSchedule>; live: LiveBookings }> {
    const { schedules, others } = await this.readBatch(repIds, [itemKeys.liveBookings(addressKey)]);
    return { schedules, live: readLiveBookings(others[0]) };
  }

  /** The reps' schedule items and the other items asked for, in one BatchGetItem (more only past 100 keys). */
  private async readBatch(repIds: readonly string[], otherKeys: { pk: string; sk: string }[]): Promise<{ schedules: Map<string, RepSchedule>; others: (Record<string, unknown> | undefined)[] }> {
    const schedules = new Map<string, RepSchedule>(repIds.map((repId) => [repId, { repId, demos: [], perDay: new Map() }]));
    const others = new Map<string, Record<string, unknown>>();
    const items = await batchGetAll(this.client, this.tableName, [...otherKeys, ...repIds.map((repId) => itemKeys.repSchedule(repId))]);
    for (const item of items) {
      const schedule = String(item.pk).startsWith("REP#") ? schedules.get(String(item.pk).slice("REP#".length)) : undefined;
      if (schedule) readScheduleItem(schedule, item);
      else others.set(`${item.pk}|${item.sk}`, item);
    }
    return { schedules, others: otherKeys.map((key) => others.get(`${key.pk}|${key.sk}`)) };
  }

  async saveFeedCopy(repId: string, feed: CachedFeed): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: itemKeys.repSchedule(repId),
        UpdateExpression: "SET feedSourceKey = :source, feedFetchedAt = :at, feedBusy = :busy, entity = :entity REMOVE feedFailedSourceKey, feedFailedAt",
        ExpressionAttributeValues: { ":source": feed.sourceKey, ":at": feed.fetchedAt, ":busy": encodeBusy(feed.busy), ":entity": "rep-schedule" },
      }),
    );
  }

  async saveFeedFailure(repId: string, failure: FeedFailure): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: itemKeys.repSchedule(repId),
        // Only the failure's own attributes: the last good copy's busy data stays untouched.
        UpdateExpression: "SET feedFailedSourceKey = :source, feedFailedAt = :at, entity = :entity",
        ExpressionAttributeValues: { ":source": failure.sourceKey, ":at": failure.failedAt, ":entity": "rep-schedule" },
      }),
    );
  }

  async createBooking(input: NewBooking): Promise<void> {
    const { booking } = input;
    const now = new Date(booking.createdAt);
    const tx = new TransactionBuilder();
    for (const claim of input.claims) this.addClaim(tx, claim, booking);
    tx.add({ kind: "other" }, { Put: { TableName: this.tableName, Item: bookingRecord(booking), ConditionExpression: "attribute_not_exists(pk)" } });
    if (input.lead) {
      tx.add({ kind: "other" }, { Update: leadUpsert(this.tableName, input.lead, "latest", booking.id) });
      if (input.claimPerson) tx.add({ kind: "person" }, { Update: personClaim(this.tableName, input.claimPerson.email, input.lead.id) });
    } else {
      tx.add({ kind: "lead" }, {
        Update: {
          TableName: this.tableName,
          Key: itemKeys.lead(booking.leadId),
          UpdateExpression: `SET lastBookingId = :booking${input.leadSmsConsent ? ", smsConsent = :sms" : ""}`,
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeValues: { ":booking": booking.id, ...(input.leadSmsConsent ? { ":sms": input.leadSmsConsent } : {}) },
        },
      });
    }
    this.addEvents(tx, [{ leadId: booking.leadId, at: booking.createdAt, kind: "booked", ref: booking.id, data: { bookingId: booking.id, repId: booking.repId, start: booking.start, offeringId: booking.offeringId, ...(booking.bookedBy ? { bookedBy: booking.bookedBy } : {}) } }]);
    this.addOutbox(tx, input.outbox, now);
    if (input.idempotency) {
      tx.add({ kind: "idempotency" }, {
        Put: {
          TableName: this.tableName,
          Item: {
            ...itemKeys.idempotency(input.idempotency.key),
            entity: "idempotency",
            key: input.idempotency.key,
            requestHash: input.idempotency.requestHash,
            // As text: a replay answers byte for byte what the first request got.
            responseJson: JSON.stringify(input.idempotency.response),
            expiresAt: epochSeconds(now.getTime()) + IDEMPOTENCY_TTL_SECONDS,
          },
          ConditionExpression: "attribute_not_exists(pk)",
        },
      });
    }
    for (const write of input.protection ?? []) tx.add({ kind: "protection", write }, protectionItem(this.tableName, write));
    if (input.liveBooking) tx.add({ kind: "live-bookings" }, { Update: this.liveBookingAdded(booking.id, input.liveBooking) });
    await this.commit(tx, { idempotencyKey: input.idempotency?.key, bookingId: booking.id });
    await this.pruneDemos(input.claims);
  }

  async cancelBooking(change: CancelBooking): Promise<void> {
    const { booking } = change;
    const tx = new TransactionBuilder();
    tx.add({ kind: "booking" }, { Put: this.bookingChange(booking, change.expectedVersion) });
    for (const release of change.releases) this.addRelease(tx, release);
    this.addEvents(tx, change.events);
    this.addOutbox(tx, change.outbox, change.now);
    if (change.liveBooking) tx.add({ kind: "other" }, { Update: this.liveBookingChanged(booking.id, change.liveBooking, change.now) });
    await this.commit(tx, { bookingId: booking.id });
  }

  async rescheduleBooking(change: RescheduleBooking): Promise<void> {
    const { booking } = change;
    const tx = new TransactionBuilder();
    tx.add({ kind: "booking" }, { Put: this.bookingChange(booking, change.expectedVersion) });
    for (const claim of change.claims) this.addClaim(tx, claim, booking);
    for (const release of change.releases) this.addRelease(tx, release);
    this.addEvents(tx, change.events);
    this.addOutbox(tx, change.outbox, change.now);
    if (change.liveBooking) tx.add({ kind: "other" }, { Update: this.liveBookingChanged(booking.id, change.liveBooking, change.now) });
    await this.commit(tx, { bookingId: booking.id });
  }

  async releaseScheduleEntry(repId: string, demo: ScheduledDemo): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: itemKeys.repSchedule(repId),
        UpdateExpression: `DELETE ${scheduleAttribute.demos} :entry`,
        ExpressionAttributeValues: { ":entry": new Set([encodeDemo(demo)]) },
      }),
    );
  }

  async getBooking(id: string): Promise<Booking | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: itemKeys.booking(id), ConsistentRead: true }));
    return Item ? (stripKeys(Item) as unknown as Booking) : undefined;
  }

  async getIdempotencyRecord(key: string): Promise<IdempotencyRecord | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: itemKeys.idempotency(key), ConsistentRead: true }));
    if (!Item) return undefined;
    return { key: Item.key, requestHash: Item.requestHash, response: JSON.parse(Item.responseJson) };
  }

  /** Writes the transaction, retrying on conflicts with concurrent transactions; maps condition failures. */
  private async commit(tx: TransactionBuilder, context: { idempotencyKey?: string; bookingId: string }): Promise<void> {
    try {
      await retryOnConflict(() => this.client.send(new TransactWriteCommand({ TransactItems: tx.items })), SLOT_RACE_RETRY);
    } catch (error) {
      throw storeError(failedRoles(error, tx.roles), context) ?? error;
    }
  }

  /**
   * The booking joins its address's live bookings (one attribute per booking: its end), the ones over by
   * now dropped — if nobody wrote them since they were read (revision). TTL removes the item once all are over.
   */
  private liveBookingAdded(bookingId: string, live: NonNullable<NewBooking["liveBooking"]>) {
    const names: Record<string, string> = { "#new": liveAttribute(bookingId) };
    live.drop.forEach((id, index) => (names[`#drop${index}`] = liveAttribute(id)));
    const removals = live.drop.map((_, index) => `#drop${index}`);
    return {
      TableName: this.tableName,
      Key: itemKeys.liveBookings(live.addressKey),
      UpdateExpression: `SET #new = :end, revision = :next, entity = :entity, expiresAt = if_not_exists(expiresAt, :expires)${removals.length ? ` REMOVE ${removals.join(", ")}` : ""}`,
      ConditionExpression: "attribute_not_exists(revision) OR revision = :revision",
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ":end": live.end, ":next": live.revision + 1, ":revision": live.revision, ":entity": "live-bookings", ":expires": epochSeconds(live.end) + LIVE_RETENTION_SECONDS },
    };
  }

  /**
   * A booking of the address moved (its new end) or was cancelled (gone from its live bookings). The
   * revision moves on too, so a booking of the address that read the old state writes nothing.
   */
  private liveBookingChanged(bookingId: string, change: LiveBookingChange, now: Date) {
    const set = ["revision = if_not_exists(revision, :zero) + :one", "entity = :entity", "expiresAt = if_not_exists(expiresAt, :expires)"];
    const values: Record<string, unknown> = { ":zero": 0, ":one": 1, ":entity": "live-bookings", ":expires": epochSeconds(change.end ?? now.getTime()) + LIVE_RETENTION_SECONDS };
    if (change.end !== undefined) {
      set.unshift("#booking = :end");
      values[":end"] = change.end;
    }
    return {
      TableName: this.tableName,
      Key: itemKeys.liveBookings(change.addressKey),
      UpdateExpression: `SET ${set.join(", ")}${change.end === undefined ? " REMOVE #booking" : ""}`,
      ExpressionAttributeNames: { "#booking": liveAttribute(bookingId) },
      ExpressionAttributeValues: values,
    };
  }

  /** The rep's lock cells and the schedule entry (with the day's count, under the cap). */
  private addClaim(tx: TransactionBuilder, claim: ScheduleClaim, booking: Booking): void {
    const role: ItemRole = { kind: "rep", repId: claim.repId };
    const lockExpiry = epochSeconds(Date.parse(booking.end)) + LOCK_RETENTION_SECONDS;
    for (const cell of claim.cells) {
      tx.add(role, {
        Put: {
          TableName: this.tableName,
          Item: { ...itemKeys.slotLock(claim.repId, cell), entity: "slot-lock", bookingId: booking.id, expiresAt: lockExpiry },
          ConditionExpression: "attribute_not_exists(pk)",
        },
      });
    }
    tx.add(role, { Update: this.scheduleAddition(claim) });
  }

  /** Frees the rep's lock cells and, when given, drops the schedule entry and the day's count. */
  private addRelease(tx: TransactionBuilder, release: Omit<ScheduleRelease, "demo"> & { demo?: ScheduledDemo }): void {
    for (const cell of release.cells) {
      tx.add({ kind: "other" }, { Delete: { TableName: this.tableName, Key: itemKeys.slotLock(release.repId, cell) } });
    }
    if (!release.demo) return;
    tx.add({ kind: "other" }, {
      Update: {
        TableName: this.tableName,
        Key: itemKeys.repSchedule(release.repId),
        UpdateExpression: `SET #day = #day - :one DELETE ${scheduleAttribute.demos} :demo`,
        ConditionExpression: "attribute_exists(#day)",
        ExpressionAttributeNames: { "#day": scheduleAttribute.day(release.demo.day) },
        ExpressionAttributeValues: { ":one": 1, ":demo": new Set([encodeDemo(release.demo)]) },
      },
    });
  }

  /** The booking's new state, if nobody changed it since `expectedVersion` was read. */
  private bookingChange(booking: Booking, expectedVersion: number) {
    return {
      TableName: this.tableName,
      Item: bookingRecord(booking),
      ConditionExpression: "version = :expected AND #status = :confirmed",
      ExpressionAttributeNames: { "#status": "status" },
      ExpressionAttributeValues: { ":expected": expectedVersion, ":confirmed": "confirmed" },
    };
  }

  /**
   * Adds the demo to the rep's schedule, and — unless a reschedule keeps it on the same day — one to the
   * day's count, under the cap; drops stale day counters on the way.
   */
  private scheduleAddition(claim: ScheduleClaim) {
    const { demo } = claim;
    const countsDay = claim.countsDay !== false;
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ":demo": new Set([encodeDemo(demo)]), ":entity": "rep-schedule" };
    const sets = ["entity = :entity"];
    if (claim.lastAssignedAt !== undefined) {
      values[":at"] = claim.lastAssignedAt;
      sets.push("lastAssignedAt = :at");
    }
    let condition: string | undefined;
    if (countsDay) {
      names["#day"] = scheduleAttribute.day(demo.day);
      Object.assign(values, { ":zero": 0, ":one": 1 });
      sets.unshift("#day = if_not_exists(#day, :zero) + :one");
      if (claim.dailyCap !== undefined) {
        condition = "attribute_not_exists(#day) OR #day < :cap";
        values[":cap"] = claim.dailyCap;
      }
    }
    if (claim.moveFromDay && claim.moveFromDay !== demo.day) {
      names["#from"] = scheduleAttribute.day(claim.moveFromDay);
      values[":minusOne"] = 1;
      sets.push("#from = #from - :minusOne");
    }
    const removals = claim.prune.days
      .filter((day) => day !== demo.day && day !== claim.moveFromDay)
      .map((day, index) => {
        names[`#old${index}`] = scheduleAttribute.day(day);
        return `#old${index}`;
      });
    return {
      TableName: this.tableName,
      Key: itemKeys.repSchedule(claim.repId),
      UpdateExpression: `SET ${sets.join(", ")} ADD ${scheduleAttribute.demos} :demo${removals.length > 0 ? ` REMOVE ${removals.join(", ")}` : ""}`,
      ConditionExpression: condition,
      ExpressionAttributeNames: Object.keys(names).length > 0 ? names : undefined,
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

  private addEvents(tx: TransactionBuilder, events: readonly LeadEvent[]): void {
    for (const event of events) tx.add({ kind: "other" }, { Put: { TableName: this.tableName, Item: leadEventRecord(event) } });
  }

  private addOutbox(tx: TransactionBuilder, outbox: readonly OutboxItem[], now: Date): void {
    for (const item of outbox) tx.add({ kind: "other" }, { Put: outboxPut(this.tableName, item, now) });
  }
}

function bookingRecord(booking: Booking): Record<string, unknown> {
  return { ...itemKeys.booking(booking.id), entity: "booking", ...booking };
}

/** Fills a schedule from its item. */
function readScheduleItem(schedule: RepSchedule, item: Record<string, any>): void {
  if (item.feedBusy) schedule.feed = { sourceKey: item.feedSourceKey, fetchedAt: item.feedFetchedAt, busy: decodeBusy(item.feedBusy) };
  if (item.feedFailedAt !== undefined) schedule.feedFailure = { sourceKey: item.feedFailedSourceKey, failedAt: item.feedFailedAt };
  schedule.lastAssignedAt = item.lastAssignedAt;
  for (const entry of (item[scheduleAttribute.demos] as Set<string> | undefined) ?? []) schedule.demos.push(decodeDemo(entry));
  for (const [name, value] of Object.entries(item)) {
    if (name.startsWith("d_")) schedule.perDay.set(name.slice(2), value as number);
  }
}

function stripKeys(item: Record<string, unknown>): Record<string, unknown> {
  const { pk: _pk, sk: _sk, entity: _entity, gsi1pk: _g1, gsi1sk: _g2, expiresAt: _ttl, ...rest } = item;
  return rest;
}


/**
 * Many bookings of one popular slot touch the same reps' items at once: each lost race is sent again after
 * a jittered pause (at most 400 ms) until its conditions decide it (booked, or the rep taken: the next rep);
 * the few-retries default answered a 50-way race with some 503s on a busy machine.
 */
const SLOT_RACE_RETRY: ConflictRetry = { retries: 12, pauseMs: (attempt) => 10 + Math.random() * Math.min(400, 20 * 2 ** attempt) };

/** The store error a failed condition means, most telling first; undefined when none of ours failed. */
function storeError(failed: readonly ItemRole[], context: { idempotencyKey?: string; bookingId: string }): Error | undefined {
  // Abuse protection first: a replayed solution or a spent limit refuses the request whatever else failed.
  const refused = failed.find((role) => role.kind === "protection");
  if (refused?.kind === "protection") return protectionRefusal(refused.write);
  if (failed.some((role) => role.kind === "idempotency")) return new IdempotencyRecordExists(context.idempotencyKey!);
  if (failed.some((role) => role.kind === "live-bookings")) return new LiveBookingsChanged();
  if (failed.some((role) => role.kind === "booking")) return new BookingChanged(context.bookingId);
  // Before a rep's cells: with another lead id the booking would fail on every rep alike.
  if (failed.some((role) => role.kind === "person")) return new PersonHasLead();
  const rep = failed.find((role) => role.kind === "rep");
  if (rep?.kind === "rep") return new RepUnavailable(rep.repId);
  if (failed.some((role) => role.kind === "lead")) return new LeadMissing();
  return undefined;
}

/** Makes `leadId` the address's one lead, unless the address has another already (then the condition fails). */
function personClaim(tableName: string, email: string, leadId: string) {
  return {
    TableName: tableName,
    Key: itemKeys.person(email),
    UpdateExpression: "SET leadId = if_not_exists(leadId, :lead), entity = :entity",
    ConditionExpression: "attribute_not_exists(leadId) OR leadId = :lead",
    ExpressionAttributeValues: { ":lead": leadId, ":entity": "person" },
  };
}
