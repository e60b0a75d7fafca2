// Tests: where this test file's engines listen — the SES emulator the run shares, and the DynamoDB Local of
// the worker running the file (vitest numbers its workers from 1 in VITEST_POOL_ID).

import { inject } from "vitest";

export function dynamoDbEndpoint(): string {
  const endpoints = inject("dynamoDbEndpoints");
  const worker = Number(process.env.VITEST_POOL_ID ?? "1");
  return endpoints[(worker - 1) % endpoints.length]!;
}

export function sesEndpoint(): string {
  return inject("sesEndpoint");
}
