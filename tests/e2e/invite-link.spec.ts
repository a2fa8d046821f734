// Journey: the agent copies a group's invite link into a chat, shows it as a QR code, or resets it.
import { expect, test } from './fixtures';

test('copy from the list in one click', async ({ panel, store }) => {
  const vip = (await store.state()).groups.find((g) => g.subject === 'VIP Customers')!;
  await panel.row('VIP Customers').getByRole('button', { name: 'Copy invite link' }).click();
  await expect(panel.row('VIP Customers').getByText('Copied')).toBeVisible();
  expect(await panel.clipboard()).toBe(vip.invite_link);
});

test('copy from the group view', async ({ panel, store }) => {
  const vip = (await store.state()).groups.find((g) => g.subject === 'VIP Customers')!;
  await panel.openGroup('VIP Customers');
  await panel.section('Invite link').getByRole('button', { name: 'Copy invite link' }).click();
  await expect(panel.section('Invite link').getByText('Copied')).toBeVisible();
  expect(await panel.clipboard()).toBe(vip.invite_link);
});

test('reset: a confirmation says the old link stops working, then the new link is shown', async ({ panel, store }) => {
  const before = (await store.state()).groups.find((g) => g.subject === 'VIP Customers')!;
  await panel.openGroup('VIP Customers');
  await panel.page.getByRole('button', { name: 'Reset invite link' }).click();
  const dialog = panel.dialog();
  await expect(dialog).toContainText('The current link stops working at once');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect((await store.state()).groups.find((g) => g._id === before._id)!.invite_link).toBe(before.invite_link);

  await panel.page.getByRole('button', { name: 'Reset invite link' }).click();
  await panel.dialog().getByRole('button', { name: 'Reset link' }).click();
  await expect(panel.dialog()).toBeHidden();
  const after = (await store.state()).groups.find((g) => g._id === before._id)!;
  expect(after.invite_link).not.toBe(before.invite_link);
  await expect(panel.page.getByTestId('invite-link')).toHaveText(after.invite_link);
  await expect(panel.page.getByText(before.invite_link)).toHaveCount(0);
  // The confirmation is shown, not only announced: the status line is the live region, seen, then it leaves.
  const status = panel.page.locator('.status-line');
  await expect(status).toHaveText('Invite link reset. The old link no longer works.');
  await expect(status).toBeVisible();
  expect(await status.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(20);
  await expect(status).toBeEmpty({ timeout: 15_000 });
});

test('Escape closes the confirmation without resetting', async ({ panel, store }) => {
  const before = (await store.state()).groups.find((g) => g.subject === 'VIP Customers')!;
  await panel.openGroup('VIP Customers');
  await panel.page.getByRole('button', { name: 'Reset invite link' }).click();
  await expect(panel.dialog()).toBeVisible();
  await panel.page.keyboard.press('Escape');
  await expect(panel.dialog()).toBeHidden();
  expect((await store.state()).groups.find((g) => g._id === before._id)!.invite_link).toBe(before.invite_link);
});

test('QR code is drawn for the link', async ({ panel, store }) => {
  const vip = (await store.state()).groups.find((g) => g.subject === 'VIP Customers')!;
  await panel.openGroup('VIP Customers');
  await panel.page.getByRole('button', { name: 'Show QR code' }).click();
  const qr = panel.page.getByRole('img', { name: `QR code for ${vip.invite_link}` });
  await expect(qr).toBeVisible();
  expect(await qr.locator('path').getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
  await panel.page.getByRole('button', { name: 'Hide QR code' }).click();
  await expect(qr).toBeHidden();
});
