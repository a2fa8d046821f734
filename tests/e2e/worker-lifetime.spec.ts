// Chrome stops the service worker whenever it likes. Stopped mid-task, nothing is lost or done twice,
// and the panel carries on without a reload.
import { overlappingRequests } from '../../dev/sandbox/control';
import { expect, serviceWorker, stopServiceWorker, test } from './fixtures';

test('stopped during an invite: the numbers stay typed, the POST went once, and a retry is harmless', async ({ panel, store, extContext }) => {
  await panel.openGroup('VIP Customers');
  const box = panel.page.getByLabel('Phone numbers');
  await box.fill('+91 98123 45678');
  await store.latency(1500);
  await panel.page.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect.poll(async () => (await store.log()).some((r) => r.path.endsWith('/invitations'))).toBe(true);
  await stopServiceWorker(extContext, panel.page);
  await expect(panel.page.getByRole('alert')).toContainText('The extension restarted before Zoko’s answer arrived.');
  await expect(box).toHaveValue('+91 98123 45678');
  await store.latency(0);
  await expect.poll(async () => (await store.state()).groups.find((g) => g.subject === 'VIP Customers')!.invitations).toEqual(['919812345678']);
  expect((await store.log()).filter((r) => r.path.endsWith('/invitations'))).toHaveLength(1);
  // The agent presses Invite again: the worker starts anew, and Zoko's skip rule makes it harmless.
  await panel.page.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(panel.page.getByRole('list', { name: 'Invitation results' })).toContainText('+919812345678: skipped');
});

test('stopped during approve-all: the list shows the truth after, nothing approved twice', async ({ panel, store, extContext }) => {
  await panel.openGroup('VIP Customers');
  await store.latency(1500);
  await panel.page.getByRole('button', { name: 'Approve all' }).click();
  await expect.poll(async () => (await store.log()).some((r) => r.path.endsWith('/approve'))).toBe(true);
  await stopServiceWorker(extContext, panel.page);
  await expect(panel.page.getByRole('alert').first()).toBeVisible();
  await store.latency(0);
  // The decision landed once at Zoko; the panel re-reads and shows nobody waiting.
  await panel.page.getByRole('button', { name: 'Try again' }).first().click();
  await expect(panel.page.getByText('Nobody is waiting to join.')).toBeVisible();
  expect((await store.log()).filter((r) => r.path.endsWith('/approve'))).toHaveLength(1);
  const vip = (await store.state()).groups.find((g) => g.subject === 'VIP Customers')!;
  expect(vip.join_requests).toEqual([]);
  expect(new Set(vip.participants.map((p) => p.wa_id)).size).toBe(vip.participants.length);
});

test('stopped during a badge poll: the next poll finishes the job, with no request twice in flight', async ({ panel, store, extContext }) => {
  await store.latency(1500);
  await panel.firePollAlarm();
  await expect.poll(async () => (await store.log()).filter((r) => r.path.endsWith('/join-requests')).length).toBeGreaterThan(0);
  await stopServiceWorker(extContext, panel.page);
  await store.latency(0);
  await store.clearLog();
  await panel.expectBadge('12');
  const polls = (await store.log()).filter((r) => r.path.endsWith('/join-requests'));
  expect(polls.length).toBeGreaterThan(0);
  expect(overlappingRequests(polls)).toEqual([]);
  await expect(panel.page.getByRole('button', { name: '12 waiting' })).toBeVisible(); // the open panel follows, no reload
});

test('after a stop, the open panel keeps working without a reload', async ({ panel, extContext }) => {
  await stopServiceWorker(extContext, panel.page);
  await panel.openGroup('VIP Customers');
  await expect(panel.section(/^Join requests/).getByRole('listitem')).toHaveCount(3);
  expect(await (await serviceWorker(extContext)).evaluate(() => typeof chrome.runtime.id)).toBe('string');
});
