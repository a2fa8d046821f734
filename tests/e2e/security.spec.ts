// Security journeys: data from Zoko renders as text, only real WhatsApp links become links, strangers
// cannot use the background, and the key goes nowhere but Zoko (every test checks that last one too:
// see the `store` fixture).
import { setStored } from '../../dev/extension-storage';
import { chromium } from '@playwright/test';
import { resolve } from 'node:path';
import { chromiumArgs, findChromium } from '../../dev/chromium';
import { EXTENSION_DIR, expect, requestsSeen, SANDBOX_URL, test } from './fixtures';

const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

test('HTML and script in subjects, names and template arguments render as text', async ({ panel, store }) => {
  const vip = (await store.state()).groups.find((g) => g.subject === 'VIP Customers')!;
  await store.patchGroup(vip._id, { subject: `VIP ${PAYLOAD}`, participantName: `Jane ${PAYLOAD}`,
    requestName: `Joe ${PAYLOAD}`, templateArgs: { '1': PAYLOAD } });
  const { page } = panel;
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(panel.rows.filter({ hasText: PAYLOAD })).toHaveCount(1); // the markup is visible as text
  await page.getByRole('button', { name: /^VIP <img/ }).click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(`VIP ${PAYLOAD}`);
  await expect(page.getByText(`Jane ${PAYLOAD}`)).toBeVisible();
  await expect(page.getByText(`Joe ${PAYLOAD}`)).toBeVisible();
  await page.getByText('Invitation template', { exact: true }).click();
  await expect(page.getByLabel('Argument 1 value')).toHaveValue(PAYLOAD);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"], script:not([src])').count()).toBe(0);
});

for (const link of ['javascript:alert(1)', 'https://chat.whatsapp.com.evil.example/abc', 'http://chat.whatsapp.com/abc']) {
  test(`an invite link that is not https://chat.whatsapp.com/… is shown as text only: ${link}`, async ({ panel, store }) => {
    const vip = (await store.state()).groups.find((g) => g.subject === 'VIP Customers')!;
    await store.patchGroup(vip._id, { inviteLink: link });
    await panel.page.getByRole('button', { name: 'Refresh' }).click();
    await expect(panel.row('VIP Customers').getByRole('button', { name: 'Copy invite link' })).toHaveCount(0);
    await panel.openGroup('VIP Customers');
    const section = panel.section('Invite link');
    await expect(section.getByTestId('invite-link')).toHaveText(link);
    await expect(section.getByRole('link')).toHaveCount(0);
    await expect(section.getByRole('button', { name: 'Show QR code' })).toHaveCount(0);
    await expect(section.getByRole('button', { name: 'Copy invite link' })).toHaveCount(0);
    await expect(section).toContainText('This is not a WhatsApp invite link, so it is shown as text only.');
  });
}

test('a web page cannot reach the background', async ({ extContext, extensionId }) => {
  const page = await extContext.newPage();
  await page.goto(`${SANDBOX_URL}/__sandbox/ping`);
  const outcome = await page.evaluate(async (id) => {
    const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
    if (!runtime?.sendMessage) return 'no runtime.sendMessage for web pages';
    try {
      await (runtime.sendMessage as (id: string, m: unknown) => Promise<unknown>)(id, { type: 'listGroups', timestamp: 1 });
      return 'answered';
    } catch (e) {
      return `refused: ${String(e)}`;
    }
  }, extensionId);
  expect(outcome).not.toBe('answered');
});

test('another extension cannot use the background', async ({ store }) => {
  const foreign = resolve('tests/e2e/foreign-extension');
  const args = chromiumArgs(EXTENSION_DIR).map((a) => (a.startsWith('--load-extension=') || a.startsWith('--disable-extensions-except=')
    ? `${a},${foreign}` : a));
  const context = await chromium.launchPersistentContext('', { executablePath: findChromium(), headless: true, args });
  try {
    while (context.serviceWorkers().length < 2) await context.waitForEvent('serviceworker');
    const named = await Promise.all(context.serviceWorkers().map(async (w) => ({ w, name: await w.evaluate(() => chrome.runtime.getManifest().name) })));
    const ours = named.find((x) => x.name === 'Zoko Groups')!.w;
    const stranger = named.find((x) => x.name !== 'Zoko Groups')!.w;
    await setStored(ours, 'local', { apiKey: store.apiKey });
    await store.clearLog();
    const result = await stranger.evaluate((id) => (self as unknown as { tryMessage(id: string): Promise<{ reply: unknown; error: string | null }> })
      .tryMessage(id), new URL(ours.url()).host);
    expect(result.reply).toBeNull();
    expect(result.error).toMatch(/Receiving end does not exist|Could not establish connection/);
    expect(await store.log()).toHaveLength(0); // nothing reached Zoko on the stranger's behalf
  } finally {
    await context.close();
  }
});

test('the key travelled, and only ever to Zoko (checked for every request of every test)', async ({ panel }) => {
  await panel.openGroup('VIP Customers');
  expect(requestsSeen.length).toBeGreaterThan(0);
  expect(requestsSeen.every((r) => r.url.startsWith(`${SANDBOX_URL}/v2/channels/whatsapp/cloud/group`))).toBe(true);
});

test('extension pages reach nothing but Zoko: the content security policy blocks any other site', async ({ panel }) => {
  // The same sandbox under another origin (it answers any origin): only the policy can stop the request.
  const other = SANDBOX_URL.replace('127.0.0.1', 'localhost');
  const outcome = await panel.page.evaluate(async (url) => {
    const violated = new Promise<string>((r) => document.addEventListener('securitypolicyviolation', (e) => r(e.effectiveDirective), { once: true }));
    const result = await fetch(url).then(() => 'reached', (e: Error) => e.name);
    return { result, directive: await Promise.race([violated, new Promise<string>((r) => setTimeout(() => r('none'), 1000))]) };
  }, `${other}/__sandbox/ping`);
  expect(outcome).toEqual({ result: 'TypeError', directive: 'connect-src' });
});
