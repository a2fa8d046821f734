// Under load: 10,000 groups and 2,000 people waiting. The panel stays usable, the badge keeps to its
// request budget, and memory is reported (see the README's "Reliability and security").
import { firePollAlarm, setStored } from '../../dev/extension-storage';
import { newStore, overlappingRequests } from '../../dev/sandbox/control';
import { expect, SANDBOX_URL, serviceWorker, test } from './fixtures';

test('10,000 groups, 2,000 pending requests', async ({ configure, openPage, extContext }, testInfo) => {
  test.setTimeout(90_000);
  const big = await newStore(SANDBOX_URL, { groups: 10_000, extraJoinRequests: 2_000 });
  expect((await big.state()).pendingTotal).toBeGreaterThanOrEqual(2_000);
  await configure();
  const worker = await serviceWorker(extContext);
  await setStored(worker, 'local', { apiKey: big.apiKey });

  const page = await openPage('sidepanel.html');
  await expect(page.getByText('10000 groups')).toBeVisible({ timeout: 20_000 });
  // Usable: search, open a group, come back.
  await page.getByRole('searchbox', { name: 'Search groups' }).fill('Customer Group 09999');
  await expect(page.locator('.group-row')).toHaveCount(1);
  await page.locator('.group-row .row-main').first().click();
  await expect(page.getByRole('heading', { name: 'Join requests' })).toBeVisible();
  await page.getByRole('button', { name: 'Back to groups' }).click();

  // Two polling rounds inside one minute: together within the budget of 60 requests.
  await big.clearLog();
  for (let round = 0; round < 3; round++) {
    await firePollAlarm(worker);
    await expect.poll(async () => (await big.log()).length, { timeout: 20_000 }).toBeGreaterThan(round === 0 ? 0 : 29);
  }
  await page.waitForTimeout(1000); // let a third round try, and be refused by the budget
  const polls = (await big.log()).filter((r) => r.path.endsWith('/join-requests'));
  expect(polls.length).toBeLessThanOrEqual(60);
  // Groups with people waiting come up again in the next round, but never two requests for one group at once.
  expect(overlappingRequests(polls)).toEqual([]);
  await expect.poll(async () => worker.evaluate(() => chrome.action.getBadgeText({}))).not.toBe('');

  const panelHeapMB = await page.evaluate(() => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1e6);
  const storedKB = (await worker.evaluate(() => chrome.storage.local.getBytesInUse(null))) / 1024;
  const figures = { groups: 10_000, pending: (await big.state()).pendingTotal, pollRequestsInOneMinute: polls.length,
    panelHeapMB: +panelHeapMB.toFixed(1), extensionStorageKB: +storedKB.toFixed(0) };
  await testInfo.attach('load-figures', { body: JSON.stringify(figures, null, 2), contentType: 'application/json' });
  console.log(`load figures: ${JSON.stringify(figures)}`);
});

test('10,000 groups with 128-character Devanagari subjects: stored, listed and polled without a failure', async ({ configure, openPage, extContext }, testInfo) => {
  test.setTimeout(90_000);
  const big = await newStore(SANDBOX_URL, { groups: 10_000, longSubjects: true });
  await configure();
  const worker = await serviceWorker(extContext);
  await setStored(worker, 'local', { apiKey: big.apiKey });
  const page = await openPage('sidepanel.html');
  await expect(page.getByText('10000 groups')).toBeVisible({ timeout: 20_000 });
  await firePollAlarm(worker);
  await expect.poll(async () => (await big.log()).some((r) => r.path.endsWith('/join-requests')), { timeout: 20_000 }).toBe(true);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The list is cached (the next panel paints from it) and readable.
  await expect.poll(async () => (await worker.evaluate(() => chrome.storage.local.getBytesInUse('groupCache')))).toBeGreaterThan(5_000_000);
  const again = await openPage('sidepanel.html');
  await expect(again.locator('.group-row').first()).toBeVisible();
  const storedKB = (await worker.evaluate(() => chrome.storage.local.getBytesInUse(null))) / 1024;
  await testInfo.attach('storage-figures', { body: JSON.stringify({ storedKB }), contentType: 'application/json' });
  console.log(`storage figures: ${JSON.stringify({ groups: 10_000, subject: '128 Devanagari characters', extensionStorageKB: +storedKB.toFixed(0) })}`);
});
