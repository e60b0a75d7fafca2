// Bench: the SDK-only baseline of the public API function — the clients every cold start creates
// (core-clients.ts), and nothing of ours: the floor its cold import is compared with.

import { coreClients } from "./core-clients";

export async function handler(): Promise<unknown> {
  return coreClients;
}
