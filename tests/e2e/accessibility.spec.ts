// Every screen, light and dark, passes axe (WCAG 2.2 AA rules), and the daily tasks work from the keyboard.
import { setStored } from '../../dev/extension-storage';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, serviceWorker, test } from './fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function expectNoViolations(page: Page, screen: string) {
  const { violations, passes } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(passes.length, `axe checked ${screen}`).toBeGreaterThan(10);
  const summary = violations.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`);
  expect(summary).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`${scheme}: list, group view with every section open, dialogs, create, hand-off, options`, async ({ panel, extContext, openPage }) => {
    test.slow(); // a dozen screens, each through axe: about 20 s alone, more on a loaded 2-core runner
    const { page } = panel;
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await panel.firePollAlarm();
    await expect(page.locator('.pending').first()).toBeVisible();
    await expectNoViolations(page, 'list');

    await panel.openGroup('VIP Customers');
    for (const name of ['Settings', 'Invitation template', 'Delete group']) await page.getByText(name, { exact: true }).click();
    await expect(page.getByLabel('Template ID')).toBeVisible();
    await page.getByRole('button', { name: 'Show QR code' }).click();
    await page.getByLabel('Phone numbers').fill('+91 98123 45678\n12345');
    await expect(page.locator('.preview')).toBeVisible();
    await expectNoViolations(page, 'group');

    await page.getByRole('button', { name: 'Reset invite link' }).click();
    await expect(panel.dialog()).toBeVisible();
    await expectNoViolations(page, 'reset dialog');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Back to groups' }).click();
    await page.getByRole('button', { name: /^\d+ waiting$/ }).click();
    await expect(page.getByRole('list', { name: 'People waiting to join' }).getByRole('listitem').first()).toBeVisible();
    await page.getByRole('button', { name: 'Approve all that fit' }).click();
    await expect(panel.dialog()).toBeVisible();
    await expectNoViolations(page, 'waiting, with its confirmation');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Back to groups' }).click();

    await page.getByRole('button', { name: 'Activity', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Activity' })).toBeVisible();
    await expectNoViolations(page, 'activity');
    await page.getByRole('button', { name: 'Back to groups' }).click();

    await page.getByRole('searchbox', { name: 'Search groups' }).blur();
    await page.keyboard.press('Control+K');
    await page.keyboard.type('vip');
    await expect(page.getByRole('option').first()).toBeVisible();
    await expectNoViolations(page, 'palette');
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await expectNoViolations(page, 'shortcuts');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Create group' }).click();
    await page.getByRole('button', { name: 'Create group' }).click(); // shows the field error
    await expectNoViolations(page, 'create');

    const worker = await serviceWorker(extContext);
    await setStored(worker, 'session', { handoff: { text: '+91 98765 11122', at: Date.now() } });
    await expect(page.getByRole('heading', { name: 'Invite this number' })).toBeVisible();
    await expectNoViolations(page, 'hand-off');

    const options = await openPage('options.html');
    await options.emulateMedia({ colorScheme: scheme });
    await options.getByRole('button', { name: 'Save' }).click();
    await expectNoViolations(options, 'options');
  });
}

test('keyboard only: search, open a group, approve, go back', async ({ panel }) => {
  const { page } = panel;
  await expect(page.getByRole('searchbox', { name: 'Search groups' })).toBeFocused();
  await page.keyboard.type('vip');
  await expect(panel.rows).toHaveCount(1);
  await page.keyboard.press('Tab'); // Refresh
  await page.keyboard.press('Tab'); // the row
  await expect(page.getByRole('button', { name: /^VIP Customers/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'VIP Customers' })).toBeVisible();
  const approveAll = page.getByRole('button', { name: 'Approve all' });
  await approveAll.focus();
  await expect(approveAll).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Nobody is waiting to join.')).toBeVisible();
  await page.getByRole('button', { name: 'Back to groups' }).focus();
  await page.keyboard.press('Enter');
  await expect(panel.rows.first()).toBeVisible();
});

test('keyboard only: search results by arrow keys, each focus ring whole, axe clean while searching', async ({ panel }) => {
  const { page } = panel;
  const box = page.getByRole('searchbox', { name: 'Search groups' });
  await expect(box).toBeFocused();
  await page.keyboard.type('e');
  await expect(page.getByText(/^\d+ of 12 groups$/)).toBeVisible();
  const shown = await panel.rows.count();
  expect(shown).toBeGreaterThan(2);
  for (let i = 0; i < shown; i++) {
    await page.keyboard.press('ArrowDown');
    await expect(panel.rows.nth(i).locator('.row-main')).toBeFocused();
    // The ring (outline and its offset) lies inside the scroller, which clips whatever overflows it.
    const ring = await page.evaluate(() => {
      const button = document.activeElement as HTMLElement;
      const scroller = button.closest('.scroller')!;
      const style = getComputedStyle(button);
      const reach = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
      const r = button.getBoundingClientRect();
      const s = scroller.getBoundingClientRect();
      const left = s.left + scroller.clientLeft;
      const top = s.top + scroller.clientTop;
      return {
        drawn: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        inside: r.left - reach >= left && r.top - reach >= top
          && r.right + reach <= left + scroller.clientWidth && r.bottom + reach <= top + scroller.clientHeight,
      };
    });
    expect(ring, `row ${i + 1}`).toEqual({ drawn: true, inside: true });
  }
  await expectNoViolations(page, 'list, searching, a result focused');
  for (let i = 0; i < shown; i++) await page.keyboard.press('ArrowUp');
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('e');
});

test('a confirmation traps focus and Escape closes it', async ({ panel }) => {
  const { page } = panel;
  await panel.openGroup('VIP Customers');
  await page.getByRole('button', { name: 'Reset invite link' }).click();
  const dialog = panel.dialog();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null || document.activeElement === document.body)).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
