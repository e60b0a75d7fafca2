// Bench: `npm run bench`. One figure a line; the speed targets are checked here, not in timed tests.

import { benchBookings, benchBookingToInvitation, benchProtectedBookingRequests } from "./booking-bench";
import { startBenchEngines } from "./bench-engines";
import { benchConsole } from "./console-bench";
import { benchBundles } from "./bundle-bench";
import { benchEmbedScript } from "./embed-bench";
import { benchInsights } from "./insights-bench";
import { benchInstantCalls } from "./instant-calls-bench";
import { benchProtection } from "./protection-bench";
import { benchSettings } from "./settings-bench";
import { benchApiSlots, benchCoreSlots } from "./slots-bench";
import { benchTextSegments } from "./texts-bench";
import { benchTimerRequests, benchTimerRunner } from "./timers-bench";
import { benchWebhooks } from "./webhooks-bench";
import { benchRegistrations } from "./webinar-bench";

const print = (line: string) => console.log(line);

async function main(): Promise<void> {
  const started = performance.now();
  benchCoreSlots(print);
  benchEmbedScript(print);
  benchTextSegments(print);
  const engines = await startBenchEngines();
  try {
    await benchApiSlots(engines, print);
    // Before the booking runs: DynamoDB Local reads a table's stream more slowly the more stream records the
    // whole engine holds (other tables' included), which says nothing of a deployed table's stream.
    await benchBookingToInvitation(engines, print);
    await benchBookings(engines, 1, print);
    await benchBookings(engines, 16, print);
    await benchProtectedBookingRequests(engines, print);
    await benchRegistrations(engines, print);
    await benchTimerRequests(engines, print);
    await benchTimerRunner(engines, print);
    await benchInsights(engines, print);
    await benchConsole(engines, print);
    await benchInstantCalls(engines, print);
    await benchWebhooks(engines, print);
    await benchSettings(engines, print);
  } finally {
    await engines.stop();
  }
  await benchBundles(print);
  await benchProtection(print);
  print(`bench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

await main();
