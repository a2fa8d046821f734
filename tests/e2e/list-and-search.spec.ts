// Journey: the agent opens the panel, scans the groups, and searches.
import { setStored } from '../../dev/extension-storage';
import { newStore } from '../../dev/sandbox/control';
import { expect, SANDBOX_URL, serviceWorker, test } from './fixtures';

/** A row's button: its name starts with the group's name (then its seats and tags). */
const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

test('shows every group with members and auto-approval', async ({ panel }) => {
  await expect(panel.rows).toHaveCount(12);
  await expect(panel.page.getByText('12 groups')).toBeVisible();
  const beta = panel.row('Beta Testers');
  await expect(beta).toContainText(/\d\/8 members/);
  await expect(beta).toContainText('Auto-approve');
  await expect(panel.row('VIP Customers').getByRole('button', { name: 'Copy invite link' })).toBeVisible();
});

test('a suspended group is read-only, and the list remembers it across refreshes', async ({ panel }) => {
  await panel.openGroup('Flash Deals (archived)');
  await expect(panel.page.getByRole('note')).toContainText('WhatsApp has suspended this group');
  await expect(panel.page.getByRole('button', { name: 'Reset invite link' })).toHaveCount(0);
  await expect(panel.page.getByRole('heading', { name: 'Invite members' })).toHaveCount(0);
  await panel.page.getByRole('button', { name: 'Back to groups' }).click();
  await panel.page.getByRole('button', { name: 'Refresh' }).click();
  await expect(panel.row('Flash Deals (archived)')).toContainText('Suspended');
});

test('search narrows by name and by WhatsApp group id as you type', async ({ panel, store }) => {
  await panel.search('mumbai');
  await expect(panel.rows).toHaveCount(1);
  await expect(panel.rows.first()).toContainText('Order Updates — Mumbai');

  const { groups } = await store.state();
  const wholesale = groups.find((g) => g.subject === 'Wholesale Buyers')!;
  await panel.search(wholesale.group_id);
  await expect(panel.rows).toHaveCount(1);
  await expect(panel.rows.first()).toContainText('Wholesale Buyers');

  await panel.search('no such group');
  await expect(panel.rows).toHaveCount(0);
  await expect(panel.page.getByText('No group matches “no such group”.')).toBeVisible();
});

test('from the keyboard: / and part of a name, the count says how many of all, Enter opens the match', async ({ panel }) => {
  const { page } = panel;
  await page.getByRole('searchbox', { name: 'Search groups' }).blur();
  await page.keyboard.press('/');
  await page.keyboard.type('whol');
  await expect(page.getByText('1 of 12 groups', { exact: true })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Wholesale Buyers' })).toBeVisible();
});

test('the arrows move through the results, Up from the first back to the box with its text; Enter opens the one chosen', async ({ panel }) => {
  const { page } = panel;
  const box = page.getByRole('searchbox', { name: 'Search groups' });
  await box.blur();
  await page.keyboard.press('/');
  await page.keyboard.type('s');
  await expect(page.getByText(/^\d+ of 12 groups$/)).toBeVisible();
  const [first, second] = await panel.rows.locator('.subject').allTextContents();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: startsWith(first!) })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('s');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: startsWith(second!) })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: second })).toBeVisible();
});

test('End reaches the last result though the windowed list has not drawn it yet; Home the first', async ({ panel }) => {
  const { page } = panel;
  await page.setViewportSize({ width: 360, height: 320 }); // two or three rows on screen, a few more drawn around them
  await expect(page.locator('li[aria-posinset="12"]')).toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await expect(page.locator('li[aria-posinset="12"][aria-setsize="12"] .row-main')).toBeFocused();
  await expect(page.locator('li[aria-posinset="12"]')).toBeInViewport();
  await page.keyboard.press('Home');
  await expect(page.locator('li[aria-posinset="1"] .row-main')).toBeFocused();
});

test('groups with people waiting come first, most first', async ({ panel }) => {
  await panel.firePollAlarm();
  await expect(panel.rows.first().locator('.pending')).toHaveText(/^3/);
  await expect(panel.rows.first()).toContainText('Returns & Exchanges');
  await expect(panel.rows.nth(1)).toContainText('VIP Customers');
});

test('paints from the cache at once when reopened, then revalidates', async ({ panel, openPage, store }) => {
  await store.latency(6000);
  const again = await openPage('sidepanel.html');
  // Rows come from the cache while Zoko is still answering (6 s), with a quiet "Updating…".
  await expect(again.locator('.group-row')).toHaveCount(12, { timeout: 5000 });
  await expect(again.getByRole('status').filter({ hasText: 'Updating…' })).toBeVisible();
  await expect(again.getByText('Updating…')).toBeHidden({ timeout: 10_000 });
  expect(panel.page.isClosed()).toBe(false);
});

test('an empty store offers to create the first group', async ({ configure, openPage, extContext }) => {
  const empty = await newStore(SANDBOX_URL, { groups: 0 });
  await configure();
  const page = await openPage('sidepanel.html');
  await setStored(await serviceWorker(extContext), 'local', { apiKey: empty.apiKey }); // only the background reads it
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('heading', { name: 'No groups yet' })).toBeVisible();
  await page.getByRole('main').or(page.locator('.empty')).getByRole('button', { name: 'Create group' }).click();
  await expect(page.getByRole('heading', { name: 'Create group' })).toBeVisible();
});

test('first run inside the panel: settings open beside the inbox, the key is checked, back to the list', async ({ openPage, store }) => {
  const page = await openPage('sidepanel.html');
  await expect(page.getByRole('heading', { name: 'Connect to Zoko' })).toBeVisible();
  // Nothing offered that cannot work yet: no store to create a group in.
  await expect(page.getByRole('button', { name: 'Create group' })).toHaveCount(0);
  const tabs = page.context().pages().length;
  await page.getByRole('button', { name: 'Open settings' }).click();
  // In the panel, not a new tab: the key (and its Test) first.
  await expect(page.getByRole('heading', { name: 'Zoko Groups settings' })).toBeVisible();
  expect(page.context().pages()).toHaveLength(tabs);
  const key = page.getByLabel('API key');
  await key.fill('wrong-key');
  await page.getByLabel('Agent ID').fill('agent-42');
  await page.getByLabel('Agent email').fill('agent@store.test');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('form [role=status]')).toHaveText('Zoko refused this API key. Check that it was copied whole.');
  await expect(key).toHaveValue('wrong-key'); // kept to fix
  await key.fill(store.apiKey);
  await key.press('Enter');
  await expect(page.locator('form [role=status]')).toHaveText('Saved. Zoko accepted the key — 12 groups.');
  await page.getByRole('button', { name: 'Back to groups' }).click();
  await expect(page.locator('.group-row')).toHaveCount(12);
});

test.describe('a Zoko that sends one unreadable group', () => {
  test.use({ dialect: 'loose' });

  test('every other group is shown, and the agent is told one could not be read', async ({ panel }) => {
    await expect(panel.page.getByRole('note').filter({ hasText: '1 group could not be read and is not shown.' })).toBeVisible();
    await expect(panel.page.getByText(/^12 groups/)).toBeVisible();
    await expect(panel.row('VIP Customers')).toBeVisible();
  });
});
