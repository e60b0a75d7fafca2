// Storage: the WebinarStore port on DynamoDB. A registration is one transaction — the session's seat
// counter (capacity condition), a seat item per address (attribute_not_exists), the registration, the
// attendees' leads, their log events and invitations, and abuse protection's items (a replayed solution or a
// spent limit refuses it whole) — on the condition that the session's sequence is
// still the one the invitations were composed for (a host's move raises it). The counter is one item every registration
// updates, so concurrent ones retry their transaction until it either fits or the session is full — or,
// having lost every retry, answer TryAgainLater (503 with Retry-After) with nothing written.

import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { TryAgainLater } from "../../core/errors";
import { protectionRefusal, type ProtectionWrite } from "../../core/access/protection";
import type { LeadEvent } from "../../ports/lead-log";
import type { OutboxItem } from "../../ports/outbox";
import {
  SeatAlreadyHeld,
  SessionFull,
  type MemberChange,
  type NewRegistration,
  type Registration,
  type RegistrationMember,
  type SeatHolder,
  type SessionChange,
  type SessionState,
  type WebinarStore,
} from "../../ports/webinar-store";
import { itemKeys } from "./item-keys";
import { leadEventRecord } from "./lead-log-records";
import { leadUpsert } from "./lead-records";
import { outboxPut } from "./outbox-records";
import { protectionItem } from "./protection-records";
import { queryAll } from "./query-all";
import { failedRoles, retryOnConflict, type ConflictRetry } from "./transactions";
import { batchGetAll } from "./batches";

type Role = { kind: "session" } | { kind: "seat"; email: string } | { kind: "registration" } | { kind: "protection"; write: ProtectionWrite } | { kind: "other" };
type Item = Record<string, unknown>;

/**
 * The seat counter is contended: many tries, with growing fully jittered pauses (at most 400 ms); still
 * losing to others after every retry, nothing was written and the caller may send it again.
 */
const SEAT_RACE_RETRY: ConflictRetry = {
  retries: 25,
  pauseMs: (attempt) => Math.random() * Math.min(400, 10 * 2 ** attempt),
  exhausted: () => new TryAgainLater(),
};

export class DynamoDbWebinarStore implements WebinarStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async sessionStates(sessionIds: readonly string[]): Promise<Map<string, SessionState>> {
    const states = new Map<string, SessionState>();
    const keys = sessionIds.map((id) => itemKeys.session(id));
    for (const item of await batchGetAll(this.client, this.tableName, keys, { consistentRead: true })) states.set(item.sessionId, sessionState(item));
    return states;
  }

  async seatHolders(sessionId: string, emails: readonly string[]): Promise<Map<string, SeatHolder>> {
    const holders = new Map<string, SeatHolder>();
    const keys = [...new Set(emails.map((email) => email.toLowerCase()))].map((email) => itemKeys.seat(sessionId, email));
    for (const item of await batchGetAll(this.client, this.tableName, keys, { consistentRead: true })) holders.set(item.email, seatHolder(item));
    return holders;
  }

  async seats(sessionId: string): Promise<SeatHolder[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :seat)",
      ExpressionAttributeValues: { ":pk": itemKeys.session(sessionId).pk, ":seat": "SEAT#" },
      ConsistentRead: true,
    });
    const seats = items.map(seatHolder);
    // Waitlisted people in the order they came; seated ones first.
    return seats.sort((a, b) => (a.status === b.status ? (a.waitlistedAt ?? "").localeCompare(b.waitlistedAt ?? "") : a.status === "confirmed" ? -1 : 1));
  }

  async getRegistration(id: string): Promise<Registration | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: itemKeys.registration(id), ConsistentRead: true }));
    return Item ? registrationOf(Item) : undefined;
  }

  async register(write: NewRegistration): Promise<void> {
    const { registration } = write;
    const now = new Date(registration.createdAt);
    const tx = new Transaction();
    this.addSeatCount(tx, registration.sessionId, write.seats, write.sessionCapacity, { timersSequence: write.timersSequence, expectedSequence: write.expectedSequence });
    for (const member of registration.members) this.addSeat(tx, registration, member);
    tx.add({ kind: "other" }, { Put: { TableName: this.tableName, Item: registrationRecord(registration), ConditionExpression: "attribute_not_exists(pk)" } });
    for (const lead of write.leads) tx.add({ kind: "other" }, { Update: leadUpsert(this.tableName, lead, "keep") });
    this.addEventsAndOutbox(tx, write.events, write.outbox, now);
    for (const protection of write.protection ?? []) tx.add({ kind: "protection", write: protection }, protectionItem(this.tableName, protection));
    await this.commit(tx, registration.sessionId);
  }

  async changeMembers(write: MemberChange): Promise<void> {
    const { registration } = write;
    const tx = new Transaction();
    const expected = write.expectedSequence;
    if (write.seatsFreed > 0) {
      tx.add(expected === undefined ? { kind: "other" } : { kind: "session" }, {
        Update: {
          TableName: this.tableName,
          Key: itemKeys.session(registration.sessionId),
          UpdateExpression: "SET seatsTaken = seatsTaken - :n",
          ExpressionAttributeValues: { ":n": write.seatsFreed, ...(expected === undefined ? {} : { ":expected": expected }) },
          ...(expected === undefined ? {} : { ConditionExpression: "#seq = :expected", ExpressionAttributeNames: { "#seq": "sequence" } }),
        },
      });
    }
    const seatsAdded = write.added?.seats ?? 0;
    if (expected !== undefined && write.seatsFreed <= 0 && seatsAdded <= 0) this.sessionStillAt(tx, registration.sessionId, expected);
    if (write.added) {
      if (write.added.seats > 0) this.addSeatCount(tx, registration.sessionId, write.added.seats, write.added.capacity, { expectedSequence: expected });
      for (const member of write.added.members) this.addSeat(tx, registration, member);
      for (const lead of write.added.leads) tx.add({ kind: "other" }, { Update: leadUpsert(this.tableName, lead, "keep") });
    }
    for (const member of write.removed) {
      tx.add({ kind: "other" }, {
        Delete: { TableName: this.tableName, Key: itemKeys.seat(registration.sessionId, member.email), ConditionExpression: "registrationId = :id", ExpressionAttributeValues: { ":id": registration.id } },
      });
    }
    tx.add({ kind: "registration" }, {
      Put: { TableName: this.tableName, Item: registrationRecord(registration), ConditionExpression: "version = :expected", ExpressionAttributeValues: { ":expected": write.expectedVersion } },
    });
    this.addEventsAndOutbox(tx, write.events, write.outbox, write.now);
    await this.commit(tx, registration.sessionId);
  }

  async promote(
    session: { id: string; capacity: number; expectedSequence: number },
    holder: SeatHolder,
    outbox: (registration: Registration, member: RegistrationMember) => OutboxItem[],
    now: Date,
  ): Promise<boolean> {
    const sessionId = session.id;
    for (let attempt = 0; attempt < 5; attempt++) {
      const registration = await this.getRegistration(holder.registrationId);
      const index = registration?.members.findIndex((m) => m.email === holder.email && m.status === "waitlisted") ?? -1;
      if (!registration || index < 0) return false;
      const member = { ...registration.members[index]!, status: "confirmed" as const };
      const next: Registration = { ...registration, members: registration.members.map((m, i) => (i === index ? member : m)), version: registration.version + 1 };
      const tx = new Transaction();
      this.addSeatCount(tx, sessionId, 1, session.capacity, { expectedSequence: session.expectedSequence });
      tx.add({ kind: "other" }, {
        Update: {
          TableName: this.tableName,
          Key: itemKeys.seat(sessionId, holder.email),
          UpdateExpression: "SET #status = :confirmed REMOVE waitlistedAt",
          ConditionExpression: "#status = :waitlisted AND registrationId = :id",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: { ":confirmed": "confirmed", ":waitlisted": "waitlisted", ":id": registration.id },
        },
      });
      tx.add({ kind: "registration" }, {
        Put: { TableName: this.tableName, Item: registrationRecord(next), ConditionExpression: "version = :expected", ExpressionAttributeValues: { ":expected": registration.version } },
      });
      const events: LeadEvent[] = [{ leadId: member.leadId, at: now.toISOString(), kind: "promoted_from_waitlist", ref: sessionId, data: { sessionId } }];
      this.addEventsAndOutbox(tx, events, outbox(next, member), now);
      try {
        await this.commit(tx, sessionId);
        return true;
      } catch (error) {
        if (error instanceof SessionFull) return false;
        // The registration changed meanwhile (its registrant edited it): read it again.
        if ((error as { name?: string }).name === "RegistrationChanged") continue;
        throw error;
      }
    }
    return false;
  }

  async changeSession(write: SessionChange): Promise<void> {
    const { state } = write;
    const tx = new Transaction();
    tx.add({ kind: "session" }, {
      Update: {
        TableName: this.tableName,
        Key: itemKeys.session(write.sessionId),
        // The change asks for the new sequence's timers itself.
        UpdateExpression:
          "SET sessionId = :id, #seq = :sequence, timersSequence = :sequence, #status = :status, seatsTaken = if_not_exists(seatsTaken, :zero), entity = :entity" +
          (state.start !== undefined ? ", #start = :start, #end = :end" : ""),
        // The session item may not exist yet (no registration so far): then only sequence 0 is expected.
        ConditionExpression: write.expectedSequence === 0 ? "attribute_not_exists(#seq) OR #seq = :expected" : "#seq = :expected",
        ExpressionAttributeNames: { "#seq": "sequence", "#status": "status", ...(state.start !== undefined ? { "#start": "start", "#end": "end" } : {}) },
        ExpressionAttributeValues: {
          ":id": write.sessionId,
          ":sequence": state.sequence,
          ":status": state.status,
          ":zero": 0,
          ":entity": "webinar-session",
          ":expected": write.expectedSequence,
          ...(state.start !== undefined ? { ":start": state.start, ":end": state.end } : {}),
        },
      },
    });
    this.addEventsAndOutbox(tx, [], write.outbox, write.now);
    await this.commit(tx, write.sessionId);
  }

  /** The session is still at this sequence (a session without an item yet is at 0). */
  private sessionStillAt(tx: Transaction, sessionId: string, expectedSequence: number): void {
    tx.add({ kind: "session" }, {
      ConditionCheck: {
        TableName: this.tableName,
        Key: itemKeys.session(sessionId),
        ConditionExpression: "(attribute_not_exists(#seq) AND :expected = :zero) OR #seq = :expected",
        ExpressionAttributeNames: { "#seq": "sequence" },
        ExpressionAttributeValues: { ":expected": expectedSequence, ":zero": 0 },
      },
    });
  }

  /**
   * The counter gains `seats` if that keeps it within capacity (a session created by this write starts at 0)
   * and, given an expected sequence, if the session is still at it (not moved or cancelled since it was read).
   */
  private addSeatCount(tx: Transaction, sessionId: string, seats: number, capacity: number, options: { timersSequence?: number; expectedSequence?: number } = {}): void {
    const { timersSequence, expectedSequence } = options;
    const atSequence = expectedSequence !== undefined;
    if (seats <= 0) {
      // Nobody seated (everyone waitlisted): the session must still be open (and at the sequence read).
      tx.add({ kind: "session" }, {
        ConditionCheck: {
          TableName: this.tableName,
          Key: itemKeys.session(sessionId),
          ConditionExpression: atSequence
            ? "(attribute_not_exists(#status) AND :expected = :zero) OR (#status = :scheduled AND #seq = :expected)"
            : "attribute_not_exists(#status) OR #status = :scheduled",
          ExpressionAttributeNames: { "#status": "status", ...(atSequence ? { "#seq": "sequence" } : {}) },
          ExpressionAttributeValues: { ":scheduled": "scheduled", ...(atSequence ? { ":expected": expectedSequence, ":zero": 0 } : {}) },
        },
      });
      return;
    }
    tx.add({ kind: "session" }, {
      Update: {
        TableName: this.tableName,
        Key: itemKeys.session(sessionId),
        UpdateExpression:
          "SET seatsTaken = if_not_exists(seatsTaken, :zero) + :n, sessionId = :id, #seq = if_not_exists(#seq, :zero), #status = if_not_exists(#status, :scheduled), entity = :entity" +
          (timersSequence !== undefined ? ", timersSequence = :timers" : ""),
        // No item yet means sequence 0 (a move or cancel creates the item).
        ConditionExpression: atSequence
          ? "(attribute_not_exists(seatsTaken) AND :n <= :capacity AND :expected = :zero) OR (seatsTaken <= :limit AND #status = :scheduled AND #seq = :expected)"
          : "(attribute_not_exists(seatsTaken) AND :n <= :capacity) OR (seatsTaken <= :limit AND #status = :scheduled)",
        ExpressionAttributeNames: { "#seq": "sequence", "#status": "status" },
        ExpressionAttributeValues: {
          ":zero": 0,
          ":n": seats,
          ":id": sessionId,
          ":scheduled": "scheduled",
          ":entity": "webinar-session",
          ":capacity": capacity,
          ":limit": capacity - seats,
          ...(timersSequence !== undefined ? { ":timers": timersSequence } : {}),
          ...(atSequence ? { ":expected": expectedSequence } : {}),
        },
      },
    });
  }

  private addSeat(tx: Transaction, registration: Registration, member: RegistrationMember): void {
    if (member.status === "cancelled") return;
    tx.add({ kind: "seat", email: member.email }, {
      Put: {
        TableName: this.tableName,
        Item: {
          ...itemKeys.seat(registration.sessionId, member.email),
          entity: "seat",
          sessionId: registration.sessionId,
          email: member.email.toLowerCase(),
          registrationId: registration.id,
          status: member.status,
          ...(member.waitlistedAt ? { waitlistedAt: member.waitlistedAt } : {}),
        },
        ConditionExpression: "attribute_not_exists(pk)",
      },
    });
  }

  private addEventsAndOutbox(tx: Transaction, events: readonly LeadEvent[], outbox: readonly OutboxItem[], now: Date): void {
    for (const event of events) tx.add({ kind: "other" }, { Put: { TableName: this.tableName, Item: leadEventRecord(event) } });
    for (const item of outbox) tx.add({ kind: "other" }, { Put: outboxPut(this.tableName, item, now) });
  }

  private async commit(tx: Transaction, sessionId: string): Promise<void> {
    try {
      await retryOnConflict(() => this.client.send(new TransactWriteCommand({ TransactItems: tx.items as never })), SEAT_RACE_RETRY);
    } catch (error) {
      const failed = failedRoles(error, tx.roles);
      // Abuse protection first: a replayed solution or a spent limit refuses the request whatever else failed.
      const refused = failed.find((role) => role.kind === "protection");
      if (refused?.kind === "protection") throw protectionRefusal(refused.write);
      const seats = failed.flatMap((role) => (role.kind === "seat" ? [role.email] : []));
      if (seats.length > 0) throw new SeatAlreadyHeld(seats);
      if (failed.some((role) => role.kind === "session")) throw new SessionFull(sessionId);
      if (failed.some((role) => role.kind === "registration")) throw Object.assign(new Error("the registration changed meanwhile"), { name: "RegistrationChanged" });
      throw error;
    }
  }
}

class Transaction {
  readonly items: Item[] = [];
  readonly roles: Role[] = [];

  add(role: Role, item: Item): void {
    this.items.push(item);
    this.roles.push(role);
  }
}

function sessionState(item: Record<string, any>): SessionState {
  return {
    sessionId: item.sessionId,
    seatsTaken: item.seatsTaken ?? 0,
    sequence: item.sequence ?? 0,
    status: item.status ?? "scheduled",
    ...(item.start !== undefined ? { start: item.start, end: item.end } : {}),
    ...(item.timersSequence !== undefined ? { timersSequence: item.timersSequence } : {}),
  };
}

function seatHolder(item: Record<string, any>): SeatHolder {
  return { sessionId: item.sessionId, email: item.email, registrationId: item.registrationId, status: item.status, ...(item.waitlistedAt ? { waitlistedAt: item.waitlistedAt } : {}) };
}

function registrationRecord(registration: Registration): Record<string, unknown> {
  return { ...itemKeys.registration(registration.id), entity: "registration", ...registration };
}

function registrationOf(item: Record<string, any>): Registration {
  const { pk: _pk, sk: _sk, entity: _entity, ...registration } = item;
  return registration as Registration;
}
