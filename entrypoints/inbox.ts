/**
 * Runs only on sites the agent chose ("Use with ‹site›"): registered at run time, never in the manifest.
 * Reports the open conversation's customer to the background and inserts text it is handed into the reply
 * box. It holds no key and no Zoko data, and listens to nothing the page can send.
 */
// The bare browser API, not the polyfill the pages use: this script loads in every page of the inbox, and the
// polyfill would be two thirds of it. It sends one message and answers one, which both browsers do natively.
import { browser } from '@wxt-dev/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CHAT_MESSAGE, INSERT_MESSAGE, LIMITS, type ChatMessage, type InsertReply } from '../utils/inbox';
import { readChat } from '../utils/content/readers';
import { watchReplyBox } from '../utils/content/reply-box';

export default defineUnlistedScript(() => {
  // Injected again into an open tab when its site is granted: one copy is enough.
  const flag = globalThis as { zokoInbox?: true };
  if (flag.zokoInbox) return;
  flag.zokoInbox = true;

  let sent = '';
  const report = (force = false) => {
    const chat = readChat(document, location.href);
    const key = JSON.stringify(chat);
    if (!force && key === sent) return;
    sent = key;
    const message: ChatMessage = { kind: CHAT_MESSAGE, chat };
    browser.runtime.sendMessage(message).catch(() => undefined); // the extension was reloaded: nothing to tell
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  // Inboxes render conversations as they please: read again shortly after a change, at most every 300 ms.
  // Not a debounce: a page that never stops changing (a clock, a typing indicator) would never be read.
  new MutationObserver(() => {
    timer ??= setTimeout(() => {
      timer = undefined;
      report();
    }, 300);
  }).observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributeFilter: ['title', 'data-id', 'href'] });
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && report(true));
  report(true);

  const box = watchReplyBox(document);
  browser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (reply: InsertReply) => void) => {
    const m = message as { kind?: unknown; text?: unknown } | null;
    if (m?.kind !== INSERT_MESSAGE || typeof m.text !== 'string') return undefined;
    // The answer waits for the editor to apply the text; true keeps the channel open until then.
    box.insert(m.text.slice(0, LIMITS.insertChars)).then(sendResponse, () => sendResponse({ inserted: false, found: true }));
    return true;
  });
});
