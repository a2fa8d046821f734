/**
 * Launches Debian's firefox-esr through puppeteer-core (WebDriver BiDi) with the unpacked Firefox build installed,
 * for Firefox journeys. The moz-extension:// UUID is random per profile, so it is fixed here through the
 * `extensions.webextensions.uuids` pref: tests know the panel's address before the add-on is installed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

export const FIREFOX_UUID = '7d3c5a1e-2b4f-4c6d-9e8a-0f1b2c3d4e5f';

/** The Firefox binary, or an error naming the exact command that installs it (the README's rule). */
export function findFirefox(): string {
  for (const p of [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox']) if (p && existsSync(p)) return p;
  throw new Error('Firefox is not installed: run `sudo apt-get install -y firefox-esr`');
}

/** Firefox with `extensionDir` (a firefox-mv3 build) installed; returns the browser and the panel's base URL. */
export async function launchFirefoxExtension(extensionDir: string, { headless = true } = {}) {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8'));
  const addonId: string = manifest.browser_specific_settings.gecko.id;
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless,
    // Without it Firefox refuses to open moz-extension:// pages to a remote-controlled session.
    args: ['-remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: FIREFOX_UUID }),
      // Host permissions granted at install, as Chrome does for an unpacked build.
      'extensions.originControls.grantByDefault': true,
    },
  });
  await browser.installExtension(extensionDir);
  return { browser, baseUrl: `moz-extension://${FIREFOX_UUID}` };
}

/**
 * Opens an extension page. `page.goto` on a moz-extension:// URL never reports its load over BiDi (it timed out
 * after 30 s here, though the page had painted), so this starts the navigation and waits for the document instead.
 */
export async function openExtensionPage(browser: Browser, url: string, viewport = { width: 240, height: 700 }) {
  const page = await browser.newPage();
  await page.setViewport(viewport);
  void page.goto(url).catch(() => undefined);
  await page.waitForFunction((u) => location.href === u && document.readyState === 'complete', { timeout: 15_000 }, url);
  return page;
}
