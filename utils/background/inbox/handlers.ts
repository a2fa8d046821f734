/** The panel's messages about the inbox beside it: sites, the offer, and text for the reply box. */
import { browser } from 'wxt/browser';
import { INSERT_MESSAGE, LIMITS, offerableOrigin, type InsertMessage, type InsertReply } from '../../inbox';
import type { MessageData } from '../../messaging';
import { chatInViewItem, inboxOfferHiddenItem, inboxSitesItem } from '../../storage';
import { chatInView } from './chat-in-view';
import { forgetSite, useSite } from './sites';

/**
 * Inserts only into the conversation the panel meant (the same tab, reporting the same numbers) and only while
 * its tab is on a granted site: the page may have moved on since the panel painted.
 */
async function insertIntoChat({ text, tabId, numbers }: MessageData<'insertIntoChat'>): Promise<InsertReply & { changed?: true }> {
  const view = await chatInViewItem.getValue();
  if (view?.tabId !== tabId || (view.chat?.numbers ?? []).join(',') !== numbers.join(',')) return { inserted: false, changed: true };
  if (!view.granted) return { inserted: false };
  const tab = await browser.tabs.get(view.tabId).catch(() => undefined);
  const site = offerableOrigin(tab?.url);
  if (!site || !(await inboxSitesItem.getValue()).includes(site)) return { inserted: false };
  const message: InsertMessage = { kind: INSERT_MESSAGE, text: text.slice(0, LIMITS.insertChars) };
  const reply = await browser.tabs.sendMessage(view.tabId, message, { frameId: 0 }).catch(() => undefined) as InsertReply | undefined;
  return { inserted: reply?.inserted === true, found: reply?.found === true };
}

export const inboxHandlers = {
  // The tab in view follows by itself: the sites item's watcher (inbox/index.ts) reads it again.
  useSite: ({ origin }: MessageData<'useSite'>) => useSite(origin),
  forgetSite: ({ origin }: MessageData<'forgetSite'>) => forgetSite(origin),
  insertIntoChat,
  async setInboxOffer({ hidden }: MessageData<'setInboxOffer'>) {
    await inboxOfferHiddenItem.setValue(hidden);
    return hidden;
  },
  /** The panel opened: it wants the tab in view now, not at the agent's next tab switch. */
  async refreshChatInView() {
    await chatInView.refresh();
    return chatInViewItem.getValue();
  },
};
