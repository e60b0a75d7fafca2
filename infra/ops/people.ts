// Operations: `npm run leads:link-people [-- <table>]` — after upgrading from a version without "one person,
// one lead", links each address to its earliest lead (people-link.ts) so later requests join it. The table
// defaults to TABLE_NAME, then "liveline" (npm start's); locally set AWS_ENDPOINT_URL_DYNAMODB to the
// endpoint `npm start` prints.

import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { linkPeople } from "./people-link";

const tableName = process.argv[2] ?? process.env.TABLE_NAME ?? "liveline";
const result = await linkPeople(DynamoDBDocumentClient.from(new DynamoDBClient({})), tableName);
console.log(`linked ${result.linked} addresses to their earliest lead in ${tableName} (${result.alreadyLinked} were linked already; ${result.severalLeads} have older leads that stay apart)`);
