/**
 * Sites the agent uses the panel with. The page asks the browser for the site's permission (a user
 * gesture); the background then keeps one registered content script whose matches are exactly the granted
 * sites the browser still permits, and gives tabs already open there the script at once.
 */
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { INBOX_SCRIPT_FILE, INBOX_SCRIPT_ID, offerableOrigin, originPattern } from '../../inbox';
import { inboxSitesItem } from '../../storage';
import { invalidInput, LocalError } from '../local-error';
import { ZOKO_BASE_URL } from '../zoko';
import { oneAtATime } from '../one-at-a-time';

const zokoOrigin = new URL(ZOKO_BASE_URL).origin;

const permitted = (origin: string) => browser.permissions.contains({ origins: [originPattern(origin)] }).catch(() => false);

const serial = oneAtATime();

/** Registers the inbox script for the granted sites the browser still permits (the agent may revoke there). */
export function syncInboxScript(): Promise<void> {
  return serial(async () => {
    const sites = await inboxSitesItem.getValue();
    const allowed = (await Promise.all(sites.map(async (o) => ((await permitted(o)) ? o : null)))).filter((o): o is string => o !== null);
    if (allowed.length !== sites.length) await inboxSitesItem.setValue(allowed);
    const registered = await browser.scripting.getRegisteredContentScripts({ ids: [INBOX_SCRIPT_ID] });
    if (allowed.length === 0) {
      if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [INBOX_SCRIPT_ID] });
      return;
    }
    const script = {
      id: INBOX_SCRIPT_ID, matches: allowed.map(originPattern), js: [INBOX_SCRIPT_FILE], runAt: 'document_idle' as const, persistAcrossSessions: true,
    };
    await (registered.length > 0 ? browser.scripting.updateContentScripts([script]) : browser.scripting.registerContentScripts([script]));
  });
}

/** The agent allowed `origin` in the browser's prompt: use the panel with it from now on. */
export async function useSite(origin: string): Promise<string[]> {
  const site = offerableOrigin(origin);
  if (site === null || site !== origin) throw invalidInput(i18n.t('inbox.notASite'));
  if (!(await permitted(site))) throw new LocalError('forbidden', i18n.t('inbox.notAllowed', [new URL(site).host]));
  const sites = await inboxSitesItem.getValue();
  if (!sites.includes(site)) await inboxSitesItem.setValue([...sites, site]);
  await syncInboxScript();
  // Tabs already open on the site get the script now rather than at their next load.
  const tabs = await browser.tabs.query({ url: originPattern(site) });
  await Promise.all(tabs.map((t) => t.id === undefined ? undefined
    : browser.scripting.executeScript({ target: { tabId: t.id }, files: [INBOX_SCRIPT_FILE] }).catch(() => undefined)));
  return inboxSitesItem.getValue();
}

/** Stop using the panel with `origin`: its script is unregistered and the browser's grant given back. */
export async function forgetSite(origin: string): Promise<string[]> {
  await inboxSitesItem.setValue((await inboxSitesItem.getValue()).filter((o) => o !== origin));
  await syncInboxScript();
  // Zoko's own origin is the extension's to keep; a grant the manifest requires cannot be given back either.
  if (origin !== zokoOrigin) await browser.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
  return inboxSitesItem.getValue();
}
