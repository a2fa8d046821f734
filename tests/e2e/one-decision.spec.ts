// Journey: Zoko answers slowly (700 ms) and the agent decides fast, from the keyboard and with double clicks.
// Each request gets one decision: the row says it is on its way, and the next key goes to the next person.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import type { SandboxControl } from '../../dev/sandbox/control';
import { expect, test } from './fixtures';
import type { PanelPage } from './panel';

const SLOW_MS = 700;

/** The decisions the sandbox was sent: which request ids, approved or rejected, and how Zoko answered. */
async function decisions(store: SandboxControl) {
  return (await store.log()).filter((r) => r.method === 'POST' && /\/join-requests\/(approve|reject)$/.test(r.path))
    .map((r) => ({ action: r.path.endsWith('/approve') ? 'approve' : 'reject', ids: (r.body as { join_requests: string[] }).join_requests, status: r.status }));
}

/** Everyone waiting, by name, with their group. */
async function waitingByName(store: SandboxControl) {
  const groups = (await store.state()).groups;
  return new Map(groups.flatMap((g) => g.join_requests.map((r) => [r.name, { ...r, groupId: g._id }] as const)));
}

async function openWaiting(panel: PanelPage): Promise<Locator> {
  await panel.firePollAlarm(); // the list's header shows the queue once the badge has counted
  await panel.page.getByRole('button', { name: /^\d+ waiting$/ }).click();
  await expect(panel.page.getByRole('heading', { level: 2, name: 'Waiting' })).toBeVisible();
  const list = panel.page.getByRole('list', { name: 'People waiting to join' });
  await expect(list.getByRole('listitem').first()).toBeVisible();
  return list;
}

/** The rows' names in the order shown (oldest first), and which can be approved (their group has a seat). */
async function rowsShown(list: Locator) {
  const items = await list.getByRole('listitem').all();
  return Promise.all(items.map(async (item) => ({
    name: (await item.getAttribute('aria-label'))!, fits: !(await item.textContent())!.includes('group full'),
  })));
}

test('Waiting: a then r while Zoko answers — the first is approved, the next one rejected, one POST each', async ({ panel, store }) => {
  const list = await openWaiting(panel);
  const shown = await rowsShown(list);
  const approved = shown.find((r) => r.fits)!; // a: the oldest who fits a seat
  const rejected = shown.find((r) => r !== approved)!; // r: the oldest other one, undecided
  const people = await waitingByName(store);
  await store.latency(SLOW_MS);
  await store.clearLog();

  await panel.page.getByRole('heading', { level: 2, name: 'Waiting' }).click(); // out of any field
  await panel.page.keyboard.press('a');
  await panel.page.keyboard.press('r');
  // `r` asks first, naming who and where; Enter (the second key) says yes.
  await expect(panel.dialog()).toContainText(`Reject ${rejected.name}?`);
  await panel.page.keyboard.press('Enter');
  const approvedRow = list.getByRole('listitem', { name: approved.name, exact: true });
  const rejectedRow = list.getByRole('listitem', { name: rejected.name, exact: true });
  await expect(approvedRow).toContainText('Approving…');
  await expect(rejectedRow).toContainText('Rejecting…');
  await expect(approvedRow.getByRole('button', { name: 'Reject', exact: true })).toBeDisabled();
  await expectAxeClean(panel.page, 'Waiting, decisions on their way');

  await expect(approvedRow.getByText('approved', { exact: true })).toBeVisible();
  await expect(rejectedRow.getByText('rejected', { exact: true })).toBeVisible();
  await expect(list.getByText('request gone', { exact: true })).toHaveCount(0);
  expect(await decisions(store)).toEqual([
    { action: 'approve', ids: [people.get(approved.name)!.join_request_id], status: 200 },
    { action: 'reject', ids: [people.get(rejected.name)!.join_request_id], status: 200 },
  ]);
  const after = (await store.state()).groups;
  const a = people.get(approved.name)!;
  expect(after.find((g) => g._id === a.groupId)!.participants.some((p) => p.wa_id === a.wa_id && p.status === 'joined')).toBe(true);
  const r = people.get(rejected.name)!;
  expect(after.find((g) => g._id === r.groupId)!.join_requests.some((x) => x.join_request_id === r.join_request_id)).toBe(false);
});

test('Waiting: a a approves two different people; a double click approves one person once', async ({ panel, store }) => {
  const list = await openWaiting(panel);
  const shown = (await rowsShown(list)).filter((r) => r.fits);
  expect(shown.length).toBeGreaterThanOrEqual(3);
  const people = await waitingByName(store);
  await store.latency(SLOW_MS);
  await store.clearLog();

  await panel.page.getByRole('heading', { level: 2, name: 'Waiting' }).click();
  await panel.page.keyboard.press('a');
  await panel.page.keyboard.press('a');
  // The third person's Approve, clicked twice in a row.
  const third = shown.find((r) => ![0, 1].some((i) => r === shown[i]))!;
  await list.getByRole('listitem', { name: third.name, exact: true }).getByRole('button', { name: 'Approve', exact: true }).dblclick();
  await expect(list.getByText('Approving…')).toHaveCount(0, { timeout: 10_000 });

  const sent = await decisions(store);
  expect(sent.map((d) => d.action)).toEqual(['approve', 'approve', 'approve']);
  const ids = sent.flatMap((d) => d.ids);
  expect(new Set(ids).size).toBe(3); // three people, one POST each: nobody twice
  expect(ids).toContain(people.get(third.name)!.join_request_id);
  expect(sent.every((d) => d.status === 200)).toBe(true);
  await expect(list.getByText('approved', { exact: true })).toHaveCount(3);
});

test('a group: a a r while Zoko answers — three people, three POSTs, none twice; a double click sends one', async ({ panel, store }) => {
  const id = (await store.state()).groups.find((g) => g.subject === 'VIP Customers')!._id;
  await store.addJoinRequest(id); // four waiting: a, a, r, and one for the double click
  const asked = (r: object) => (r as { creation_timestamp: number }).creation_timestamp;
  const waiting = [...(await store.state()).groups.find((g) => g._id === id)!.join_requests].sort((x, y) => asked(x) - asked(y));
  await panel.openGroup('VIP Customers');
  const requests = panel.section(/^Join requests/).getByRole('listitem');
  await expect(requests).toHaveCount(4);
  await store.latency(SLOW_MS);
  await store.clearLog();

  const { page } = panel;
  await page.getByRole('heading', { level: 2, name: 'VIP Customers' }).click(); // out of any field
  await page.keyboard.press('a');
  await page.keyboard.press('a');
  await page.keyboard.press('r');
  await expect(panel.dialog()).toContainText(`${waiting[2]!.name} asked to join VIP Customers`);
  await page.keyboard.press('Enter');
  await expect(requests.filter({ hasText: 'Approving…' })).toHaveCount(2);
  await expect(panel.joinRequest(waiting[2]!.name)).toContainText('Rejecting…');
  await expectAxeClean(page, 'join requests, decisions on their way');
  const last = panel.joinRequest(waiting[3]!.name);
  await expect(last).not.toContainText(/Approving…|Rejecting…/);
  await last.getByRole('button', { name: 'Approve', exact: true }).dblclick();
  await expect(page.getByText('Nobody is waiting to join.')).toBeVisible({ timeout: 10_000 });

  const sent = await decisions(store);
  const idsOf = (...people: typeof waiting) => people.map((r) => r.join_request_id);
  expect(sent).toEqual([
    { action: 'approve', ids: idsOf(waiting[0]!), status: 200 }, { action: 'approve', ids: idsOf(waiting[1]!), status: 200 },
    { action: 'reject', ids: idsOf(waiting[2]!), status: 200 }, { action: 'approve', ids: idsOf(waiting[3]!), status: 200 },
  ]);
  const joined = (await store.state()).groups.find((g) => g._id === id)!.participants.filter((p) => p.status === 'joined').map((p) => p.wa_id);
  expect([0, 1, 2, 3].map((i) => joined.includes(waiting[i]!.wa_id))).toEqual([true, true, false, true]);
});

test('a slow Zoko (6 s): only the row being approved waits, counting; the rest works; an unknown outcome is read until known', async ({ panel, store }) => {
  const vip = (await store.state()).groups.find((g) => g.subject === 'VIP Customers')!;
  await panel.openGroup('VIP Customers');
  const requests = panel.section(/^Join requests/).getByRole('listitem');
  await expect(requests.first()).toBeVisible();
  const [first, second] = await requests.all();
  const name = (await first!.getAttribute('aria-label'))!;
  const person = vip.join_requests.find((r) => r.name === name)!;
  await store.latency(6_000);
  await first!.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(first!).toContainText('Approving…');
  // Past 3 s the row says what it waits for, and the seconds count.
  await expect(first!).toContainText(/Still waiting for Zoko \([3-5] s\)/, { timeout: 5_000 });
  await expect(first!).toContainText(/Still waiting for Zoko \([4-6] s\)/, { timeout: 3_000 });
  // Nothing else is frozen: the next person can be decided, and the agent can leave and search.
  await expect(second!.getByRole('button', { name: 'Reject', exact: true })).toBeEnabled();
  await expect(second!.getByRole('checkbox')).toBeEnabled();
  await panel.page.getByRole('button', { name: 'Back to groups' }).click();
  const search = panel.page.getByRole('searchbox', { name: 'Search groups' });
  await search.fill('whol');
  await expect(panel.page.locator('.group-row')).toHaveCount(1);
  await store.latency(0);
  // The one approval arrives, once, and the group no longer lists the person.
  await expect.poll(async () => (await store.state()).groups.find((g) => g._id === vip._id)!.participants
    .filter((p) => p.wa_id === person.wa_id && p.status === 'joined').length, { timeout: 15_000 }).toBe(1);
  await search.fill('');
  await panel.openGroup('VIP Customers');
  // This build gives up on an answer after 2.5 s, so the outcome was not known: the panel reads again until it is,
  // and Zoya is no longer offered for approval (Zoko approved her).
  await expect(panel.joinRequest(name)).toHaveCount(0, { timeout: 10_000 });
});

async function expectAxeClean(page: Page, screen: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(violations.map((v) => `${screen} (${colorScheme}): ${v.id} ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  }
}

test('a stray r sends nothing: it asks, and Escape keeps the request', async ({ panel, store }) => {
  const list = await openWaiting(panel);
  const before = await list.getByRole('listitem').count();
  const first = (await rowsShown(list))[0]!;
  await store.clearLog();
  await panel.page.getByRole('heading', { level: 2, name: 'Waiting' }).click(); // out of any field
  await panel.page.keyboard.press('r');
  const dialog = panel.dialog();
  await expect(dialog).toContainText(`Reject ${first.name}?`);
  await expect(dialog.getByRole('button', { name: 'Reject', exact: true })).toBeFocused();
  await panel.page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(list.getByRole('listitem')).toHaveCount(before);
  await expect(list.getByRole('listitem', { name: first.name, exact: true })).not.toContainText('Rejecting…');
  expect(await decisions(store)).toEqual([]);
});
