/** A page object for the side panel, opened as a tab (no API drives Chrome's real side panel). */
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { firePollAlarm } from '../../dev/extension-storage';
import { SANDBOX_URL, serviceWorker } from './extension';

export class PanelPage {
  constructor(readonly page: Page, readonly context: BrowserContext) {}

  get rows() {
    return this.page.locator('.group-row');
  }

  row(subject: string) {
    return this.rows.filter({ has: this.page.getByRole('button', { name: subject, exact: false }) });
  }

  async search(text: string) {
    await this.page.getByRole('searchbox', { name: 'Search groups' }).fill(text);
  }

  async openGroup(subject: string) {
    await this.page.getByRole('button', { name: new RegExp(`^${escape(subject)}`) }).click();
    await expect(this.page.getByRole('heading', { level: 2, name: subject })).toBeVisible();
    await expect(this.page.getByRole('heading', { name: /^Join requests/ })).toBeVisible();
  }

  section(name: string | RegExp) {
    return this.page.locator('section.card, details.card').filter({ has: this.page.getByRole('heading', { name }) });
  }

  joinRequest(name: string) {
    return this.section(/^Join requests/).getByRole('listitem', { name });
  }

  dialog() {
    return this.page.getByRole('alertdialog');
  }

  /**
   * Reads the system clipboard from a web page on the sandbox's origin: Chrome cannot grant clipboard-read
   * to an extension origin, and the extension itself does not ask for it.
   */
  async clipboard(): Promise<string> {
    await this.context.grantPermissions(['clipboard-read'], { origin: SANDBOX_URL });
    const reader = await this.context.newPage();
    try {
      await reader.goto(`${SANDBOX_URL}/__sandbox/ping`);
      await reader.bringToFront();
      return await reader.evaluate(() => navigator.clipboard.readText());
    } finally {
      await reader.close();
      await this.page.bringToFront();
    }
  }

  /** The toolbar badge, read from the service worker. */
  async badge(): Promise<string> {
    const worker = await serviceWorker(this.context);
    return worker.evaluate(() => chrome.action.getBadgeText({}));
  }

  /**
   * Polls until the badge reads `text`, firing the polling alarm again while it does not: a worker that is
   * just starting may replace a freshly fired alarm with its own 30-second schedule.
   */
  async expectBadge(text: string) {
    await expect.poll(async () => {
      const badge = await this.badge();
      if (badge !== text) await this.firePollAlarm();
      return badge;
    }, { timeout: 20_000 }).toBe(text);
  }

  /** Runs the badge's polling alarm now instead of waiting for it (unpacked extensions may fire alarms early). */
  async firePollAlarm() {
    await firePollAlarm(await serviceWorker(this.context));
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
