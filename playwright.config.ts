import { defineConfig } from '@playwright/test';

// Each test file gets its own browser profile (see tests/e2e/fixtures.ts); two workers fit this 2-core machine.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
