// Local runtime: the SES API served by aws-ses-v2-local, in this process. Its page lists every e-mail
// sent (with the invite.ics attachment); GET /store returns them as JSON for tests.

import type { Server } from "node:http";
import { freePort, portIsFree } from "./free-port";
import type { RunningEngine } from "./dynamodb-local";

export interface RunningSes extends RunningEngine {
  /** The e-mail viewer page. */
  viewerUrl: string;
}

export async function startSesLocal(options: { port?: number; preferredPort?: number } = {}): Promise<RunningSes> {
  const port = options.port ?? (options.preferredPort && (await portIsFree(options.preferredPort)) ? options.preferredPort : await freePort());
  const module = (await import("aws-ses-v2-local")) as unknown as { default: ((config: object) => Promise<Server>) | { default: (config: object) => Promise<Server> } };
  const start = typeof module.default === "function" ? module.default : module.default.default;
  const server = await start({ port, host: "127.0.0.1" });
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    viewerUrl: `http://localhost:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
