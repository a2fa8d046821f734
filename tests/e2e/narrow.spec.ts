// Firefox's sidebar starts 240 px wide: at that width no screen scrolls sideways and every button is whole.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** What sticks out of a 240 px panel: the page's own overflow, and any visible button cut by the right edge. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const doc = document.scrollingElement!;
    const cut = [...document.querySelectorAll('button')].filter((b) => {
      const r = b.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && r.right > window.innerWidth + 0.5;
    }).map((b) => b.textContent?.trim() || b.getAttribute('aria-label'));
    return { sideways: doc.scrollWidth - doc.clientWidth, cut };
  });
}

test('at 240 px: the list, a group with requests, and Waiting fit', async ({ panel }) => {
  const { page } = panel;
  await page.setViewportSize({ width: 240, height: 720 });
  await expect(page.locator('.group-row').first()).toBeVisible();
  expect(await overflow(page), 'list').toEqual({ sideways: 0, cut: [] });
  await panel.openGroup('VIP Customers');
  await expect(page.getByRole('heading', { name: /^Join requests/ })).toBeVisible();
  expect(await overflow(page), 'group').toEqual({ sideways: 0, cut: [] });
  await page.getByRole('button', { name: 'Back to groups' }).click();
  await page.getByRole('button', { name: /^\d+ waiting$/ }).click();
  await expect(page.getByRole('list', { name: 'People waiting to join' }).getByRole('listitem').first()).toBeVisible();
  expect(await overflow(page), 'Waiting').toEqual({ sideways: 0, cut: [] });
});
