/** Desktop notifications: new join requests, direct invitations, finished creations. Clicks open the panel. */
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
    const who = requests.slice(0, 3).map((r) => r.name || `+${r.waId}`).join(', ');
    const n = requests.length;
    await show(`group:${group.id}`, `${n} new join ${n === 1 ? 'request' : 'requests'}: ${group.subject}`,
      `${who}${n > 3 ? ` and ${n - 3} more` : ''} ${n === 1 ? 'wants' : 'want'} to join.`);
  }
}

export const notifyMessage = (id: string, title: string, message: string) => show(id, title, message);

/** Notification ids that name a group ("group:<id>") open the panel on it. */
export function groupOfNotification(notificationId: string): string | null {
  return notificationId.startsWith('group:') ? notificationId.slice('group:'.length) : null;
}
