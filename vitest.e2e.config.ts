// Tests: `npm run test:e2e` — the booking page in Debian's Chromium (playwright-core) against `npm start`.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
