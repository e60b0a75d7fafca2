// Tests: `npm test` runs both projects. "unit": the core and other pure code (config, pages' logic, site headers, AWS
// adapters' request shapes against a mocked client) — no engines, seconds (`npm run test:unit`).
// "integration": the real handlers on DynamoDB Local and the SES emulator (started once for the run by
// the global setup, one DynamoDB Local per worker; each file's tables dropped when it ends), the local runtime, the web build, CDK assertions.
import { defineConfig } from "vitest/config";
import { INTEGRATION_WORKERS } from "./test/support/test-workers";

const UNIT = [
  "test/core/**/*.test.ts",
  "test/config/**/*.test.ts",
  "test/web/**/*.test.ts",
  "test/adapters/aws/**/*.test.ts",
  "test/adapters/dynamodb/schedule-encoding.test.ts",
  "test/adapters/dynamodb/batches.test.ts",
  "test/infra/site-headers.test.ts",
  "test/handlers/http/api-families.test.ts",
  "test/infra/local/api-routing.test.ts",
];
/** Pure, but it builds every page with esbuild: slower than the rest of the unit project. */
const NOT_UNIT = ["test/web/bundle-size.test.ts"];

export default defineConfig({
  test: {
    // At least two files at once, even on two cores: each worker has its own DynamoDB Local (test-workers.ts).
    maxWorkers: INTEGRATION_WORKERS,
    projects: [
      {
        test: { name: "unit", include: UNIT, exclude: NOT_UNIT, testTimeout: 30_000 },
      },
      {
        test: {
          name: "integration",
          include: ["test/**/*.test.ts"],
          exclude: UNIT,
          globalSetup: ["test/support/engines.global-setup.ts"],
          setupFiles: ["test/support/drop-tables.setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Its own project: the integration project excludes every unit glob, this file's folder included.
        test: { name: "page-bundles", include: NOT_UNIT, testTimeout: 60_000 },
      },
    ],
  },
});
