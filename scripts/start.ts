/**
 * `npm start`: the product on its embedded default, as an agent meets it. Starts the Zoko sandbox with
 * seeded data and its demo inbox, builds the extension against it, and opens Chromium with the extension
 * configured: the first tab is the demo inbox (a site the agent already uses the panel with), and with a
 * display the side panel opens beside it. With no display it runs headless and saves a screenshot of both.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_SETTINGS } from '../utils/config';
import { startSandbox } from '../dev/sandbox/server';
import { buildExtension } from '../dev/build-extension';
import { findChromium, launchExtension } from '../dev/chromium';
import { configureExtension, firePollAlarm, useInboxSite } from '../dev/extension-storage';
import { freePort, openSidePanel, sidePanelArgs } from '../dev/side-panel';
import { sideBySide } from '../dev/side-by-side';

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
const inboxOrigin = new URL(sandbox.inboxUrl).origin;
const inboxUrl = `${sandbox.inboxUrl}/generic?chat=1`;
console.log(`Zoko sandbox: ${sandbox.baseUrl}  (API key ${sandbox.apiKey})`);
console.log(`Demo inbox:   ${inboxUrl}`);
// The demo inbox's origin is granted at install (this build only), as if the agent had allowed it.
const dir = buildExtension(sandbox.baseUrl, '.output/demo', { WXT_DEMO_INBOX_ORIGIN: inboxOrigin });
console.log(`Extension built: ${dir}`);

// A fresh profile every time: a kept one can hold on to an earlier build's service worker.
const debugPort = headless ? 0 : await freePort();
const { context, worker, id } = await launchExtension(dir, {
  headless, viewport: headless ? { width: 820, height: 760 } : null, extraArgs: headless ? [] : sidePanelArgs(debugPort),
});
const settings = { ...DEFAULT_SETTINGS, agentId: 'demo-agent', agentEmail: 'agent@demo.store' };
await configureExtension(worker, sandbox.apiKey, settings);
// The agent uses the panel with the demo inbox ("Use with localhost:…" already chosen): its script is registered.
await useInboxSite(worker, inboxOrigin);
// The key went straight into storage (the options page would have asked for a badge refresh): poll now,
// after the worker's own start-up has scheduled its alarm.
await new Promise((r) => setTimeout(r, 1000));
await firePollAlarm(worker);
const inbox = context.pages()[0] ?? (await context.newPage());
await inbox.goto(inboxUrl);

if (headless) {
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 360, height: 760 });
  await panel.goto(`chrome-extension://${id}/sidepanel.html`);
  await panel.getByTestId('chat-number').waitFor({ timeout: 10_000 }).catch(() => undefined);
  await panel.waitForTimeout(1000);
  mkdirSync('artifacts', { recursive: true });
  const shot = resolve('artifacts/start.png');
  await sideBySide(context, inbox, panel, shot);
  console.log(`No display: ran headless. Screenshot of the demo inbox with the side panel beside it: ${shot}`);
  await context.close();
  await sandbox.close();
} else {
  const opened = await openSidePanel(debugPort, id, inboxOrigin);
  console.log(opened
    ? 'Chromium is open on the demo inbox with the side panel beside it; close the browser to stop.'
    : 'Chromium is open on the demo inbox. Click the extension\'s toolbar icon for the side panel; close the browser to stop.');
  context.on('close', () => void sandbox.close().then(() => process.exit(0)));
}

