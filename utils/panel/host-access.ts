/** Asking the browser again for access to Zoko's site, after the agent withheld it. Needs the click's gesture. */
import { browser } from 'wxt/browser';

/** Resolves to whether access was granted; Firefox and Chrome both show their own prompt. */
export function requestHostAccess(origin: string): Promise<boolean> {
  return browser.permissions.request({ origins: [`${origin}/*`] }).catch(() => false);
}
