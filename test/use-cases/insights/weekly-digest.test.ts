// The managers' weekly digest on the real engines: a week of contact requests, their call-backs left
// overdue; on Monday 08:00 in the manager's zone the digest goes out once (runs before it send nothing,
// repeated and later runs nothing more), with the week's figures exact; a manager with weeklyDigest: false
// gets none.
import { readFileSync } from "node:fs";
import PostalMime from "postal-mime";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../../functions/config/load-config";
import { refreshLeadInsights } from "../../../functions/use-cases/insights/aggregate-insights";
import { sendWeeklyDigests } from "../../../functions/use-cases/insights/weekly-digest";
import { createLifecycle } from "../../support/lifecycle-harness";

const stamp = Date.now();
const BERLIN_MANAGER = `lukas.${stamp}@acme-analytics.example`;
const QUIET_MANAGER = `nina.${stamp}@acme-analytics.example`;

/** The committed config with two managers: Lukas (Berlin, digest on by default) and Nina (New York, turned off). */
function digestConfig() {
  const raw = JSON.parse(readFileSync("liveline.config.json", "utf8")) as { reps: Record<string, unknown>[] };
  const lukas = raw.reps.find((rep) => rep.id === "lukas")!;
  raw.reps = raw.reps.map((rep) => (rep.id === "lukas" ? { ...rep, email: BERLIN_MANAGER } : rep));
  raw.reps.push({ ...lukas, id: "nina", name: "Nina Quiet", email: QUIET_MANAGER, timeZone: "America/New_York", weeklyDigest: false, apiTokenSha256: undefined });
  return parseConfig(raw, "test config");
}

describe("weekly digest", () => {
  it("goes to each manager at Monday 08:00 in their zone, once, with the week's figures; not to one who turned it off", async () => {
    // Tuesday of the week reported (Mon 2026-11-23 .. Sun 2026-11-29 in Berlin).
    const life = await createLifecycle("2026-11-24T10:00:00Z", { config: digestConfig() });
    const leadIds: string[] = [];
    for (const name of ["Nora Night", "Otto Overdue"]) {
      const email = `${name.split(" ")[0]!.toLowerCase()}.${stamp}@initech.example`;
      const answer = await life.api.call("POST", "/api/contact-requests", { name, email, phone: "+49 30 1234567", company: "Initech", timeZone: "Europe/Berlin", consent: true });
      expect(answer.status).toBe(201);
      leadIds.push(answer.json.id);
    }
    // The speed-to-lead call-backs come due and nobody calls: by Monday they are overdue.
    life.clock.set("2026-11-26T12:00:00Z");
    await life.runner.drain();
    for (const leadId of leadIds) await refreshLeadInsights(life.api.deps.insights, leadId);
    // The digests handed to the mailer for an address (a manager also gets the overdue call-backs' escalations).
    const digests = async (address: string) => {
      const parsed = await Promise.all(life.sent.filter((mail) => mail.to === address).map((mail) => new PostalMime().parse(mail.raw)));
      return parsed.filter((mail) => mail.subject?.includes(" week of "));
    };

    // Monday 07:45 in Berlin (06:45 UTC): not yet.
    life.clock.set("2026-11-30T06:45:00Z");
    expect(await sendWeeklyDigests(life.api.deps)).toEqual({ enqueued: 0 });
    // 08:00: once, however often the schedule's event comes (a retry, a duplicate, the next quarter hour).
    life.clock.set("2026-11-30T07:00:00Z");
    const runs = await Promise.all([sendWeeklyDigests(life.api.deps), sendWeeklyDigests(life.api.deps)]);
    expect(runs.map((run) => run.enqueued).sort()).toEqual([0, 1]);
    life.clock.set("2026-11-30T07:15:00Z");
    expect(await sendWeeklyDigests(life.api.deps)).toEqual({ enqueued: 0 });
    // The outbox function sends what the runs enqueued.
    await life.api.deliverOutbox();
    const [digest, ...more] = await digests(BERLIN_MANAGER);
    expect(more).toEqual([]);
    const { subject, text = "" } = digest!;
    expect(subject).toBe("Acme Analytics week of 2026-11-23: 2 requests, show rate n/a, connect rate n/a");
    for (const line of ["The team's figures for 2026-11-23 to 2026-11-29 (days in Europe/Berlin):", "Contact requests: 2", "Never reached: 2", "Connect rate: n/a (0 of 0 calls)", "2 call-backs are overdue; the longest waiting:", "• Nora Night, Initech —", "• Otto Overdue, Initech —"]) {
      expect(text, line).toContain(line);
    }
    expect(text).toContain("/console/insights?from=2026-11-23&to=2026-11-29");

    // Nina's Monday 08:00 (New York, 13:00 UTC) comes and goes: she turned it off.
    life.clock.set("2026-11-30T13:00:00Z");
    expect(await sendWeeklyDigests(life.api.deps)).toEqual({ enqueued: 0 });
    await life.api.deliverOutbox();
    expect(await digests(QUIET_MANAGER)).toEqual([]);
  });
});
