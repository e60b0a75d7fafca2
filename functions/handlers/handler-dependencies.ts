// Handlers: the ports of every function but the outbox's — createCoreDependencies (core-dependencies.ts, the
// wiring itself) with the stores about people (people-stores.ts). The same wiring runs in Lambda and under
// `npm start`; tests may swap a port to inject a fault.

import { createCoreDependencies, type DependencyOverrides, type HandlerDependencies, type PortWiring } from "./core-dependencies";
import { peopleStores } from "./people-stores";

export { createDynamoDbClient, signingKeyStoreFor } from "./core-dependencies";
export type { DependencyOverrides, HandlerDependencies, PortWiring, TextSenderWiring, WebhookWiring } from "./core-dependencies";

export function createHandlerDependencies(env: NodeJS.ProcessEnv = process.env, overrides: DependencyOverrides = {}, wiring: PortWiring = {}): Promise<HandlerDependencies> {
  return createCoreDependencies(env, overrides, { peopleStores, ...wiring });
}
