/**
 * `npx tsx scripts/compare-shots.ts <out-dir>`: the panel at 320 and 360 px, light and dark, English and Spanish,
 * against the sandbox (list, Waiting, a group, its invite card), for before → after comparisons in closing notes.
 * Selectors avoid words, so one script shoots both languages and both sides of a change.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { DEFAULT_SETTINGS } from '../utils/config';
import { startSandbox } from '../dev/sandbox/server';
import { buildExtension } from '../dev/build-extension';
import { launchExtension } from '../dev/chromium';
import { configureExtension, firePollAlarm } from '../dev/extension-storage';

const OUT = process.argv[2] ?? '.output/compare-shots';
mkdirSync(OUT, { recursive: true });
const sandbox = await startSandbox({ port: 0 });
const dir = buildExtension(sandbox.baseUrl, '.output/compare-shots-build');

async function shoot(page: Page, name: string) {
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/${name}.png` });
  console.log(`${OUT}/${name}.png`);
}

for (const lang of ['en', 'es'] as const) {
  const { context, worker, id } = await launchExtension(dir, {
    locale: lang === 'es' ? 'es-ES' : 'en-US', extraArgs: [`--lang=${lang}`], viewport: { width: 360, height: 800 },
  });
  await configureExtension(worker, sandbox.apiKey, { ...DEFAULT_SETTINGS, agentId: 'demo', agentEmail: 'a@demo.store', notify: false });
  await new Promise((r) => setTimeout(r, 1000));
  await firePollAlarm(worker);
  // A worker that is just starting may replace a freshly fired alarm with its own schedule: fire until counted.
  for (let i = 0; i < 20 && !(await worker.evaluate(() => chrome.action.getBadgeText({}))).match(/^\d+$/); i++) {
    await new Promise((r) => setTimeout(r, 1000));
    await firePollAlarm(worker);
  }
  for (const width of [320, 360]) {
    for (const scheme of ['light', 'dark'] as const) {
      const tag = `${lang}-${width}-${scheme}`;
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.goto(`chrome-extension://${id}/sidepanel.html`);
      await page.locator('.group-row').first().waitFor();
      await page.locator('.pending').first().waitFor({ timeout: 15_000 }).catch(() => undefined);
      await page.locator('input[type=search]').blur();
      await shoot(page, `list-${tag}`);
      const waiting = page.locator('.list-meta .link-button');
      if (await waiting.count()) {
        await waiting.first().click();
        await page.waitForTimeout(800);
        await shoot(page, `waiting-${tag}`);
        await page.goBack().catch(() => undefined);
        await page.goto(`chrome-extension://${id}/sidepanel.html`);
        await page.locator('.group-row').first().waitFor();
      }
      await page.locator('.group-row:has(.pending) .row-main').first().click();
      await page.waitForTimeout(1200);
      await shoot(page, `group-${tag}`);
      const box = page.locator('textarea').first();
      if (await box.count()) {
        await box.fill('+91 98123 45678\n098123 45678\n+44 7911 123456\nno number here\n12345');
        await box.scrollIntoViewIfNeeded();
        await shoot(page, `invite-${tag}`);
      }
      await page.close();
    }
  }
  await context.close();
}
await sandbox.close();
