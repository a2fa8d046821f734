/**
 * Content scripts (the inbox script, in pages the agent allowed) need no extension storage, and storage.local
 * holds the API key: Chromium lets the extension keep local and session to its own pages and worker. It keeps
 * the level in the profile's extension prefs; set again at every worker start, so an update or a reset
 * profile never runs unrestricted for long. Firefox has no `setAccessLevel` on local (only on session).
 */
import { browser } from 'wxt/browser';

type Restrictable = { setAccessLevel?: (o: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void> };

export function keepStorageFromPages() {
  for (const area of [browser.storage.local, browser.storage.session] as Restrictable[]) {
    // A browser without the call already keeps session to trusted contexts; there is nothing more to do.
    area?.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
  }
}
