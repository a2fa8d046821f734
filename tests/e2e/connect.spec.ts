// Journey: an agent pastes the API key on the options page and checks the connection.
import { expect, serviceWorker, test } from './fixtures';

test('saves a key, connects, then a wrong key is rejected in words', async ({ openPage, store }) => {
  const page = await openPage('options.html');
  await page.getByLabel('API key').fill(store.apiKey);
  await page.getByLabel('Agent ID').fill('agent-42');
  await page.getByLabel('Agent email').fill('agent@store.test');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved.');
  await expect(page.getByLabel('API key')).toHaveValue(''); // the key is not shown back
  await expect(page.getByText(`A key ending in ${store.apiKey.slice(-4)} is saved.`)).toBeVisible();

  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('status')).toHaveText('Connected — 12 groups');

  await page.getByLabel('API key').fill('not-the-right-key');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved.');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('status')).toHaveText('Zoko rejected the API key. Check it in the settings.');
});

test('bad input is refused next to the field and nothing is saved', async ({ openPage }) => {
  const page = await openPage('options.html');
  await page.getByLabel('Agent email').fill('agent at store');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Enter your Zoko API key.')).toBeVisible();
  await expect(page.getByText('Enter an e-mail address like agent@store.com.')).toBeVisible();
  await expect(page.getByLabel('Agent email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('status')).toHaveText('Nothing was saved: fix the fields marked below.');
  await page.reload();
  await expect(page.getByLabel('Agent email')).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Test connection' })).toBeDisabled();
});

test('the badge budget and notifications are settings the background uses', async ({ openPage, store, extContext }) => {
  const page = await openPage('options.html');
  await page.getByLabel('API key').fill(store.apiKey);
  await page.getByLabel('Join-request checks per minute').fill('0');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Enter a whole number from 2 to 600.')).toBeVisible();
  await page.getByLabel('Join-request checks per minute').fill('120');
  await page.getByRole('switch', { name: 'Notify me of new join requests' }).uncheck();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved.');
  const worker = await serviceWorker(extContext);
  expect(await worker.evaluate(() => chrome.storage.local.get('settings'))).toEqual({
    settings: expect.objectContaining({ pollBudgetPerMinute: 120, notify: false }),
  });
});

test('the context menu items exist in Chrome (creating one again is refused as a duplicate)', async ({ extContext }) => {
  const worker = await serviceWorker(extContext);
  const duplicate = (id: string) => worker.evaluate((menuId) => new Promise<string>((done) =>
    chrome.contextMenus.create({ id: menuId, title: 'x', contexts: ['selection'] }, () => done(chrome.runtime.lastError?.message ?? 'created'))), id);
  expect(await duplicate('invite-number')).toMatch(/duplicate id/i);
  expect(await duplicate('invite-number:link')).toMatch(/duplicate id/i);
});

test('sign out wipes the key and the caches, and the badge says so', async ({ openPage, configure, extContext }) => {
  await configure();
  const panel = await openPage('sidepanel.html');
  await expect(panel.locator('.group-row').first()).toBeVisible();
  const page = await openPage('options.html');
  await page.getByRole('button', { name: 'Sign out…' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('status')).toHaveText('Signed out. The key and the cached groups were removed from this browser.');
  const worker = await serviceWorker(extContext);
  const stored: Record<string, any> = await worker.evaluate(() => chrome.storage.local.get(null));
  // Nothing from Zoko is left: no key, no groups; only the agent's settings and the badge's "no key" state.
  expect(stored.apiKey).toBeUndefined();
  expect(stored.groupCache).toBeUndefined();
  expect(stored.groupCacheHead?.groups ?? []).toEqual([]);
  expect(stored.pendingCounts?.byGroup ?? {}).toEqual({});
  expect(stored.settings).toMatchObject({ agentEmail: 'agent@store.test' });
  await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('!');
  await panel.reload();
  await expect(panel.getByRole('heading', { name: 'Connect to Zoko' })).toBeVisible();
});

test('the refresh interval reschedules the badge alarm', async ({ openPage, store, extContext }) => {
  const page = await openPage('options.html');
  await page.getByLabel('API key').fill(store.apiKey);
  await page.getByLabel('Seconds between badge refreshes').fill('10');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Enter a whole number of seconds from 30 to 600.')).toBeVisible();
  await page.getByLabel('Seconds between badge refreshes').fill('120');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved.');
  const worker = await serviceWorker(extContext);
  await expect.poll(() => worker.evaluate(() => chrome.alarms.get('poll-join-requests').then((a) => a?.periodInMinutes))).toBe(2);
});
