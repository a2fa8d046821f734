// Journey: the agent approves someone, then looks back at what they did this shift.
import { expect, test } from './fixtures';

test('an approval appears in Activity, with the person, the group and when', async ({ panel, store }) => {
  const g = (await store.state()).groups.find((x) => x.subject === 'VIP Customers')!;
  const person = g.join_requests[0]!;
  await panel.openGroup('VIP Customers');
  await panel.joinRequest(person.name).getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(panel.joinRequest(person.name)).toBeHidden();
  await panel.page.getByRole('button', { name: 'Back to groups' }).click();
  await panel.page.getByRole('button', { name: 'Activity', exact: true }).click();
  const entry = panel.page.getByRole('list', { name: 'Your actions' }).getByRole('listitem').first();
  await expect(entry).toContainText(`Approved ${person.name}`);
  await expect(entry).toContainText('VIP Customers');
  await panel.page.getByLabel('Show').selectOption('today');
  await expect(entry).toContainText(`Approved ${person.name}`);
});
