/** Playwright fixtures: Chromium with the built extension, its service worker and id, and a fresh sandbox store per test. */
import './node-i18n';
import { test as base, type BrowserContext, type ConsoleMessage, type Page, type Request } from '@playwright/test';
import { resolve } from 'node:path';
import { newStore, type SandboxControl } from '../../dev/sandbox/control';
import { DIALECTS, type DialectName } from '../../dev/sandbox/dialects';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/config';
import { launchExtension } from '../../dev/chromium';
import { E2E_OUT_DIR } from '../../dev/build-extension';
import { clearExtension, configureExtension } from '../../dev/extension-storage';
import { INBOX_URL, SANDBOX_URL, serviceWorker } from './extension';
import { OptionsPage } from './options-page';
import { PanelPage } from './panel';
import { expect } from './storage-matchers';

export { INBOX_URL, SANDBOX_URL, serviceWorker, stopServiceWorker } from './extension';

export const EXTENSION_DIR = resolve(E2E_OUT_DIR, 'chrome-mv3');
/** Requests that carried the API key, across this worker's tests (the security spec checks they were seen at all). */
export const requestsSeen: { url: string; key?: string }[] = [];

export const AGENT: Settings = { ...DEFAULT_SETTINGS, agentId: 'agent-e2e-1', agentEmail: 'agent@store.test' };

interface Fixtures {
  /** How the sandbox answers where Zoko's page is silent (a Playwright project sets it). */
  dialect: DialectName;
  store: SandboxControl;
  /** The side panel, configured with this test's store, showing its group list. */
  panel: PanelPage;
  /** Stores the store's key and the agent's settings, as the options page would. */
  configure: (settings?: Partial<Settings>) => Promise<void>;
  openPage: (path: 'sidepanel.html' | 'options.html', query?: string) => Promise<Page>;
  /** The options page, opened in a tab. */
  options: OptionsPage;
}

interface WorkerFixtures {
  /** One Chromium per Playwright worker, shared by its tests (each test has its own store and storage). */
  extContext: BrowserContext;
  extensionId: string;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  panel: async ({ extContext, configure, openPage }, use) => {
    await configure();
    const page = await openPage('sidepanel.html');
    await expect(page.locator('.group-row').first()).toBeVisible();
    await use(new PanelPage(page, extContext));
  },
  extContext: [
    async ({}, use) => {
      const { context } = await launchExtension(EXTENSION_DIR, { viewport: { width: 360, height: 720 } });
      await use(context);
      await context.close();
    },
    { scope: 'worker' },
  ],
  extensionId: [
    async ({ extContext: context }, use) => {
      const worker = await serviceWorker(context);
      await use(new URL(worker.url()).host);
    },
    { scope: 'worker' },
  ],
  // Automatic: every test starts with empty extension storage and its own sandbox store, and ends by
  // checking where the browser sent requests and what it logged: the key only ever goes to Zoko.
  dialect: ['documented', { option: true }],
  store: [
    async ({ extContext: context, dialect }, use) => {
      const store = await newStore(SANDBOX_URL, { dialect: DIALECTS[dialect] });
      const seen: { url: string; key?: string }[] = [];
      const logged: string[] = [];
      const onRequest = (r: Request) => seen.push({ url: r.url(), key: r.headers().apikey });
      const onConsole = (m: ConsoleMessage) => logged.push(m.text());
      context.on('request', onRequest);
      context.on('console', onConsole);
      const worker = await serviceWorker(context);
      // Empty storage, and no polling alarm left by an earlier test: badge tests fire it when they mean to.
      await clearExtension(worker);
      await use(store);
      context.off('request', onRequest);
      context.off('console', onConsole);
      for (const page of context.pages()) await page.close();
      const allowed = (url: string) => url.startsWith(SANDBOX_URL) || url.startsWith(`${new URL(INBOX_URL).origin}/demo/`) || /^(chrome-extension|data|about|blob):/.test(url);
      expect(seen.filter((r) => !allowed(r.url)).map((r) => r.url), 'requests to other hosts').toEqual([]);
      expect(seen.filter((r) => r.key && !r.url.startsWith(`${SANDBOX_URL}/v2/`)).map((r) => r.url), 'the key sent elsewhere').toEqual([]);
      expect(logged.filter((line) => line.includes(store.apiKey)), 'the key in a log line').toEqual([]);
      requestsSeen.push(...seen.filter((r) => r.key));
    },
    { auto: true },
  ],
  configure: async ({ extContext: context, store }, use) => {
    await use(async (settings = {}) => {
      await configureExtension(await serviceWorker(context), store.apiKey, { ...AGENT, ...settings });
    });
  },
  options: async ({ openPage }, use) => {
    await use(new OptionsPage(await openPage('options.html')));
  },
  openPage: async ({ extContext: context, extensionId }, use) => {
    await use(async (path, query = '') => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}${query}`);
      return page;
    });
  },
});

export { expect };
