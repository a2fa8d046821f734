/**
 * `npm start`: the product on its embedded default. Starts the Zoko sandbox with seeded data, builds the
 * extension against it, and opens Chromium with the extension loaded and already configured.
 * With no display it runs headless, saves a screenshot of the side panel and says where.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_SETTINGS } from '../utils/config';
import { startSandbox } from '../dev/sandbox/server';
import { buildExtension } from '../dev/build-extension';
import { findChromium, launchExtension } from '../dev/chromium';
import { configureExtension, firePollAlarm } from '../dev/extension-storage';

const port = Number(process.env.SANDBOX_PORT ?? 43110);

// First, before starting anything: without a Chromium there is nothing to show, and one line says what to install.
try {
  findChromium();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

const sandbox = await startSandbox({ port, createMode: 'async', joinRequestEveryMs: 45_000 });
console.log(`Zoko sandbox: ${sandbox.baseUrl}  (API key ${sandbox.apiKey})`);
const dir = buildExtension(sandbox.baseUrl, '.output/demo');
console.log(`Extension built: ${dir}`);

// A fresh profile every time: a kept one can hold on to an earlier build's service worker.
const { context, worker, id } = await launchExtension(dir, { headless, viewport: headless ? { width: 360, height: 760 } : null });
const settings = { ...DEFAULT_SETTINGS, agentId: 'demo-agent', agentEmail: 'agent@demo.store' };
await configureExtension(worker, sandbox.apiKey, settings);
// The key went straight into storage (the options page would have asked for a badge refresh): poll now,
// after the worker's own start-up has scheduled its alarm.
await new Promise((r) => setTimeout(r, 1000));
await firePollAlarm(worker);
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`chrome-extension://${id}/sidepanel.html`);

if (headless) {
  await page.waitForTimeout(1500);
  mkdirSync('artifacts', { recursive: true });
  const shot = resolve('artifacts/start.png');
  await page.screenshot({ path: shot });
  console.log(`No display: ran headless. Screenshot of the side panel: ${shot}`);
  await context.close();
  await sandbox.close();
} else {
  console.log('Chromium is open with the extension configured. Click its toolbar icon for the side panel; close the browser to stop.');
  context.on('close', () => void sandbox.close().then(() => process.exit(0)));
}
