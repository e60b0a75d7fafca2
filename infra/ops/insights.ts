// Operations: `npm run insights:rebuild [-- <table>]` — recomputes every insights counter from the lead
// log (insights-rebuild.ts). The table defaults to TABLE_NAME, then "liveline" (npm start's); locally set
// AWS_ENDPOINT_URL_DYNAMODB to the endpoint `npm start` prints.

import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { rebuildInsights } from "./insights-rebuild";

const tableName = process.argv[2] ?? process.env.TABLE_NAME ?? "liveline";
const result = await rebuildInsights(DynamoDBDocumentClient.from(new DynamoDBClient({})), tableName);
console.log(`rebuilt insights of ${tableName}: ${result.leads} leads, ${result.events} events, ${result.counterItems} counter items written, ${result.deleted} stale items deleted, in ${result.seconds.toFixed(1)} s`);
