/** Starts one sandbox for the whole run (each test gets its own store in it) and builds the extension against it. */
import { startSandbox } from '../../dev/sandbox/server';
import { buildExtension, E2E_OUT_DIR, E2E_PORT } from '../../dev/build-extension';
import { findChromium } from '../../dev/chromium';

export default async function globalSetup() {
  findChromium(); // fail first, with one line that says what to install
  const sandbox = await startSandbox({ port: E2E_PORT });
  // A short timeout and backoff keep the fault journeys quick; everything else is the production build.
  // The fixture inbox's origin is granted at install: a headless browser's permission prompt cannot be clicked.
  buildExtension(sandbox.baseUrl, E2E_OUT_DIR, {
    WXT_ZOKO_TIMEOUT_MS: '2500', WXT_ZOKO_RETRY_BASE_MS: '100', WXT_DEMO_INBOX_ORIGIN: new URL(sandbox.inboxUrl).origin,
  });
  process.env.E2E_SANDBOX_URL = sandbox.url;
  return () => sandbox.close();
}
