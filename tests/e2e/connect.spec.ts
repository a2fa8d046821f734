// Journey: an agent pastes the API key on the options page and checks the connection.
import { getStored, pollAlarmPeriod } from '../../dev/extension-storage';
import { expect, serviceWorker, test } from './fixtures';

test('a key is checked on save: accepted with its group count, a wrong one refused in words and not saved', async ({ options, store, openPage }) => {
  // The panel is open beside the settings before any key: it follows the save without a reload.
  const panel = await openPage('sidepanel.html');
  await expect(panel.getByRole('heading', { name: 'Connect to Zoko' })).toBeVisible();
  await options.fill({ 'API key': store.apiKey, 'Agent ID': 'agent-42', 'Agent email': 'agent@store.test' });
  await options.save('Saved. Zoko accepted the key — 12 groups.');
  await expect(options.field('API key')).toHaveValue(''); // the key is not shown back
  await expect(options.page.getByText(`A key ending in ${store.apiKey.slice(-4)} is saved.`)).toBeVisible();
  await expect(panel.locator('.group-row')).toHaveCount(12);
  await expect(panel.getByRole('heading', { name: 'Connect to Zoko' })).toHaveCount(0);
  await options.testConnection('Connected — 12 groups');

  // Enter in the key field saves; Zoko refuses the key, nothing is saved, and what the agent typed stays to fix.
  await options.fill({ 'API key': 'not-the-right-key' });
  await options.field('API key').press('Enter');
  // In the settings, the sentence does not send the agent to the settings; and it sits by the key it is about.
  await expect(options.status).toHaveText('Zoko refused this API key. Check that it was copied whole.');
  await expect(options.field('API key')).toHaveValue('not-the-right-key');
  await expect(options.page.getByText(`A key ending in ${store.apiKey.slice(-4)} is saved.`)).toBeVisible();
  await expect(panel.locator('.group-row')).toHaveCount(12);
  const gap = await options.page.evaluate(() => {
    const key = document.querySelector('input[type=password], input[autocomplete=off]')!.getBoundingClientRect();
    const status = document.querySelector('form [role=status]')!.getBoundingClientRect();
    return status.top - key.bottom;
  });
  expect(gap).toBeLessThan(120); // under the key, not below the eight other fields
});

test('bad input is refused next to the field and nothing is saved', async ({ options }) => {
  await options.fill({ 'Agent email': 'agent at store' });
  await options.save('Nothing was saved: fix the fields marked below.');
  await expect(options.page.getByText('Enter your Zoko API key.')).toBeVisible();
  await expect(options.page.getByText('Enter an e-mail address like agent@store.com.')).toBeVisible();
  await expect(options.field('Agent email')).toHaveAttribute('aria-invalid', 'true');
  await options.page.reload();
  await expect(options.field('Agent email')).toHaveValue('');
  await expect(options.page.getByRole('button', { name: 'Test connection' })).toBeDisabled();
});

test('the badge budget and notifications are settings the background uses', async ({ options, store, extContext }) => {
  await options.fill({ 'API key': store.apiKey, 'Join-request checks per minute': '0' });
  await options.save('Nothing was saved: fix the fields marked below.');
  await expect(options.page.getByText('Enter a whole number from 2 to 600.')).toBeVisible();
  await options.fill({ 'Join-request checks per minute': '120' });
  await options.page.getByRole('switch', { name: 'Notify me of new join requests' }).uncheck();
  await options.save();
  await expect(await serviceWorker(extContext)).toHaveStorage('local', 'settings', { pollBudgetPerMinute: 120, notify: false });
});

test('the context menu items exist in Chrome (creating one again is refused as a duplicate)', async ({ extContext }) => {
  const worker = await serviceWorker(extContext);
  const duplicate = (id: string) => worker.evaluate((menuId) => new Promise<string>((done) =>
    chrome.contextMenus.create({ id: menuId, title: 'x', contexts: ['selection'] }, () => done(chrome.runtime.lastError?.message ?? 'created'))), id);
  expect(await duplicate('invite-number')).toMatch(/duplicate id/i);
  expect(await duplicate('invite-number:link')).toMatch(/duplicate id/i);
});

test('sign out wipes the key and the caches, and the badge says so', async ({ openPage, configure, options, extContext }) => {
  await configure();
  const panel = await openPage('sidepanel.html');
  await expect(panel.locator('.group-row').first()).toBeVisible();
  await options.page.reload(); // opened before the key was stored
  await options.signOut();
  const worker = await serviceWorker(extContext);
  // Nothing from Zoko is left: no key, no groups; only the agent's settings and the badge's "no key" state.
  await expect(worker).toHaveStorage('local', 'apiKey', undefined);
  await expect(worker).toHaveStorage('local', 'groupCache', undefined);
  expect((await getStored(worker, 'local', 'groupCacheHead'))?.groups ?? []).toEqual([]);
  expect((await getStored(worker, 'local', 'pendingCounts'))?.byGroup ?? {}).toEqual({});
  await expect(worker).toHaveStorage('local', 'settings', { agentEmail: 'agent@store.test' });
  await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('!');
  // The open panel follows at once: no list of the signed-out store, no "No groups yet · Create group".
  await expect(panel.getByRole('heading', { name: 'Connect to Zoko' })).toBeVisible();
  await expect(panel.locator('.group-row')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Create group' })).toHaveCount(0);
});

test('the refresh interval reschedules the badge alarm', async ({ options, store, extContext }) => {
  await options.fill({ 'API key': store.apiKey, 'Seconds between badge refreshes': '10' });
  await options.save('Nothing was saved: fix the fields marked below.');
  await expect(options.page.getByText('Enter a whole number of seconds from 30 to 600.')).toBeVisible();
  await options.fill({ 'Seconds between badge refreshes': '120' });
  await options.save();
  const worker = await serviceWorker(extContext);
  await expect.poll(() => pollAlarmPeriod(worker)).toBe(2);
});
