// Journeys: full and suspended groups are seen before the agent acts (issue 19, "State before action").
// The list's rows say "Full" at 8 of 8 seats, a full group's approvals are disabled with the reason, and
// the pickers (the hand-off, This chat's "Invite to…", the palette) mark full and suspended groups and
// refuse an invitation into them with a sentence, sending nothing (counted in the sandbox's log).
import type { BrowserContext, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import type { SandboxControl } from '../../dev/sandbox/control';
import { setStored } from '../../dev/extension-storage';
import { expect, INBOX_URL, serviceWorker, test } from './fixtures';
import type { PanelPage } from './panel';

const FULL_WHY = 'Support Team is full (all 8 seats are taken). Remove someone first.';
const SUSPENDED_WHY = 'WhatsApp has suspended Flash Deals (archived), so nobody can be invited to it.';

const groupNamed = async (store: SandboxControl, subject: string) => (await store.state()).groups.find((g) => g.subject === subject)!;
const joined = async (store: SandboxControl, subject: string) => (await groupNamed(store, subject)).participants.filter((p) => p.status === 'joined').length;
const posts = async (store: SandboxControl) => (await store.log()).filter((r) => r.method === 'POST');

/** Fills Beta Testers to 8 through the sandbox: it approves joins automatically, so each person who opens the link joins. */
async function fillBetaTesters(store: SandboxControl) {
  const beta = await groupNamed(store, 'Beta Testers');
  for (let n = await joined(store, 'Beta Testers'); n < 8; n++) await store.addJoinRequest(beta._id);
  expect(await joined(store, 'Beta Testers')).toBe(8);
}

/** Opens Flash Deals once, so the panel knows it is suspended (Zoko's list does not say; its details do). */
async function learnSuspended(panel: PanelPage) {
  await panel.openGroup('Flash Deals (archived)');
  await panel.page.getByRole('button', { name: 'Back to groups' }).click();
  await expect(panel.row('Flash Deals (archived)')).toContainText('Suspended');
}

test('a full group\'s row says Full, and its approvals are disabled with the reason; nothing is sent', async ({ panel, store }) => {
  // Support Team is seeded with 8 joined; two more people ask to join it.
  expect(await joined(store, 'Support Team')).toBe(8);
  const support = await groupNamed(store, 'Support Team');
  await store.addJoinRequest(support._id, { name: 'Kabir Khan' });
  await store.addJoinRequest(support._id, { name: 'Diya Nair' });
  await fillBetaTesters(store);
  await panel.page.getByRole('button', { name: 'Refresh' }).click();

  await expect(panel.row('Support Team')).toContainText('8/8 members');
  await expect(panel.row('Support Team').locator('.tag')).toHaveText('Full');
  await expect(panel.row('Beta Testers').locator('.tag', { hasText: 'Full' })).toBeVisible(); // made full just now
  await expect(panel.row('VIP Customers')).not.toContainText('Full');

  await panel.openGroup('Support Team');
  await store.clearLog();
  const requests = panel.section(/^Join requests/);
  await expect(requests.getByRole('button', { name: 'Approve all' })).toBeDisabled();
  await expect(requests.getByText('The group is full (8 people). Remove someone before approving.')).toBeVisible();
  await expect(requests.getByRole('button', { name: 'Approve all' })).toHaveAccessibleDescription('The group is full (8 people). Remove someone before approving.');
  await expect(panel.joinRequest('Kabir Khan').getByRole('button', { name: 'Approve' })).toBeDisabled();
  await expect(panel.joinRequest('Kabir Khan').getByRole('button', { name: 'Reject' })).toBeEnabled(); // a rejection still fits
  await requests.getByRole('button', { name: 'Approve all' }).click({ force: true }); // a click on the disabled button does nothing
  expect(await posts(store)).toEqual([]);
  expect((await groupNamed(store, 'Support Team')).join_requests).toHaveLength(2);
});

test('the hand-off marks full and suspended groups and refuses them with a sentence, sending nothing', async ({ panel, store, extContext }) => {
  await learnSuspended(panel);
  const support = await groupNamed(store, 'Support Team');
  await store.clearLog();
  // What "Invite “…” to Support Team — full" hands over when the number needs a look.
  await setStored(await serviceWorker(extContext), 'session', { handoff: { text: 'call +91 98765 11122', at: Date.now(), groupId: support._id } });
  const page = panel.page;
  await expect(page.getByRole('heading', { name: 'Invite this number' })).toBeVisible();
  const select = page.getByLabel('Group', { exact: true });
  await expect(select).toHaveValue(support._id);
  await expect(select.locator('option', { hasText: 'Support Team' })).toHaveText('Support Team — Full');
  await expect(select.locator('option', { hasText: 'Flash Deals' })).toHaveText('Flash Deals (archived) — Suspended');
  await expect(page.getByRole('alert').filter({ hasText: FULL_WHY })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Invite', exact: true })).toBeDisabled();

  await select.selectOption({ label: 'Flash Deals (archived) — Suspended' });
  await expect(page.getByRole('alert').filter({ hasText: SUSPENDED_WHY })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Invite', exact: true })).toBeDisabled();
  await page.getByRole('button', { name: 'Invite', exact: true }).click({ force: true });
  expect(await posts(store)).toEqual([]);

  // A group with a free seat: the reason goes, and the invitation is sent once.
  await select.selectOption({ label: 'VIP Customers' });
  await expect(page.getByRole('alert').filter({ hasText: /seats are taken|suspended/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Invitation sent.' })).toBeVisible();
  expect(await posts(store)).toHaveLength(1);
});

async function openInbox(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 }); // the readers read only what is inside the viewport
  await page.goto(`${INBOX_URL}/${path}`);
  return page;
}

test('This chat\'s "Invite to…" lists full and suspended groups marked; picking one says why and invites nobody', async ({ panel, store, extContext }) => {
  await learnSuspended(panel);
  await openInbox(extContext, 'generic?chat=1');
  await panel.page.bringToFront();
  const site = new URL(INBOX_URL).host;
  await panel.page.getByRole('button', { name: `Use with ${site}` }).click();
  const card = panel.page.getByRole('region', { name: /This chat/ });
  await expect(card.getByTestId('chat-number')).toHaveText('+91 98765 43210');
  await store.clearLog();

  for (const [subject, tag, why] of [['Support Team', 'Full', FULL_WHY], ['Flash Deals (archived)', 'Suspended', SUSPENDED_WHY]] as const) {
    await card.getByRole('button', { name: 'Invite to…' }).click();
    const picker = panel.page.getByRole('dialog', { name: 'Invite +91 98765 43210 to' });
    const item = picker.getByRole('button', { name: new RegExp(`^${subject.replace(/[()]/g, '\\$&')}`) });
    await expect(item.locator('.tag')).toHaveText(tag);
    await expect(picker.getByRole('button', { name: /^VIP Customers/ }).locator('.tag')).toHaveCount(0);
    if (tag === 'Full') await expectAxeClean(panel.page, 'group picker with marked groups');
    await item.click();
    await expect(picker).toBeHidden();
    await expect(card).toContainText(`+91 98765 43210 was not invited: ${why}`);
  }
  expect(await posts(store)).toEqual([]);
  expect((await groupNamed(store, 'Support Team')).invitations).toEqual([]);
});

test('the palette marks a full group\'s results', async ({ panel }) => {
  const { page } = panel;
  await page.getByRole('searchbox', { name: 'Search groups' }).blur();
  await page.keyboard.press('Control+K');
  await expect(page.getByRole('combobox', { name: 'Group or action' })).toBeFocused(); // the palette loads on first use
  await page.keyboard.type('invite support');
  await expect(page.getByRole('option').first()).toHaveText(/^Invite numbers to Support Team Full$/);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`${scheme}: the list with a full row, a full group, the marked picker and the refused hand-off pass axe`, async ({ panel, store, extContext }) => {
    const { page } = panel;
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await store.addJoinRequest((await groupNamed(store, 'Support Team'))._id, { name: 'Kabir Khan' });
    await learnSuspended(panel);
    await expect(panel.row('Support Team').locator('.tag')).toHaveText('Full');
    await expectAxeClean(page, 'list with a full and a suspended row');

    await panel.openGroup('Support Team');
    await expect(panel.section(/^Join requests/).getByRole('button', { name: 'Approve all' })).toBeDisabled();
    await expectAxeClean(page, 'a full group, approvals disabled');
    await page.getByRole('button', { name: 'Back to groups' }).click();

    await page.getByRole('searchbox', { name: 'Search groups' }).blur();
    await page.keyboard.press('Control+K');
    await expect(page.getByRole('combobox', { name: 'Group or action' })).toBeFocused();
    await page.keyboard.type('support');
    await expect(page.getByRole('option').first().locator('.tag')).toHaveText('Full');
    await expectAxeClean(page, 'palette with a full group');
    await page.keyboard.press('Escape');

    const support = await groupNamed(store, 'Support Team');
    await setStored(await serviceWorker(extContext), 'session', { handoff: { text: '+91 98765 11122', at: Date.now(), groupId: support._id } });
    await expect(page.getByRole('alert').filter({ hasText: FULL_WHY })).toBeVisible();
    await expectAxeClean(page, 'hand-off refusing a full group');
  });
}

async function expectAxeClean(page: Page, screen: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(violations.map((v) => `${screen}: ${v.id} ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
}
