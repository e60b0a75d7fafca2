// Tests: starts the real engines once for the whole run — DynamoDB Local (in memory) and the SES
// emulator — on free ports, and tells every test file where they are (vitest provide/inject).

import type { TestProject } from "vitest/node";
import { startDynamoDbLocal } from "../../infra/local/dynamodb-local";
import { startSesLocal } from "../../infra/local/ses-local";

declare module "vitest" {
  export interface ProvidedContext {
    dynamoDbEndpoint: string;
    sesEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [dynamo, ses] = await Promise.all([startDynamoDbLocal(), startSesLocal()]);
  project.provide("dynamoDbEndpoint", dynamo.endpoint);
  project.provide("sesEndpoint", ses.endpoint);
  return async () => {
    await Promise.all([dynamo.stop(), ses.stop()]);
  };
}
