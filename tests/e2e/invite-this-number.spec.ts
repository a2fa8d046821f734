// Journey: the agent right-clicks a number on a page ("Invite this number"); the panel shows it normalised
// with a group picker. (Chrome's context menu cannot be clicked headless: the background hands the text over
// through storage.session exactly as its click handler does, which unit tests cover.)
import { setStored } from '../../dev/extension-storage';
import { expect, serviceWorker, test } from './fixtures';

async function handOff(ctx: Parameters<typeof serviceWorker>[0], text: string, groupId?: string) {
  const worker = await serviceWorker(ctx);
  await setStored(worker, 'session', { handoff: { text, at: Date.now(), ...(groupId ? { groupId } : {}) } });
}

test('a selected number is shown normalised, recent groups first, and invited', async ({ panel, store, extContext }) => {
  // Inviting from a group makes it "recent".
  await panel.openGroup('Wholesale Buyers');
  await panel.page.getByLabel('Phone numbers').fill('+91 98111 22233');
  await panel.page.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(panel.page.getByRole('list', { name: 'Invitation results' })).toContainText('sent');

  await handOff(extContext, 'Call me on 098765 11122 after 5pm');
  await expect(panel.page.getByRole('heading', { name: 'Invite this number' })).toBeVisible();
  await expect(panel.page.getByTestId('handoff-number')).toHaveText('+91 98765 11122');
  await expect(panel.page.getByLabel('Group', { exact: true })).toHaveValue((await store.state()).groups.find((g) => g.subject === 'Wholesale Buyers')!._id);
  await panel.page.getByLabel('Group', { exact: true }).selectOption({ label: 'VIP Customers' });
  await panel.page.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(panel.page.getByRole('status').filter({ hasText: 'Invitation sent.' })).toBeVisible();
  const vip = (await store.state()).groups.find((g) => g.subject === 'VIP Customers')!;
  expect(vip.invitations).toEqual(['919876511122']);
});

test('a wa.me link works too', async ({ panel, extContext }) => {
  await handOff(extContext, 'https://wa.me/447911123456');
  await expect(panel.page.getByTestId('handoff-number')).toHaveText('+44 7911 123456');
});

test('text that is not a phone number: nothing is sent, and the panel says why', async ({ panel, store, extContext }) => {
  await store.clearLog();
  await handOff(extContext, 'Order #A-1234 shipped');
  await expect(panel.page.getByRole('alert')).toContainText('cannot be invited');
  await expect(panel.page.getByRole('button', { name: 'Invite', exact: true })).toHaveCount(0);
  expect((await store.log()).filter((r) => r.method === 'POST')).toHaveLength(0);
  await panel.page.getByRole('button', { name: 'Back to groups' }).click();
  await expect(panel.rows.first()).toBeVisible();
});

test('"Invite to" on a selection with two numbers: nothing is sent until the agent picks one', async ({ panel, store, extContext }) => {
  const vip = (await store.state()).groups.find((g) => g.subject === 'VIP Customers')!;
  await store.clearLog();
  // What the background hands over when "Invite to VIP Customers" meets an unclear selection.
  await handOff(extContext, 'Order 2024011512 — call +91 98765 43210', vip._id);
  const which = panel.page.getByRole('group', { name: 'The selection holds 2 numbers. Which one should be invited?' });
  await expect(which).toBeVisible();
  await expect(panel.page.getByLabel('Group', { exact: true })).toHaveValue(vip._id);
  await expect(panel.page.getByRole('button', { name: 'Invite', exact: true })).toBeDisabled();
  await which.getByRole('radio', { name: '+91 98765 43210' }).check();
  await panel.page.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(panel.page.getByRole('status').filter({ hasText: 'Invitation sent.' })).toBeVisible();
  expect((await store.state()).groups.find((g) => g._id === vip._id)!.invitations).toEqual(['919876543210']);
  expect((await store.log()).filter((r) => r.method === 'POST')).toHaveLength(1);
});
