/** Asking the browser for access (its own prompt; the click's user gesture is needed, so pages ask, not the background). */
import { browser } from 'wxt/browser';
import { originPattern } from '../inbox';

export interface AccessRequests {
  /** Access to one site (Zoko's, after the agent withheld it; or an inbox's). Resolves to whether it was granted. */
  site(origin: string): Promise<boolean>;
  /** Seeing which site each tab shows (the optional "tabs" permission), so the panel can offer the inbox's site. */
  tabAddresses(): Promise<boolean>;
}

export const browserAccess: AccessRequests = {
  site: (origin) => browser.permissions.request({ origins: [originPattern(origin)] }).catch(() => false),
  tabAddresses: () => browser.permissions.request({ permissions: ['tabs'] }).catch(() => false),
};

export const requestHostAccess = browserAccess.site;
