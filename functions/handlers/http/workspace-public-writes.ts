// HTTP API: the workspace's one write anybody may send — asking for a sign-in link — put behind abuse
// protection (protection.ts) by the workspace API function's route list, checked against its body schema first.

import { signInBody } from "./console-schemas";
import type { PublicWrites } from "./public-writes";

export const WORKSPACE_PUBLIC_WRITES: PublicWrites = new Map([["POST /api/auth/sign-in", { body: signInBody }]]);
