// Handlers: the daily retention sweep, delivered to the timer function by its own schedule
// (`{"kind":"retention-sweep"}`, infra/lib/timers.ts). Builds the whole-table reader only when it runs, so
// no other timer pays for it.

import { personalDataStoreOn } from "../adapters/dynamodb/personal-data-store.dynamodb";
import { eraseInactivePeople } from "../use-cases/access/personal-data-requests";
import type { UseCaseDependencies } from "../use-cases/use-case-dependencies";
import { createDynamoDbClient } from "./handler-dependencies";
import { RETENTION_SWEEP_EVENT } from "./retention-sweep-schedule";

export const RETENTION_SWEEP_KIND = RETENTION_SWEEP_EVENT.kind;

export async function runRetentionSweep(deps: UseCaseDependencies, tableName: string): Promise<{ erased: number }> {
  const personalData = personalDataStoreOn(createDynamoDbClient(), tableName);
  return eraseInactivePeople({ ...deps, personalData }, deps.catalogue.config.retention.inactiveLeadDays);
}
