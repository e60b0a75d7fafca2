// Handlers: the stores about people that performing the outbox never reads — the lead directory, personal data,
// reps' sign-ins, instant calls and the insights figures. createHandlerDependencies wires them for every function
// but the outbox's, whose entry builds createCoreDependencies alone, so its bundle carries none of these adapters.

import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { DynamoDbInsightsStore } from "../adapters/dynamodb/insights-store.dynamodb";
import { DynamoDbInstantCallStore } from "../adapters/dynamodb/instant-calls.dynamodb";
import { DynamoDbLeadDirectory } from "../adapters/dynamodb/lead-directory.dynamodb";
import { DynamoDbPersonalDataStore } from "../adapters/dynamodb/personal-data-store.dynamodb";
import { DynamoDbSignInStore } from "../adapters/dynamodb/sign-in-store.dynamodb";
import type { PeopleStores } from "./core-dependencies";

export function peopleStores(documents: DynamoDBDocumentClient, tableName: string): PeopleStores {
  return {
    instantCalls: new DynamoDbInstantCallStore(documents, tableName),
    insights: new DynamoDbInsightsStore(documents, tableName),
    signIn: new DynamoDbSignInStore(documents, tableName),
    leads: new DynamoDbLeadDirectory(documents, tableName),
    personalData: new DynamoDbPersonalDataStore(documents, tableName),
  };
}
