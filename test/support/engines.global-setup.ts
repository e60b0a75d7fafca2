// Tests: starts the real engines once for the whole run — one DynamoDB Local (in memory) per worker and the
// SES emulator — on free ports, and tells every test file where they are (vitest provide/inject; engines.ts
// picks the worker's own DynamoDB Local).

import type { TestProject } from "vitest/node";
import { startDynamoDbLocal } from "../../infra/local/dynamodb-local";
import { startSesLocal } from "../../infra/local/ses-local";
import { INTEGRATION_WORKERS } from "./test-workers";

declare module "vitest" {
  export interface ProvidedContext {
    dynamoDbEndpoints: string[];
    sesEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [ses, ...tables] = await Promise.all([startSesLocal(), ...Array.from({ length: INTEGRATION_WORKERS }, () => startDynamoDbLocal())]);
  project.provide("dynamoDbEndpoints", tables.map((table) => table.endpoint));
  project.provide("sesEndpoint", ses.endpoint);
  return async () => {
    await Promise.all([ses.stop(), ...tables.map((table) => table.stop())]);
  };
}
