// Tests: `npm run test:chaos` — engines stopped and started under load (DynamoDB Local restarted during a
// booking burst, the SES emulator down, a timer that throws). Slower than the unit and integration tests
// (each restart of DynamoDB Local takes seconds), so they run on their own; CI runs them too.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/chaos/**/*.chaos.ts"],
    globalSetup: ["test/support/engines.global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
