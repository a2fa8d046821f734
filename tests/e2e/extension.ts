/** The extension under test as Playwright reaches it: where the sandbox is, and its service worker. */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { E2E_PORT } from '../../dev/build-extension';
import { inboxOrigin } from '../../dev/sandbox/server';

export const SANDBOX_URL = `http://127.0.0.1:${E2E_PORT}`;
/** The sandbox's fixture inboxes: the same server as localhost, an origin of its own (granted in the test build). */
export const INBOX_URL = `${inboxOrigin(SANDBOX_URL)}/demo/inbox`;

/**
 * The extension's running service worker. If Chrome (or a test) stopped it, an extension page sends a
 * message to wake it, as the panel would, until a worker answers.
 */
export async function serviceWorker(context: BrowserContext): Promise<Worker> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const worker = context.serviceWorkers().at(-1)
      ?? (await context.waitForEvent('serviceworker', { timeout: attempt === 0 ? 5000 : 200 }).catch(() => undefined));
    // A stopped worker's handle neither answers nor fails: give it a moment, then wake a new one.
    const alive = worker && (await Promise.race([
      worker.evaluate(() => true).catch(() => false),
      new Promise<boolean>((r) => setTimeout(() => r(false), 500)),
    ]));
    if (alive) return worker;
    const page = context.pages().find((p) => p.url().startsWith('chrome-extension://'));
    // An unknown message type: the background ignores it, but receiving it starts the worker.
    await page?.evaluate(() => chrome.runtime.sendMessage({ wake: true }).catch(() => undefined)).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the extension\'s service worker did not start');
}

/** Stops the extension's service worker as Chrome does when it idles (CDP ServiceWorker.stopAllWorkers). */
export async function stopServiceWorker(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}
