import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerContextMenu } from '../../utils/background/context-menu';
import { registerHandlers } from '../../utils/background/handlers';
import { askToCheckNumber, onNotificationClicked } from '../../utils/background/notify';
import { onPanelCommand, registerPanelOpening } from '../../utils/background/open-panel';
import { onPollAlarm, schedulePolling } from '../../utils/background/poller';
import { createServices } from '../../utils/background/services';
import { readSeenSelection } from '../../utils/background/seen-selection';
import { keepStorageFromPages } from '../../utils/background/storage-access';
import { onWaitNotificationButton } from '../../utils/background/wait-alerts';
import { createBackgroundClient } from '../../utils/background/zoko';
import { registerInbox } from '../../utils/background/inbox';

// Composition root. Every listener is registered synchronously, in the first turn: MV3 delivers the event
// that woke the worker only to listeners that exist by then.
export default defineBackground(() => {
  keepStorageFromPages(); // before anything is stored: the key never sits where a page's script can read it
  const { handlers, poller, creations, inviteDirectly } = createServices(createBackgroundClient());
  registerHandlers(handlers);
  registerContextMenu({ inviteDirectly, seenSelection: readSeenSelection, askToCheck: askToCheckNumber });
  registerPanelOpening();
  browser.alarms.onAlarm.addListener(onPollAlarm(poller, creations));
  browser.notifications.onClicked.addListener(onNotificationClicked);
  browser.notifications.onButtonClicked?.addListener(onWaitNotificationButton);
  browser.commands?.onCommand.addListener(onPanelCommand);
  registerInbox();

  // Each worker start: badge now, and resume watching creations a stopped worker left behind.
  void schedulePolling();
  void poller.poll();
  void creations.watch();
});
