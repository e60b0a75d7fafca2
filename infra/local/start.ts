// Local runtime: `npm start`. Runs the whole product on this machine and prints where to look.

import { ConfigError } from "../../functions/config/load-config";
import { JavaMissing } from "./dynamodb-local";
import { startLocalRuntime } from "./local-runtime";
import { protectionWarning } from "./protection-warning";

async function main(): Promise<void> {
  let runtime;
  try {
    runtime = await startLocalRuntime();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof JavaMissing) console.error(`\n${error.message}\n`);
    else console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  const lines = [
    "",
    "Liveline is running.",
    `  Booking page:   ${runtime.url}/`,
    `  Webinars:       ${runtime.url}/webinars`,
    runtime.mailViewerUrl ? `  E-mails sent:   ${runtime.mailViewerUrl}/` : `  E-mails go to:  ${runtime.sesEndpoint}`,
    `  API:            ${runtime.url}/api/openapi.json`,
    `  Local clock:    ${runtime.url}/_local/  (move time forward to watch reminders and follow-ups fire; texts sent are listed there too)`,
    `  DynamoDB:       ${runtime.dynamoDbEndpoint} (table ${runtime.tableName})`,
    embedDemoLine(runtime.demoHost),
    "Press Ctrl-C to stop.",
    "",
  ];
  console.log(lines.join("\n"));
  const warning = protectionWarning(process.env);
  if (warning) console.warn(`${warning}\n`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping Liveline…`);
    await runtime.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

/** Where to watch the embed, and whether config embed.allowedOrigins lets that page embed at all. */
function embedDemoLine(demo: Awaited<ReturnType<typeof startLocalRuntime>>["demoHost"]): string {
  if ("skipped" in demo) return `  Embed demo:     not served: ${demo.skipped}`;
  if (!demo.allowed) return `  Embed demo:     ${demo.url}/  (not in embed.allowedOrigins: the browser refuses its frames and API calls)`;
  return `  Embed demo:     ${demo.url}/  (another site embedding the booking: inline, pop-up, concierge)`;
}

await main();
