// Tests: `npm run test:e2e` — the booking page in Debian's Chromium (playwright-core) against `npm start`.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // A page's answer waits on a real server and DynamoDB Local: on a loaded 2-core machine a second is not
    // enough. A page that never shows what is expected still fails, after 15 s.
    expect: { poll: { timeout: 15_000 } },
  },
});
