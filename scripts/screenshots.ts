/**
 * `npm run screenshots`: real screenshots of the side panel against the sandbox, light and dark, 360 px wide,
 * for the README and the store listing (docs/screenshots/).
 */
import { chromium, type Page } from '@playwright/test';
import { startSandbox } from '../tests/sandbox/server';
import { sandboxControl } from '../tests/sandbox/control';
import { buildExtension } from '../tests/e2e/build';
import { chromiumArgs, findChromium } from '../tests/e2e/chromium';

const OUT = 'docs/screenshots';
const sandbox = await startSandbox({ port: 0 });
const dir = buildExtension(sandbox.baseUrl, '.output/screenshots');
const context = await chromium.launchPersistentContext('', {
  executablePath: findChromium(), headless: true, args: chromiumArgs(dir),
  viewport: { width: 360, height: 720 }, deviceScaleFactor: 2,
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const id = new URL(worker.url()).host;
await worker.evaluate(
  (apiKey) => chrome.storage.local.set({
    apiKey, settings: { agentId: 'demo', agentEmail: 'agent@demo.store', defaultCountry: 'IN', notify: false, pollBudgetPerMinute: 60 },
  }),
  sandbox.apiKey,
);
await worker.evaluate(() => chrome.alarms.create('poll-join-requests', { when: Date.now(), periodInMinutes: 0.5 }));
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
  await page.getByRole('button', { name: /^VIP Customers/ }).click();
  await page.getByRole('heading', { name: 'Join requests' }).waitFor();
  await shoot(page, `group-${scheme}`);
  await page.getByLabel('Phone numbers').fill('+91 98123 45678\n098123 45678\n+44 7911 123456\n12345');
  await page.locator('.preview').scrollIntoViewIfNeeded();
  await shoot(page, `invite-${scheme}`);
  await page.getByRole('button', { name: 'Reset invite link' }).click();
  await shoot(page, `reset-dialog-${scheme}`);
  await page.close();
}
await context.close();
await sandbox.close();
