/** Desktop notifications: new join requests, direct invitations, finished creations. Clicks open the panel. */
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { settingsItem } from './storage';
import type { NewRequests } from './poller';

const ICON = '/icon/128.png';

async function show(id: string, title: string, message: string) {
  if (!(await settingsItem.getValue()).notify) return;
  await browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL(ICON), title, message });
}

/** One notification per group with new join requests. */
export async function notifyNewRequests(found: NewRequests[]) {
  for (const { group, requests } of found) {
    const n = requests.length;
    const who = requests.slice(0, 3).map((r) => r.name || `+${r.waId}`).join(', ') + (n > 3 ? i18n.t('notify.andMore', [String(n - 3)]) : '');
    await show(`group:${group.id}`, i18n.t('notify.newRequests', n, [String(n), group.subject]), i18n.t('notify.wants', n, [String(n), who]));
  }
}

export const notifyMessage = (id: string, title: string, message: string) => show(id, title, message);

/** Notification ids that name a group ("group:<id>") open the panel on it. */
export function groupOfNotification(notificationId: string): string | null {
  return notificationId.startsWith('group:') ? notificationId.slice('group:'.length) : null;
}
