// Journey: the toolbar badge tells the agent that people are waiting, even with the panel closed.
import { firePollAlarm, setStored } from '../../dev/extension-storage';
import { expect, serviceWorker, stopServiceWorker, test } from './fixtures';

test('badge = the sandbox pending total; rises after a new request and a poll; tooltip says where', async ({ panel, store, extContext }) => {
  await panel.expectBadge(String((await store.state()).pendingTotal));
  const vip = (await store.state()).groups.find((g) => g.subject === 'VIP Customers')!;
  await store.addJoinRequest(vip._id, { name: 'Nisha Rao' });
  await panel.expectBadge('13');
  const worker = await serviceWorker(extContext);
  expect(await worker.evaluate(() => chrome.action.getTitle({}))).toMatch(
    /^Zoko Groups: 13 waiting to join: VIP Customers \(4\), Returns & Exchanges \(3\), Diwali Sale 2026 \(2\) and 3 more groups$/);
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
