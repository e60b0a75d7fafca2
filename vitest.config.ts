// Tests: `npm test`. Unit tests of the core, integration tests on DynamoDB Local and the SES emulator
// (started once for the run by the global setup), CDK assertions.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/engines.global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
