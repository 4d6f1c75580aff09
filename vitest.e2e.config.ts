import { defineConfig } from 'vitest/config';

// Real-browser tests: headless Chromium with the built extension (.output/chrome-mv3).
// One browser at a time: these machines have two cores.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
