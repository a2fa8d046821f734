// Journey: the toolbar badge tells the agent that people are waiting, even with the panel closed.
import { firePollAlarm, getStored, setStored } from '../../dev/extension-storage';
import { expect, serviceWorker, stopServiceWorker, test } from './fixtures';

test('badge = the sandbox pending total; rises after a new request and a poll; tooltip says where', async ({ panel, store, extContext }) => {
  await panel.expectBadge(String((await store.state()).pendingTotal));
  const vip = (await store.state()).groups.find((g) => g.subject === 'VIP Customers')!;
  await store.addJoinRequest(vip._id, { name: 'Nisha Rao' });
  await panel.expectBadge('13');
  const worker = await serviceWorker(extContext);
  expect(await worker.evaluate(() => chrome.action.getTitle({}))).toMatch(
    /^Zoko Groups: 13 waiting to join: VIP Customers \(4\), Returns & Exchanges \(3\), Diwali Sale 2026 \(2\) and 3 more groups; longest wait \d+ min \(.+\)$/);
});

test('no key → "!" with a tooltip that says so', async ({ openPage, extContext }) => {
  const page = await openPage('sidepanel.html');
  const worker = await serviceWorker(extContext);
  await firePollAlarm(worker);
  await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('!');
  expect(await worker.evaluate(() => chrome.action.getTitle({}))).toContain('add your Zoko API key');
  await page.close();
});

test('the counts survive a worker restart, so the panel and the badge agree', async ({ panel, extContext }) => {
  await panel.expectBadge('12');
  await stopServiceWorker(extContext, panel.page);
  await panel.page.reload();
  await expect(panel.page.getByText('12 groups', { exact: true })).toBeVisible();
  await expect(panel.page.getByRole('button', { name: '12 waiting' })).toBeVisible();
  await expect.poll(() => panel.badge()).toBe('12');
});

test('a notification click opens the panel on that group', async ({ configure, openPage, store, extContext }) => {
  await configure();
  const vip = (await store.state()).groups.find((g) => g.subject === 'VIP Customers')!;
  const worker = await serviceWorker(extContext);
  // What the background's notification click handler stores before opening the panel.
  await setStored(worker, 'session', { openGroup: vip._id });
  const page = await openPage('sidepanel.html');
  await expect(page.getByRole('heading', { level: 2, name: 'VIP Customers' })).toBeVisible();
  // Read once: cleared, so the next time the panel opens it shows the list again.
  await expect(worker).toHaveStorage('session', 'openGroup', undefined);
});

test('a long wait raises one notification per group, not one per poll', async ({ configure, openPage, store, extContext }) => {
  await configure({ waitAlertMinutes: 15, notify: true });
  const page = await openPage('sidepanel.html');
  const worker = await serviceWorker(extContext);
  // The seeded requests asked 7 to 21 minutes ago: groups whose first asker waited over 15 minutes.
  const now = Date.now() / 1000;
  const expected = (await store.state()).groups.filter((g) => !g.suspended && !g.auto_approval
    && g.join_requests.some((r) => now - (r as unknown as { creation_timestamp: number }).creation_timestamp > 15 * 60)).map((g) => g._id).sort();
  expect(expected.length).toBeGreaterThan(0);
  const shown = async () => Object.keys(await worker.evaluate(() => chrome.notifications.getAll())).filter((id) => id.startsWith('wait:')).sort();
  await expect.poll(async () => {
    if ((await shown()).length === 0) await firePollAlarm(worker);
    return shown();
  }, { timeout: 20_000 }).toEqual(expected.map((id) => `wait:${id}`));
  await expect.poll(async () => (await getStored(worker, 'local', 'waitAlerts'))?.alerted.sort()).toEqual(expected);
  // Another round: nobody new is late, so nothing new is raised.
  await firePollAlarm(worker);
  await page.waitForTimeout(1500);
  expect((await getStored(worker, 'local', 'waitAlerts'))!.alerted.sort()).toEqual(expected);
  expect(await shown()).toEqual(expected.map((id) => `wait:${id}`));
  const title = await worker.evaluate(() => chrome.action.getTitle({}));
  expect(title).toMatch(/longest wait \d+ min/);
});
