import { defineConfig } from '@playwright/test';

const LONG = /popup-search-100k\.spec\.ts/;

// Each test file gets its own browser profile (see tests/e2e/fixtures.ts); two workers fit this 2-core machine.
// The 100k-user search spec runs for most of the suite's time, so it is queued first and the other
// specs share the second worker with it instead of waiting for it at the end.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
  projects: [
    { name: '100k', testMatch: LONG },
    { name: 'e2e', testIgnore: LONG },
  ],
});
