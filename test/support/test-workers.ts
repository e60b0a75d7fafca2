// Tests: how many files the integration project runs at once, each worker with a DynamoDB Local of its own
// (engines.global-setup.ts starts them, engines.ts hands each worker its one). DynamoDB Local answers one
// request at a time, so a single engine shared by every worker was the run's bottleneck; two workers
// overlap the engines' work with the test code's even on two cores.

import { availableParallelism } from "node:os";

export const INTEGRATION_WORKERS = Math.min(4, Math.max(2, availableParallelism() - 1));
