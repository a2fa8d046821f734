// Journey: the agent pastes a messy list of numbers and invites them.
import { expect, test } from './fixtures';

test('a mix of valid, invalid, duplicate and already-joined numbers: each outcome is shown', async ({ panel, store }) => {
  const g = (await store.state()).groups.find((x) => x.subject === 'Order Updates — Mumbai')!;
  const member = g.participants.find((p) => p.status === 'joined')!.wa_id;
  await panel.openGroup('Order Updates — Mumbai');
  const box = panel.page.getByLabel('Phone numbers');
  await box.fill(`name,phone\nAsha,+91 98123 45678\nRavi,098123 45678\n+${member}\n12345\n0044 7911 123456\n+91 98100 00000`);
  const preview = panel.page.locator('.preview');
  await expect(preview).toContainText('4 valid, 1 invalid, 1 duplicate');
  await expect(preview.getByRole('list', { name: 'Invalid numbers' })).toContainText('12345: too short');

  await panel.page.getByRole('button', { name: 'Invite', exact: true }).click();
  const results = panel.page.getByRole('list', { name: 'Invitation results' });
  await expect(results).toContainText('+919812345678: sent');
  await expect(results).toContainText('+447911123456: sent');
  await expect(results).toContainText(`+${member}: skipped`);
  await expect(results).toContainText('+919810000000: failed, number not eligible for WhatsApp groups');
  await expect(box).toHaveValue('');
  await expect(panel.page.getByRole('status').filter({ hasText: '2 invitations sent, 1 skipped, 1 failed' })).toBeAttached();

  const invitations = (await store.state()).groups.find((x) => x._id === g._id)!.invitations;
  expect(invitations.sort()).toEqual(['447911123456', '919812345678']);
});

test('warns when there are fewer free seats than numbers', async ({ panel }) => {
  await panel.openGroup('Support Team'); // seeded full: 8 of 8
  await expect(panel.section('Participants')).toContainText('8 of 8');
  await panel.page.getByLabel('Phone numbers').fill('+91 98123 45678');
  await expect(panel.page.getByRole('note')).toContainText('Only 0 of 8 seats are free');
});

test('nothing valid: the Invite button stays off and nothing is sent', async ({ panel, store }) => {
  await panel.openGroup('VIP Customers');
  await store.clearLog();
  await panel.page.getByLabel('Phone numbers').fill('hello\n12');
  await expect(panel.page.locator('.preview')).toContainText('0 valid, 1 invalid');
  await expect(panel.page.getByRole('button', { name: 'Invite', exact: true })).toBeDisabled();
  expect((await store.log()).filter((r) => r.method === 'POST')).toHaveLength(0);
});

test('a failed invite keeps what the agent typed', async ({ panel, store }) => {
  await panel.openGroup('VIP Customers');
  await store.fault({ status: 500, path: '/invitations' });
  const box = panel.page.getByLabel('Phone numbers');
  await box.fill('+91 98123 45678');
  await panel.page.getByRole('button', { name: 'Invite', exact: true }).click();
  // A 500 after a POST may hide a done invitation: the agent is told a repeat is safe (Zoko skips those invited).
  await expect(panel.section('Invite members').getByRole('alert')).toContainText('sending again is safe');
  await expect(box).toHaveValue('+91 98123 45678');
  const posts = (await store.log()).filter((r) => r.path.endsWith('/invitations'));
  expect(posts).toHaveLength(1); // a POST is never retried by itself
});
