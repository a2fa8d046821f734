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

test('someone known by a WhatsApp username (no phone number): shown by name and id, approved, then removed', async ({ panel, store }) => {
  const g = (await store.state()).groups.find((x) => x.subject === 'VIP Customers')!;
  await store.addJoinRequest(g._id, { wa_id: 'IN.8f3a2c71d0', name: 'Kavya Menon' });
  await panel.openGroup('VIP Customers');
  const request = panel.joinRequest('Kavya Menon');
  await expect(request).toContainText('IN.8f3a2c71d0');
  await expect(request).not.toContainText('+IN');
  await request.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(panel.joinRequest('Kavya Menon')).toBeHidden();
  const member = panel.section('Participants').getByRole('listitem', { name: 'Kavya Menon' }).first();
  await expect(member).toContainText('IN.8f3a2c71d0');
  await member.getByRole('button', { name: 'Remove' }).click();
  await panel.dialog().getByRole('button', { name: 'Remove' }).click();
  await expect.poll(async () => (await store.state()).groups.find((x) => x._id === g._id)!
    .participants.find((p) => p.wa_id === 'IN.8f3a2c71d0')?.status).toBe('removed');
  const post = (await store.log()).find((r) => r.path.endsWith('/remove-participants'))!;
  expect(post.body).toMatchObject({ participants: ['IN.8f3a2c71d0'] }); // passed back exactly as Zoko gave it
});

test('"Approve all" with fewer seats than people waiting approves those who asked first, and says so', async ({ panel, store }) => {
  const g = (await store.state()).groups.find((x) => x.subject === 'VIP Customers')!;
  const free = 8 - g.participants.filter((p) => p.status === 'joined').length;
  while ((await store.state()).groups.find((x) => x._id === g._id)!.join_requests.length <= free) await store.addJoinRequest(g._id);
  await panel.openGroup('VIP Customers');
  await panel.page.getByRole('button', { name: 'Approve all' }).click();
  await expect(panel.page.getByRole('status').filter({ hasText: `Only ${free} seats are free` })).toBeVisible();
  // The notice shows as the decision is sent: wait for the request itself.
  await expect.poll(async () => (await store.log()).some((r) => r.path.endsWith('/approve'))).toBe(true);
  const post = (await store.log()).find((r) => r.path.endsWith('/approve'))!;
  expect((post.body as { join_requests: string[] }).join_requests).toHaveLength(free);
  expect((await store.log()).filter((r) => r.status === 400)).toEqual([]); // nothing WhatsApp would refuse was sent
});

test.describe('a Zoko that lists fewer join requests than it counts', () => {
  test.use({ dialect: 'paged' });

  test('the group says how many are waiting and how many are shown; the badge counts them all', async ({ panel, store }) => {
    const waiting = (await store.state()).groups.find((g) => g.subject === 'VIP Customers')!.join_requests.length;
    await panel.openGroup('VIP Customers');
    await expect(panel.page.getByText(`Showing 1 of ${waiting} waiting.`)).toBeVisible();
    await expect(panel.section(/^Join requests/).locator('.count')).toContainText(String(waiting));
    await panel.expectBadge(String((await store.state()).pendingTotal));
  });
});
