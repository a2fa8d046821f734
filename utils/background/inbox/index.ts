/** The inbox beside the panel: the background's listeners, registered in the worker's first turn. */
import { browser } from 'wxt/browser';
import { inboxSitesItem } from '../../storage';
import { acceptChatReport, isChatMessage } from './chat-report';
import { chatInView } from './chat-in-view';
import { syncInboxScript } from './sites';

export function registerInbox() {
  browser.runtime.onMessage.addListener((message, sender) => {
    // The one message a page's script may send; every other message belongs to the protocol's listener.
    if (!isChatMessage(message)) return undefined;
    void acceptChatReport(message, sender).then((report) => report && chatInView.report(report));
    return undefined;
  });
  browser.tabs.onActivated.addListener(chatInView.onActivated);
  browser.tabs.onUpdated.addListener(chatInView.onUpdated);
  browser.tabs.onRemoved.addListener(chatInView.onRemoved);
  browser.windows?.onFocusChanged.addListener(chatInView.onFocusChanged);
  // The agent can take a site's access back in the browser's own settings; seeing tab addresses changes the offer.
  browser.permissions.onRemoved.addListener(() => void syncInboxScript().then(chatInView.refresh));
  browser.permissions.onAdded.addListener(() => void chatInView.refresh());
  // Sites can be granted by a launcher writing storage (npm start's demo inbox) as well as by the panel.
  inboxSitesItem.watch(() => void syncInboxScript().then(chatInView.refresh));
  void syncInboxScript().then(chatInView.refresh);
}
