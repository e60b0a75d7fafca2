// Webinars on the real engines, under races injected between a use case's read and its write: a host moves
// the session while a registration (or a manage-link edit) is on its way — the invitation must carry the new
// time and SEQUENCE; and a rush in which every race for the last seats is lost — whoever asked for the
// waitlist is waitlisted (the free seats promoted in order), never answered 409; and a move while a waitlisted
// person is promoted.
import { DynamoDBClient, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { calendarParts } from "../../support/ses-store";
import { createLifecycle, mailsTo, tokenOf } from "../../support/lifecycle-harness";
import { webinarConfigWith } from "../../support/webinar-config";
import { registerAndRead } from "../../support/webinar-registration";
import { dynamoDbEndpoint } from "../../support/engines";

// Monday; the seeded weekly webinar runs Tuesdays 16:00 London (16:00Z in winter).
const NOW = "2026-11-30T06:00:00Z";
const FIRST = "weekly-webinar-20261201T1600Z";
const HOST = { authorization: "Bearer local-token-lukas" };
const MOVED_TO = "2026-12-01T17:00:00Z";

let counter = 0;
const person = (extra: Record<string, unknown> = {}) => {
  counter++;
  return { name: `Rita Race ${counter}`, email: `rita${counter}.${Date.now()}@raceco.example`, company: "RaceCo", timeZone: "Europe/Berlin", consent: true, ...extra };
};
type Life = Awaited<ReturnType<typeof createLifecycle>>;
const register = (life: Life, sessionId: string, body: Record<string, unknown>) => registerAndRead(life.api, sessionId, body);
const eventOf = (mail: Parameters<typeof calendarParts>[0]) => {
  const calendar = new ICAL.Component(ICAL.parse(calendarParts(mail).find((p) => /calendar/.test(p.contentType))!.text));
  return { calendar, event: calendar.getFirstSubcomponent("vevent")! };
};

type TransactItem = { Put?: { Item?: Record<string, unknown>; ConditionExpression?: string }; Update?: { Key?: unknown } };

/**
 * A DynamoDB client that runs `before()` once, just before the first transaction mentioning `marker` is
 * sent — after the use case read what it composed from. `before` may use the same client: it is disarmed first.
 */
function interruptedDynamoDb(): { client: DynamoDBClient; arm(marker: string, before: () => Promise<void>): void } {
  const client = new DynamoDBClient({ endpoint: dynamoDbEndpoint() });
  let armed: { marker: string; before: () => Promise<void> } | undefined;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (armed && context.commandName === "TransactWriteItemsCommand" && JSON.stringify(args.input).includes(armed.marker)) {
        const { before } = armed;
        armed = undefined;
        await before();
      }
      return next(args);
    },
    { step: "initialize", name: "moveTheSessionMeanwhile" },
  );
  return { client, arm: (marker, before) => (armed = { marker, before }) };
}

/** Moves FIRST to MOVED_TO, as its host. */
async function move(life: Life): Promise<void> {
  const moved = await life.api.call("POST", `/api/webinars/${FIRST}/reschedule`, { start: MOVED_TO }, HOST);
  expect(moved.status).toBe(200);
}

describe("a host moving the session while a registration is on its way", () => {
  it("the registration reads the session again: one invitation, at the new time, with the move's SEQUENCE; no timers for the old time", async () => {
    const dynamo = interruptedDynamoDb();
    const life = await createLifecycle(NOW, { dynamoDb: dynamo.client });
    const racer = person();
    let moves = 0;
    dynamo.arm(racer.email, async () => {
      moves++;
      await move(life);
    });
    const response = await register(life, FIRST, racer);
    expect(moves).toBe(1);
    expect(response.status).toBe(202);
    expect(response.json).toMatchObject({ status: "confirmed", session: { id: FIRST, start: "2026-12-01T18:00:00.000+01:00" } });
    const listed = (await life.api.call("GET", "/api/webinars?timeZone=UTC")).json.sessions.find((s: { id: string }) => s.id === FIRST);
    expect(listed.seatsLeft).toBe(49);
    const mails = await mailsTo(racer.email);
    expect(mails.map((m) => m.subject)).toEqual([expect.stringMatching(/^Registered/)]);
    const { calendar, event } = eventOf(mails[0]!);
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(event.getFirstPropertyValue("dtstart")!.toString()).toBe("2026-12-01T17:00:00Z");
    expect(event.getFirstPropertyValue("sequence")).toBe(1);
    const items = await life.api.allItems();
    expect(items.filter((i) => i.entity === "registration")).toHaveLength(1);
    expect(items.find((i) => i.sk === "SESSION")).toMatchObject({ seatsTaken: 1, sequence: 1 });
    // The session's timers (its reminders, host list, feedback request and reminder text) are the moved time's only.
    const names = await life.timerNames();
    expect(names.filter((name) => name.endsWith("-s0"))).toEqual([]);
    expect(names.filter((name) => name.endsWith("-s1"))).toHaveLength(6);
  });

  it("a colleague added through the manage link meanwhile is invited to the new time, with the move's SEQUENCE", async () => {
    const dynamo = interruptedDynamoDb();
    const life = await createLifecycle(NOW, { dynamoDb: dynamo.client });
    const registrant = person();
    const registered = await register(life, FIRST, registrant);
    const colleague = `late.colleague.${Date.now()}@raceco.example`;
    dynamo.arm(colleague, () => move(life));
    const added = await life.api.call("POST", `/api/registrations/${registered.json.id}/colleagues`, { token: tokenOf(registered.json.manageUrl), colleagues: [colleague] });
    expect(added.status).toBe(200);
    const mails = await mailsTo(colleague);
    expect(mails).toHaveLength(1);
    const { event } = eventOf(mails[0]!);
    expect(event.getFirstPropertyValue("dtstart")!.toString()).toBe("2026-12-01T17:00:00Z");
    expect(event.getFirstPropertyValue("sequence")).toBe(1);
    // The registrant had the move's update.
    expect(eventOf((await mailsTo(registrant.email, /^Updated/))[0]!).event.getFirstPropertyValue("sequence")).toBe(1);
    expect((await life.api.allItems()).find((i) => i.sk === "SESSION")!.seatsTaken).toBe(2);
  });

  it("a colleague cancelled meanwhile gets a CANCEL that outranks the move's update", async () => {
    const dynamo = interruptedDynamoDb();
    const life = await createLifecycle(NOW, { dynamoDb: dynamo.client });
    const colleague = `leaving.colleague.${Date.now()}@raceco.example`;
    const registered = await register(life, FIRST, { ...person(), colleagues: [colleague] });
    // The cancel's transaction deletes the colleague's seat item, which names them.
    dynamo.arm(colleague, () => move(life));
    const after = await life.api.call("POST", `/api/registrations/${registered.json.id}/cancel`, { token: tokenOf(registered.json.manageUrl), emails: [colleague] });
    expect(after.status).toBe(200);
    const [update] = await mailsTo(colleague, /^Updated/);
    expect(eventOf(update!).event.getFirstPropertyValue("sequence")).toBe(1);
    const cancels = await mailsTo(colleague, /^Cancelled/);
    expect(cancels).toHaveLength(1);
    const { calendar, event } = eventOf(cancels[0]!);
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(event.getFirstPropertyValue("sequence")).toBe(2);
    expect(event.getFirstPropertyValue("dtstart")!.toString()).toBe("2026-12-01T17:00:00Z");
    expect((await life.api.allItems()).find((i) => i.sk === "SESSION")!.seatsTaken).toBe(1);
  });
});

describe("a host moving the session while a waitlisted person is promoted", () => {
  it("the promotion reads the session again: the promoted person's invitation has the new time and the move's SEQUENCE", async () => {
    const dynamo = interruptedDynamoDb();
    const life = await createLifecycle(NOW, { config: webinarConfigWith({ capacity: 1 }), dynamoDb: dynamo.client });
    const seated = await register(life, FIRST, person());
    const waiting = person({ waitlist: true });
    expect((await register(life, FIRST, waiting)).json.status).toBe("waitlisted");
    // The promotion's transaction turns the waiting person's seat item to confirmed, which names them.
    let moves = 0;
    dynamo.arm(waiting.email.toLowerCase(), async () => {
      moves++;
      await move(life);
    });
    const cancelled = await life.api.call("POST", `/api/registrations/${seated.json.id}/cancel`, { token: tokenOf(seated.json.manageUrl) });
    expect(cancelled.status).toBe(200);
    expect(moves).toBe(1);
    const invitations = await mailsTo(waiting.email, /^Registered/);
    expect(invitations).toHaveLength(1);
    const { event } = eventOf(invitations[0]!);
    expect(event.getFirstPropertyValue("dtstart")!.toString()).toBe("2026-12-01T17:00:00Z");
    expect(event.getFirstPropertyValue("sequence")).toBe(1);
    const items = await life.api.allItems();
    expect(items.find((i) => i.entity === "seat" && i.email === waiting.email.toLowerCase())).toMatchObject({ status: "confirmed" });
    expect(items.find((i) => i.sk === "SESSION")).toMatchObject({ seatsTaken: 1, sequence: 1 });
  });
});

/** A DynamoDB client on which every new registration that would take a seat loses the race for it, as if the last seat had just gone. */
function seatRaceAlwaysLost(): DynamoDBClient {
  const client = new DynamoDBClient({ endpoint: dynamoDbEndpoint() });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const items = (args.input as { TransactItems?: TransactItem[] }).TransactItems;
      const takesSeat = (item: TransactItem) => JSON.stringify(item.Update?.Key ?? "").includes("SESSION");
      const newRegistration = items?.some((item) => JSON.stringify(item.Put?.Item?.entity ?? "").includes("registration") && item.Put?.ConditionExpression === "attribute_not_exists(pk)");
      if (context.commandName === "TransactWriteItemsCommand" && newRegistration && items!.some(takesSeat)) {
        const CancellationReasons = items!.map((item) => ({ Code: takesSeat(item) ? "ConditionalCheckFailed" : "None" }));
        throw new TransactionCanceledException({ message: "Transaction cancelled, please refer cancellation reasons for specific reasons", $metadata: {}, CancellationReasons });
      }
      return next(args);
    },
    { step: "initialize", name: "loseEverySeatRace" },
  );
  return client;
}

describe("a rush for the last seats of a 2-seat session, everyone asking for the waitlist", () => {
  it("30 at once, every seat race lost: no 409 and no 5xx, all registered; the 2 seats go to the waitlist in order, the counter equals the seats", async () => {
    const logs: string[] = [];
    const life = await createLifecycle(NOW, { config: webinarConfigWith({ capacity: 2 }), dynamoDb: seatRaceAlwaysLost(), log: (level, message) => logs.push(`${level}: ${message}`) });
    const people = Array.from({ length: 30 }, () => person({ waitlist: true }));
    const responses = await Promise.all(people.map((body) => register(life, FIRST, body)));
    expect(responses.map((r) => r.status)).toEqual(Array(30).fill(202));
    expect(responses.every((r) => ["confirmed", "waitlisted"].includes(r.json.status))).toBe(true);
    expect(logs.filter((line) => line.startsWith("error:"))).toEqual([]);

    const items = await life.api.allItems();
    const seats = items.filter((i) => i.entity === "seat" && i.sessionId === FIRST);
    expect(seats.filter((s) => s.status === "confirmed")).toHaveLength(2);
    expect(seats.filter((s) => s.status === "waitlisted")).toHaveLength(28);
    expect(items.find((i) => i.sk === "SESSION" && i.sessionId === FIRST)!.seatsTaken).toBe(2);
    expect(items.filter((i) => i.entity === "registration")).toHaveLength(30);
    // Everyone had the waitlist confirmation; the two promoted, their invitation too — once.
    const invited = seats.filter((s) => s.status === "confirmed").map((s) => s.email as string);
    for (const body of people) {
      expect(await mailsTo(body.email, /waitlist/i), body.email).toHaveLength(1);
      expect(await mailsTo(body.email, /^Registered/), body.email).toHaveLength(invited.includes(body.email.toLowerCase()) ? 1 : 0);
    }
    // The promoted seats need the session's timers as much as registered ones.
    expect((await life.timerNames()).filter((name) => name.endsWith("-s0"))).toHaveLength(6);
  // Thirty registrations, each with its challenge, racing and retrying: minutes on a busy 2-core machine.
  }, 120_000);
});
