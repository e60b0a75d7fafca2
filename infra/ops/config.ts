// Operations: `npm run config -- export <file>` and `npm run config -- import <file>` — the settings
// document in the table (which wins over liveline.config.json once seeded) to a file and back. In AWS with
// the stack's TABLE_NAME; locally against `npm start`'s DynamoDB Local (AWS_ENDPOINT_URL_DYNAMODB, see README).
// liveline.config.json (or LIVELINE_CONFIG) is the deployed config: it seeds an empty table and holds the
// fields a save must leave as deployed (sender, webhooks, embed).

import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { DynamoDbSettingsStore } from "../../functions/adapters/dynamodb/settings-store.dynamodb";
import { configPath } from "../../functions/config/config-path";
import { readConfigFile } from "../../functions/config/load-config";
import { InvalidFields } from "../../functions/core/errors";
import { createDynamoDbClient } from "../../functions/handlers/handler-dependencies";
import { exportSettings, importSettings } from "./settings-file";

const [command, file] = process.argv.slice(2);
if (!(command === "export" || command === "import") || !file) {
  console.error("usage: npm run config -- export <file> | import <file>");
  process.exit(2);
}
const tableName = process.env.TABLE_NAME ?? "liveline";
const store = new DynamoDbSettingsStore(DynamoDBDocumentClient.from(createDynamoDbClient(), { marshallOptions: { removeUndefinedValues: true } }), tableName);
const deployed = readConfigFile(configPath(process.env));
try {
  if (command === "export") {
    const version = await exportSettings(store, deployed, file);
    console.log(`exported settings version ${version} of ${tableName} to ${file}`);
  } else {
    const { version, changes } = await importSettings(store, deployed, file, `operator:${process.env.USER ?? "cli"}`);
    console.log(`imported ${file} into ${tableName} as settings version ${version} (${changes} changes)`);
  }
} catch (error) {
  const problems = error instanceof InvalidFields ? error.problems : error instanceof SyntaxError ? [{ field: "(file)", message: `is not valid JSON (${error.message})` }] : undefined;
  if (!problems) throw error;
  console.error(`${file} was not imported (nothing changed):`);
  for (const problem of problems) console.error(`  - ${problem.field}: ${problem.message}`);
  process.exit(1);
}
