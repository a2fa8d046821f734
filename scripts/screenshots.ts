/**
 * `npm run screenshots`: real screenshots of the side panel against the sandbox, light and dark, 360 px wide,
 * for the README and the store listing (docs/screenshots/).
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { DEFAULT_SETTINGS } from '../utils/config';
import { startSandbox } from '../dev/sandbox/server';
import { sandboxControl } from '../dev/sandbox/control';
import { buildExtension } from '../dev/build-extension';
import { launchExtension } from '../dev/chromium';
import { configureExtension, firePollAlarm, setStored, useInboxSite } from '../dev/extension-storage';
import { STORAGE_KEYS } from '../utils/storage-keys';
import { sideBySide } from '../dev/side-by-side';

const OUT = 'docs/screenshots';
const sandbox = await startSandbox({ port: 0 });
const inboxOrigin = new URL(sandbox.inboxUrl).origin;
// The demo inbox's origin is granted at install, as if the agent had allowed it (a headless prompt cannot be clicked).
const dir = buildExtension(sandbox.baseUrl, '.output/screenshots', { WXT_DEMO_INBOX_ORIGIN: inboxOrigin });
const { context, worker, id } = await launchExtension(dir, { viewport: { width: 360, height: 720 }, deviceScaleFactor: 2 });
const settings = { ...DEFAULT_SETTINGS, agentId: 'demo', agentEmail: 'agent@demo.store', notify: false };
await configureExtension(worker, sandbox.apiKey, settings);
// After the worker's own start-up has scheduled its alarm (which would replace this one), poll now.
await new Promise((r) => setTimeout(r, 1000));
await firePollAlarm(worker);
// A worker that is just starting may replace a freshly fired alarm with its own schedule: fire until counted.
for (let i = 0; i < 20 && !(await worker.evaluate(() => chrome.action.getBadgeText({}))).match(/^\d+$/); i++) {
  await new Promise((r) => setTimeout(r, 1000));
  await firePollAlarm(worker);
}
await sandboxControl(sandbox.url, sandbox.apiKey).latency(0);

async function shoot(page: Page, name: string) {
  await page.waitForTimeout(250);
  await page.screenshot({ path: `${OUT}/${name}.png` });
  console.log(`${OUT}/${name}.png`);
}

for (const scheme of ['light', 'dark'] as const) {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
  await page.goto(`chrome-extension://${id}/sidepanel.html`);
  await page.locator('.pending').first().waitFor();
  await page.getByRole('searchbox').blur();
  await shoot(page, `list-${scheme}`);
  await page.getByRole('button', { name: /^\d+ waiting$/ }).click();
  await page.getByRole('list', { name: 'People waiting to join' }).getByRole('listitem').first().waitFor();
  await shoot(page, `waiting-${scheme}`);
  await page.getByRole('button', { name: 'Back to groups' }).click();
  await page.getByRole('searchbox').blur();
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox').waitFor();
  await page.keyboard.type('copy vip');
  await page.getByRole('option').first().waitFor();
  await shoot(page, `palette-${scheme}`);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /^VIP Customers/ }).click();
  await page.getByRole('heading', { name: 'Join requests' }).waitFor();
  await shoot(page, `group-${scheme}`);
  await page.getByLabel('Phone numbers').fill('+91 98123 45678\n098123 45678\n+44 7911 123456\n12345');
  await page.locator('.preview').scrollIntoViewIfNeeded();
  await shoot(page, `invite-${scheme}`);
  await page.getByRole('button', { name: 'Reset invite link' }).click();
  await shoot(page, `reset-dialog-${scheme}`);
  await page.getByRole('button', { name: 'Cancel' }).click();
  // Two settings, two controls: Zoko's auto-approval and WhatsApp's join approval mode.
  await page.getByText('Settings', { exact: true }).click();
  await page.getByRole('group', { name: 'People who open the invite link' }).scrollIntoViewIfNeeded();
  await shoot(page, `settings-${scheme}`);
  // "Invite to" on a selection with two numbers: the agent picks.
  await setStored(worker, 'session', { handoff: { text: 'Order 2024011512 — call +91 98765 43210', at: Date.now() } });
  await page.getByRole('heading', { name: 'Invite this number' }).waitFor();
  await shoot(page, `handoff-${scheme}`);
  await page.getByRole('button', { name: 'Back to groups' }).click();
  await page.getByRole('button', { name: /^VIP Customers/ }).click();
  await page.getByRole('button', { name: 'Approve', exact: true }).first().click();
  await page.getByRole('button', { name: 'Back to groups' }).click();
  await page.getByRole('button', { name: 'Activity', exact: true }).click();
  await page.getByRole('list', { name: 'Your actions' }).waitFor();
  await shoot(page, `activity-${scheme}`);
  await worker.evaluate((key) => chrome.storage.session.remove(key), STORAGE_KEYS.handoff);
  await page.close();
}

// Beside the inbox: This chat in the panel, and the demo inbox with the panel at its right.
await useInboxSite(worker, inboxOrigin);
for (const scheme of ['light', 'dark'] as const) {
  const inbox = await context.newPage();
  await inbox.setViewportSize({ width: 760, height: 720 });
  await inbox.goto(`${sandbox.inboxUrl}/generic?chat=1`);
  await inbox.getByRole('textbox', { name: 'Reply' }).fill('Hi Priya! Here is the VIP group: ');
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
  await page.goto(`chrome-extension://${id}/sidepanel.html`);
  await page.getByTestId('chat-number').waitFor();
  await page.getByRole('searchbox').blur();
  await shoot(page, `this-chat-${scheme}`);
  if (scheme === 'light') {
    await page.getByRole('button', { name: 'Send invite link…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'VIP Customers' }).click();
    await page.locator('.this-chat').getByText('is in the reply box').waitFor();
    await sideBySide(context, inbox, page, `${OUT}/beside-inbox-${scheme}.png`);
    console.log(`${OUT}/beside-inbox-${scheme}.png`);
  }
  await page.close();
  await inbox.close();
}

// Store listing images (1280×800): the panel as agents see it, beside a stand-in for their inbox.
const store = await context.newPage();
await store.setViewportSize({ width: 1280, height: 800 });
for (const [name, shot] of [['store-1', 'list-light'], ['store-2', 'group-light'], ['store-3', 'invite-light']] as const) {
  const png = readFileSync(`${OUT}/${shot}.png`).toString('base64');
  await store.setContent(`<!doctype html><style>
    body{margin:0;display:flex;height:800px;font:15px system-ui,sans-serif;background:#eef1f4}
    .inbox{flex:1;padding:32px;color:#55626f} .inbox h1{color:#16202a;font-size:22px}
    .msg{background:#fff;border-radius:10px;padding:14px 16px;margin:12px 0;max-width:560px;box-shadow:0 1px 2px #0001}
    .panel{width:360px;height:800px;background:#fff;border-left:1px solid #d9dfe5;overflow:hidden}
    .panel img{width:360px;display:block}
  </style><div class="inbox"><h1>Inbox</h1>
    <div class="msg"><b>Asha Patel</b><br>Hi! Can I join the VIP group? My number is +91 98123 45678</div>
    <div class="msg"><b>Ravi Mehta</b><br>Where do I get the link for the Diwali sale group?</div>
    <div class="msg"><b>Store bot</b><br>3 people are waiting to join VIP Customers.</div>
  </div><div class="panel"><img src="data:image/png;base64,${png}"></div>`);
  await store.screenshot({ path: `${OUT}/${name}.png`, scale: 'css' }); // the store wants exactly 1280×800
  console.log(`${OUT}/${name}.png`);
}

await context.close();
await sandbox.close();
