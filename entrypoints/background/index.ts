import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { renderBadge } from '../../utils/badge';
import { buildMenus, createMenuClickHandler } from '../../utils/context-menu';
import { createDirectInvite } from '../../utils/direct-invite';
import { cacheGroup, readGroupCache } from '../../utils/group-cache';
import { createHandlers, registerHandlers } from '../../utils/handlers';
import { groupOfNotification, notifyMessage, notifyNewRequests } from '../../utils/notify';
import { needsActionClickHandler, openPanel, toggleSidebar } from '../../utils/open-panel';
import { addPendingCreation, createCreationWatcher } from '../../utils/pending-creations';
import { budgetSetting, createPoller, POLL_ALARM, schedulePolling } from '../../utils/poller';
import { createRequestBudget } from '../../utils/request-budget';
import { apiKeyItem, openGroupItem, recentGroupsItem } from '../../utils/storage';
import { createBackgroundClient } from '../../utils/zoko';

// Composition root. Every listener is registered synchronously, in the first turn: MV3 delivers the event
// that woke the worker only to listeners that exist by then.
export default defineBackground(() => {
  const client = createBackgroundClient();
  const poller = createPoller({
    client,
    budget: createRequestBudget(budgetSetting),
    hasKey: async () => Boolean(await apiKeyItem.getValue()),
    onCounts: (counts, groups) => renderBadge(counts, Object.fromEntries(groups.map((g) => [g.id, g.subject]))),
    onNewRequests: notifyNewRequests,
  });
  const creations = createCreationWatcher(client, {
    async onCreated(c, group) {
      await cacheGroup(group);
      await notifyMessage(`group:${group.id}`, i18n.t('notify.createdTitle'), i18n.t('notify.createdText', [c.subject]));
    },
    onGaveUp: (c) => notifyMessage(`creation:${c.requestId}`, i18n.t('notify.stillCreatingTitle'),
      i18n.t('notify.stillCreatingText', [c.subject])),
  });
  const handlers = createHandlers({
    client,
    onJoinRequests: poller.record,
    async onPendingCreation(created) {
      await addPendingCreation(created.requestId, created.subject, (await readGroupCache()).groups);
      void creations.watch();
    },
    onConfigChanged: async () => {
      await schedulePolling();
      void poller.poll();
    },
  });
  registerHandlers(handlers);

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== POLL_ALARM) return;
    void poller.poll();
    void creations.watch();
  });
  browser.runtime.onInstalled.addListener(() => void buildMenus());
  browser.contextMenus.onClicked.addListener(createMenuClickHandler({ inviteDirectly: createDirectInvite(handlers) }));
  browser.notifications.onClicked.addListener((id) => {
    const groupId = groupOfNotification(id);
    if (!groupId) return;
    void openGroupItem.setValue(groupId);
    void browser.windows.getLastFocused()
      .then((w) => openPanel(w.id))
      .catch(() => undefined); // no gesture or no window: the panel opens on the group next time it is opened
  });
  recentGroupsItem.watch(() => void buildMenus());

  // Chrome opens the side panel from the toolbar button by itself; Firefox's sidebar needs the click.
  void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true });
  if (needsActionClickHandler()) browser.action.onClicked.addListener(() => void toggleSidebar());
  void schedulePolling();
  // Each worker start: badge now, and resume watching creations a stopped worker left behind.
  void poller.poll();
  void creations.watch();
});
