// Journey: the agent creates a group; Zoko answers at once (200) or later (202).
import { expect, serviceWorker, stopServiceWorker, test } from './fixtures';

test('200: the new group opens', async ({ panel, store }) => {
  await panel.page.getByRole('button', { name: 'Create group' }).click();
  await panel.page.getByLabel('Subject').fill('  Weekend Pop-up  ');
  await panel.page.getByRole('button', { name: 'Create group' }).click();
  await expect(panel.page.getByRole('heading', { level: 2, name: 'Weekend Pop-up' })).toBeVisible();
  const post = (await store.log()).find((r) => r.method === 'POST')!;
  expect(post.body).toEqual({ subject: 'Weekend Pop-up', agent_id: 'agent-e2e-1' });
});

test('an empty or too long subject is refused, and what was typed stays', async ({ panel, store }) => {
  await panel.page.getByRole('button', { name: 'Create group' }).click();
  await panel.page.getByRole('button', { name: 'Create group' }).click();
  await expect(panel.page.getByText('Give the group a name.')).toBeVisible();
  const long = 'x'.repeat(129);
  await panel.page.getByLabel('Subject').fill(long);
  await expect(panel.page.locator('.counter.over')).toHaveText('129/128');
  await panel.page.getByRole('button', { name: 'Create group' }).click();
  await expect(panel.page.getByText('Keep the name to 128 characters.')).toBeVisible();
  await expect(panel.page.getByLabel('Subject')).toHaveValue(long);
  expect((await store.log()).filter((r) => r.method === 'POST')).toHaveLength(0);
});

test('202: a "Creating…" row becomes the group when it appears', async ({ panel, store }) => {
  await store.createMode('async', 1500);
  await panel.page.getByRole('button', { name: 'Create group' }).click();
  await panel.page.getByLabel('Subject').fill('Festive Preorders');
  await panel.page.getByRole('button', { name: 'Create group' }).click();
  await expect(panel.page.getByText('Zoko is creating “Festive Preorders”')).toBeVisible();
  await expect(panel.page.getByText('Creating “Festive Preorders”…')).toBeVisible();
  await expect(panel.row('Festive Preorders')).toBeVisible({ timeout: 15_000 });
  await expect(panel.page.getByText('Creating “Festive Preorders”…')).toBeHidden();
});

test('202: the worker is stopped mid-creation and the creation still resolves', async ({ panel, store, extContext }) => {
  await store.createMode('async', 1500);
  await panel.page.getByRole('button', { name: 'Create group' }).click();
  await panel.page.getByLabel('Subject').fill('Survives Restarts');
  await panel.page.getByRole('button', { name: 'Create group' }).click();
  await expect(panel.page.getByText('Creating “Survives Restarts”…')).toBeVisible();
  await stopServiceWorker(extContext, panel.page);
  // Any event wakes the worker; on start it resumes watching what storage says is pending.
  await panel.page.getByRole('button', { name: 'Refresh' }).click();
  await expect(panel.row('Survives Restarts')).toBeVisible({ timeout: 20_000 });
  await expect(panel.page.getByText('Creating “Survives Restarts”…')).toBeHidden();
  await expect(await serviceWorker(extContext)).toHaveStorage('local', 'pendingCreations', []);
});
