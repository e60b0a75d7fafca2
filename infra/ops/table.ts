// Operations: `npm run table -- export <table> <file>` and `npm run table -- import <file> <table>` — the
// table's items as JSON lines, for a restore drill locally (AWS_ENDPOINT_URL_DYNAMODB, see README) or a copy
// between tables. The target table must exist (npm start creates it).

import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { exportTable, importTable } from "./table-copy";

const [command, first, second] = process.argv.slice(2);
const client = new DynamoDBClient({});

if (command === "export" && first && second) {
  const out = createWriteStream(second);
  const count = await exportTable(client, first, (line) => void out.write(`${line}\n`));
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  console.log(`exported ${count} items of ${first} to ${second}`);
} else if (command === "import" && first && second) {
  const count = await importTable(client, second, createInterface({ input: createReadStream(first), crlfDelay: Infinity }));
  console.log(`imported ${count} items from ${first} into ${second}`);
} else {
  console.error("usage: npm run table -- export <table> <file> | import <file> <table>");
  process.exit(2);
}
