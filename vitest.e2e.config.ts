import { defineConfig } from 'vitest/config';

// Real-browser tests: headless Chromium with the built extension (.output/chrome-mv3).
// One browser at a time: these machines have two cores.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    // A shared two-core machine can be slow for a moment: polls wait up to 10 s (they
    // return as soon as the condition holds, so a passing run is no slower).
    expect: { poll: { timeout: 10_000, interval: 50 } },
    hookTimeout: 60_000,
  },
});
