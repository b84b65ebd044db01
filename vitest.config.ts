import { defineConfig } from 'vitest/config';

// Node-side tests: core, server (PGlite and, with TEST_DATABASE_URL, PostgreSQL), client, and the end-to-end tests of
// the example portal. Element tests run in real Chromium through web-test-runner instead.
export default defineConfig({
  test: {
    include: [
      'packages/{core,server,client}/src/**/*.test.ts',
      'examples/*/src/**/*.test.ts',
      '.storybook/**/*.test.ts',
    ],
    // Captures the log of the HTTP tests and checks at the end that it holds nothing they sent (S25).
    globalSetup: ['packages/server/src/testing/log-scan.global.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
