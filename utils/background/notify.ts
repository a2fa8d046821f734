/** Desktop notifications: new join requests, direct invitations, finished creations. Clicks open the panel. */
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { Group, JoinRequest } from '../domain';
import { openGroupItem, settingsItem } from '../storage';
import { openPanel } from './open-panel';

const ICON = '/icon/128.png';

/** A notification the agent asked for with a setting ("Notify me of new join requests"): respects it. */
async function show(id: string, title: string, message: string, buttons?: { title: string }[]) {
  if (!(await settingsItem.getValue()).notify) return;
  return create(id, title, message, buttons);
}

async function create(id: string, title: string, message: string, buttons?: { title: string }[]) {
  const options = { type: 'basic' as const, iconUrl: browser.runtime.getURL(ICON), title, message };
  try {
    await browser.notifications.create(id, buttons ? { ...options, buttons } : options);
  } catch {
    await browser.notifications.create(id, options); // Firefox has no notification buttons
  }
}

/** A notification, with buttons where the browser has them. */
export const showNotification = show;

/** One notification per group with new join requests. */
export async function notifyNewRequests(found: { group: Group; requests: JoinRequest[] }[]) {
  for (const { group, requests } of found) {
    const n = requests.length;
    const who = requests.slice(0, 3).map((r) => r.name || `+${r.waId}`).join(', ') + (n > 3 ? i18n.t('notify.andMore', [String(n - 3)]) : '');
    await show(groupNotificationId(group.id), i18n.t('notify.newRequests', n, [String(n), group.subject]), i18n.t('notify.wants', n, [String(n), who]));
  }
}

/**
 * The answer to something the agent did away from the panel (an invite from the menu, a creation finishing):
 * shown whatever the join-request setting says, or the agent would never learn what happened.
 */
export const notifyMessage = (id: string, title: string, message: string) => create(id, title, message);

/** The id of a notification about a group: clicking it opens the panel on that group. */
export const groupNotificationId = (groupId: string) => `group:${groupId}`;

/** Notification ids that name a group ("group:<id>", "wait:<id>") open the panel on it. */
export function groupOfNotification(notificationId: string): string | null {
  const [kind, ...rest] = notificationId.split(':');
  return (kind === 'group' || kind === 'wait') && rest.length > 0 ? rest.join(':') : null;
}

/** The notification that asks the agent to look at a number in the panel before it is invited ("handoff:check:<window>"). */
export const CHECK_NUMBER_NOTIFICATION = 'handoff:check';

/** "Not invited yet": the number waits in the panel of that window, which its click opens. */
export const askToCheckNumber = (text: string, windowId?: number) =>
  notifyMessage(`${CHECK_NUMBER_NOTIFICATION}:${windowId ?? ''}`, i18n.t('notify.checkTitle'), i18n.t('notify.checkText', [text.slice(0, 60)]));

/** A click on a notification about a group opens the panel on that group; one about a number, on its hand-off. */
export function onNotificationClicked(notificationId: string) {
  if (notificationId.startsWith(`${CHECK_NUMBER_NOTIFICATION}:`)) {
    // The window is in the id, so the panel opens in this same turn, while the click may still count as a gesture.
    const windowId = Number(notificationId.slice(CHECK_NUMBER_NOTIFICATION.length + 1));
    if (windowId) openPanel(windowId).catch(() => undefined); // refused: the hand-off is there when the panel opens
    return;
  }
  const groupId = groupOfNotification(notificationId);
  if (!groupId) return;
  void openGroupItem.setValue(groupId);
  void browser.windows.getLastFocused()
    .then((w) => openPanel(w.id))
    // Chrome may refuse without a user gesture, or there is no window: the panel opens on the group next time.
    .catch(() => undefined);
}
