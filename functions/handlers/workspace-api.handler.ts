// Entry: the workspace API Lambda (API Gateway HTTP API, payload 2.0) — the reps' and managers' routes on
// the paths api-families.ts lists. `npm start` runs this very handler for those paths. Its webhook ports list
// and resend deliveries only (webhook-console-ports.ts): the timer function sends them.

import { apiFunctionHandler } from "./http-api-function";
import { workspaceApiRoutes } from "./http/workspace-api-routes";
import { siteFilePorts } from "./site-file-ports";
import { webhookConsolePorts } from "./webhook-console-ports";

export const handler = await apiFunctionHandler(workspaceApiRoutes, { webhooks: webhookConsolePorts, siteFiles: siteFilePorts });
