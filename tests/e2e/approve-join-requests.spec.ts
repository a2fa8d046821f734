// Journey: people wait to join a group; the agent approves or rejects them, and the badge follows at once.
import { DIALECTS, type Dialect } from '../../dev/sandbox/dialects';
import { expect, SANDBOX_URL, test } from './fixtures';

test('approve one: it leaves the list, joins the group, and the badge drops', async ({ panel, store }) => {
  await panel.expectBadge('12');
  await panel.openGroup('VIP Customers');
  const vip = (await store.state()).groups.find((g) => g.subject === 'VIP Customers')!;
  const first = vip.join_requests[0]!;
  await expect(panel.section(/^Join requests/).getByRole('listitem')).toHaveCount(3);
  await expect(panel.joinRequest(first.name)).toContainText(`+${first.wa_id}`);
  await expect(panel.joinRequest(first.name)).toContainText(/min\. ago/);

  await panel.joinRequest(first.name).getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(panel.section(/^Join requests/).getByRole('listitem')).toHaveCount(2);
  await expect.poll(() => panel.badge()).toBe('11');
  const after = (await store.state()).groups.find((g) => g._id === vip._id)!;
  expect(after.participants.some((p) => p.wa_id === first.wa_id && p.status === 'joined')).toBe(true);
  await expect(panel.page.getByRole('status').filter({ hasText: '1 request approved' })).toBeAttached();
});

test('approve all: one request for everyone, and the list empties', async ({ panel, store }) => {
  await panel.openGroup('VIP Customers');
  await store.clearLog();
  await panel.page.getByRole('button', { name: 'Approve all' }).click();
  await expect(panel.page.getByText('Nobody is waiting to join.')).toBeVisible();
  const posts = (await store.log()).filter((r) => r.method === 'POST');
  expect(posts).toHaveLength(1);
  expect((posts[0]!.body as { join_requests: string[] }).join_requests).toHaveLength(3);
  expect(posts[0]!.path).toMatch(/\/join-requests\/approve$/);
});

test('reject one, then reject the selected ones', async ({ panel, store }) => {
  await panel.openGroup('VIP Customers');
  const vip = (await store.state()).groups.find((g) => g.subject === 'VIP Customers')!;
  const [a, b, c] = vip.join_requests;
  await panel.joinRequest(a!.name).getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(panel.section(/^Join requests/).getByRole('listitem')).toHaveCount(2);
  await panel.joinRequest(b!.name).getByRole('checkbox').check();
  await panel.joinRequest(c!.name).getByRole('checkbox').check();
  await panel.page.getByRole('button', { name: 'Reject selected' }).click();
  await expect(panel.page.getByText('Nobody is waiting to join.')).toBeVisible();
  const after = (await store.state()).groups.find((g) => g._id === vip._id)!;
  expect(after.join_requests).toHaveLength(0);
  expect(after.participants.map((p) => p.wa_id)).not.toContain(a!.wa_id);
});

test('a request handled elsewhere meanwhile: the agent is told, and the list shows the truth', async ({ panel, store, dialect }) => {
  await panel.openGroup('Order Updates — Mumbai');
  const g = (await store.state()).groups.find((x) => x.subject === 'Order Updates — Mumbai')!;
  // Another agent approves it in the meantime (with the id this Zoko takes in paths).
  const pathId = (DIALECTS[dialect] as Dialect).pathId === 'whatsapp' ? g.group_id : g._id;
  await fetch(`${SANDBOX_URL}/v2/channels/whatsapp/cloud/group/${pathId}/join-requests/approve`, {
    method: 'POST', headers: { apikey: store.apiKey, 'content-type': 'application/json' },
    body: JSON.stringify({ join_requests: [g.join_requests[0]!.join_request_id] }),
  });
  await panel.page.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(panel.page.getByRole('alert')).toContainText('That join request no longer exists');
  await expect(panel.page.getByText('Nobody is waiting to join.')).toBeVisible();
});
