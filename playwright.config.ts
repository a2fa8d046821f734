import { defineConfig } from '@playwright/test';

// Lets the tests see requests made by the extension's service worker (Chromium only), so they can check
// that the API key goes nowhere but Zoko. https://playwright.dev/docs/service-workers-experimental
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  // Each worker runs its own Chromium; two fit this 2-core budget.
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  forbidOnly: true,
  // One retry on CI only: a 2-core runner under load can starve a browser; Playwright still reports it as flaky.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  // Bounded actions, so a stuck control fails with its name instead of running into the test timeout.
  use: { trace: 'retain-on-failure', actionTimeout: 10_000, navigationTimeout: 15_000 },
  projects: [
    { name: 'documented' },
    // Where Zoko's page is silent about {id}: the journeys again against a Zoko that wants WhatsApp's group id.
    {
      name: 'whatsapp-id',
      use: { dialect: 'whatsappId' } as object,
      testMatch: /(approve-join-requests|invite-members|participants|group-settings|invite-link|delete-group|list-and-search|create-group)\.spec\.ts/,
    },
  ],
});
