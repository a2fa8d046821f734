// Journey: the agent works from the keyboard: the palette opens a group and copies its link; single keys
// approve and go back; "?" lists them; the browser command's hand-off opens Waiting.
import { setStored } from '../../dev/extension-storage';
import { expect, serviceWorker, test } from './fixtures';

test('open a group and copy its link with the palette, using only the keyboard', async ({ panel, store }) => {
  const vip = (await store.state()).groups.find((g) => g.subject === 'VIP Customers')!;
  const { page } = panel;
  await page.getByRole('searchbox', { name: 'Search groups' }).blur();
  await page.keyboard.press('Control+K');
  const box = page.getByRole('combobox', { name: 'Group or action' });
  await expect(box).toBeFocused();
  await page.keyboard.type('vip cust');
  await expect(page.getByRole('option').first()).toHaveText('Open VIP Customers');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'VIP Customers' })).toBeVisible();

  await page.keyboard.press('Control+K');
  await expect(box).toBeFocused();
  await page.keyboard.type('copy vip');
  await expect(page.getByRole('option', { selected: true })).toHaveText('Copy invite link: VIP Customers');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Invite link of VIP Customers copied' })).toBeAttached();
  expect(await panel.clipboard()).toBe(vip.invite_link);
});

test('single keys in the group view: a approves who asked first, Esc goes back, ? lists the keys; never while typing', async ({ panel, store }) => {
  const vip = (await store.state()).groups.find((g) => g.subject === 'VIP Customers')!;
  const first = [...vip.join_requests].sort((a, b) => (a as unknown as { creation_timestamp: number }).creation_timestamp
    - (b as unknown as { creation_timestamp: number }).creation_timestamp)[0]!;
  await panel.openGroup('VIP Customers');
  const { page } = panel;
  await page.getByLabel('Phone numbers').fill('a'); // typing "a" in a field approves nobody
  expect((await store.log()).filter((r) => r.method === 'POST')).toHaveLength(0);
  await page.getByLabel('Phone numbers').fill('');
  await page.getByRole('heading', { level: 2, name: 'VIP Customers' }).click();
  await page.keyboard.press('a');
  await expect(panel.joinRequest(first.name)).toBeHidden();
  expect((await store.state()).groups.find((g) => g._id === vip._id)!.participants.some((p) => p.wa_id === first.wa_id)).toBe(true);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('a — approve the next person who asked first (and fits)');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Enter opens the first match');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(panel.rows.first()).toBeVisible();
});

test('the browser command opens the panel on Waiting', async ({ panel, extContext }) => {
  await panel.firePollAlarm();
  // What the command's listener stores after opening the panel (Chrome's shortcuts cannot be pressed headless).
  await setStored(await serviceWorker(extContext), 'session', { openWaiting: true });
  await expect(panel.page.getByRole('heading', { level: 2, name: 'Waiting' })).toBeVisible();
});
