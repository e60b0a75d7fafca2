// HTTP API: every public write of both API functions — what the OpenAPI document marks as protected. The
// functions themselves each take only their own family's list.

import { PROSPECT_WRITES, type PublicWrites } from "./public-writes";
import { WORKSPACE_PUBLIC_WRITES } from "./workspace-public-writes";

export const PUBLIC_WRITES: PublicWrites = new Map([...PROSPECT_WRITES, ...WORKSPACE_PUBLIC_WRITES]);
