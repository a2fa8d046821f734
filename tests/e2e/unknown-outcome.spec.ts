// Journey: Zoko makes the change but its answer never arrives (the client times out). The extension never
// sends the write again by itself; it reads what the write would change and shows what really happened.
// Each case ends with the sandbox's log and state: one write, no duplicate group, invitation, approval or reset.
import type { Page } from '@playwright/test';
import type { SandboxControl } from '../../dev/sandbox/control';
import { expect, test } from './fixtures';
import type { PanelPage } from './panel';

const GROUP = 'VIP Customers';
/** The answer never comes, after the change is made (the e2e build times out after 2.5 s). */
const lostAnswer = (store: SandboxControl, method: string, path: string, exact = false) =>
  store.fault({ kind: 'timeout', after: true, method, path, exact });
const writes = async (store: SandboxControl) => (await store.log()).filter((r) => r.method !== 'GET');
const vip = async (store: SandboxControl) => (await store.state()).groups.find((g) => g.subject === GROUP)!;
const noAlert = (page: Page) => expect(page.getByRole('alert')).toHaveCount(0);

async function open(panel: PanelPage, store: SandboxControl) {
  await panel.openGroup(GROUP);
  await store.clearLog();
}

test('create: the group was made, so it opens — once', async ({ panel, store }) => {
  await panel.page.getByRole('button', { name: 'Create group' }).first().click();
  await panel.page.getByLabel('Subject').fill('Lost Answer Launch');
  await lostAnswer(store, 'POST', '/', true);
  await panel.page.getByRole('button', { name: 'Create group' }).click();
  await expect(panel.page.getByRole('heading', { level: 2, name: 'Lost Answer Launch' })).toBeVisible({ timeout: 10_000 });
  expect((await store.state()).groups.filter((g) => g.subject === 'Lost Answer Launch')).toHaveLength(1);
  expect(await writes(store)).toHaveLength(1);
});

test('invite: the agent is told a repeat is safe, and the repeat is skipped by Zoko', async ({ panel, store }) => {
  await open(panel, store);
  await panel.page.getByLabel('Phone numbers').fill('+91 98123 45670');
  await lostAnswer(store, 'POST', '/invitations');
  await panel.page.getByRole('button', { name: 'Invite', exact: true }).click();
  const alert = panel.page.getByRole('alert').filter({ hasText: 'sending again is safe' });
  await expect(alert).toBeVisible({ timeout: 10_000 });
  await expect(panel.page.getByLabel('Phone numbers')).toHaveValue('+91 98123 45670');
  await panel.page.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(panel.page.getByRole('list', { name: 'Invitation results' })).toContainText('+919812345670: skipped');
  expect((await vip(store)).invitations).toEqual(['919812345670']);
});

test('remove: the member is shown as gone, without a second request', async ({ panel, store }) => {
  const target = (await vip(store)).participants.find((p) => !p.is_admin && p.status === 'joined')!;
  await open(panel, store);
  await lostAnswer(store, 'POST', '/remove-participants');
  await panel.section('Participants').getByRole('listitem', { name: target.name }).first().getByRole('button', { name: 'Remove' }).click();
  await panel.dialog().getByRole('button', { name: 'Remove' }).click();
  await expect.poll(async () => (await vip(store)).participants.find((p) => p.wa_id === target.wa_id)!.status).toBe('removed');
  await expect(panel.section('Participants').getByRole('listitem', { name: target.name }).first()).toContainText('removed', { timeout: 10_000 });
  await noAlert(panel.page);
  expect(await writes(store)).toHaveLength(1);
});

for (const action of ['Approve', 'Reject'] as const) {
  test(`${action.toLowerCase()}: the request leaves the list, decided once`, async ({ panel, store }) => {
    const request = (await vip(store)).join_requests[0]!;
    await open(panel, store);
    await lostAnswer(store, 'POST', `/join-requests/${action.toLowerCase()}`);
    await panel.joinRequest(request.name).getByRole('button', { name: action, exact: true }).click();
    await expect(panel.joinRequest(request.name)).toBeHidden({ timeout: 10_000 });
    await noAlert(panel.page);
    expect(await writes(store)).toHaveLength(1);
    const after = await vip(store);
    expect(after.participants.filter((p) => p.wa_id === request.wa_id)).toHaveLength(action === 'Approve' ? 1 : 0);
  });
}

test('delete: back on the list, the group gone, deleted once', async ({ panel, store }) => {
  await open(panel, store);
  await panel.page.getByText('Delete group', { exact: true }).click();
  await panel.page.getByRole('button', { name: 'Delete group…' }).click();
  await panel.dialog().getByLabel('Type the group name to confirm').fill(GROUP);
  await lostAnswer(store, 'POST', '/delete');
  await panel.dialog().getByRole('button', { name: 'Delete group' }).click();
  await expect(panel.page.getByText(`“${GROUP}” was deleted.`)).toBeVisible({ timeout: 10_000 });
  expect((await store.state()).groups.some((g) => g.subject === GROUP)).toBe(false);
  expect(await writes(store)).toHaveLength(1);
});

test('reset link: the new link is shown, and the link was reset once', async ({ panel, store }) => {
  const before = (await vip(store)).invite_link;
  await open(panel, store);
  await lostAnswer(store, 'PUT', '/invite-link');
  await panel.page.getByRole('button', { name: 'Reset invite link' }).click();
  await panel.dialog().getByRole('button', { name: 'Reset link' }).click();
  await expect.poll(async () => (await vip(store)).invite_link).not.toBe(before);
  const now = (await vip(store)).invite_link;
  await expect(panel.section('Invite link')).toContainText(now, { timeout: 10_000 });
  await noAlert(panel.page);
  expect(await writes(store)).toHaveLength(1);
});
