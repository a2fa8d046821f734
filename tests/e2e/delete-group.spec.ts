// Journey: the agent deletes a group, typing its name to confirm.
import { expect, test } from './fixtures';

test('delete after typing the subject; it leaves the list', async ({ panel, store }) => {
  const g = (await store.state()).groups.find((x) => x.subject === 'Beta Testers')!;
  await panel.openGroup('Beta Testers');
  await panel.page.getByText('Delete group', { exact: true }).click();
  await panel.page.getByRole('button', { name: 'Delete group…' }).click();
  const dialog = panel.dialog();
  const confirm = dialog.getByRole('button', { name: 'Delete group' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Type the group name to confirm').fill('Beta');
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Type the group name to confirm').fill('Beta Testers');
  await confirm.click();
  await expect(panel.page.getByText('“Beta Testers” was deleted.')).toBeVisible();
  await expect(panel.row('Beta Testers')).toHaveCount(0);
  expect((await store.state()).groups.some((x) => x._id === g._id)).toBe(false);
});
