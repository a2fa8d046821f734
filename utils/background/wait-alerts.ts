/**
 * "Tell me when someone has waited longer than N minutes": after each polling round, one notification per
 * group where someone has waited too long, not again until nobody there does (or a snooze ends). Ages come
 * from the requests' creation time at Zoko, not from when the extension saw them.
 */
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { readGroupsNaming } from '../group-cache';
import { settingsItem, waitAlertsItem, waitingPeopleItem } from '../storage';
import { oldestWaits, waitedFor } from '../wait-time';
import { showNotification } from './notify';

const PREFIX = 'wait:';
export const SNOOZE_MS = 15 * 60_000;

/** Notifies the groups where someone has now waited too long; returns the groups notified. */
export async function checkWaits(now = Date.now()): Promise<string[]> {
  const [{ waitAlertMinutes }, people, state] = await Promise.all([settingsItem.getValue(), waitingPeopleItem.getValue(), waitAlertsItem.getValue()]);
  if (!waitAlertMinutes) return [];
  const limit = waitAlertMinutes * 60_000;
  const oldest = oldestWaits(people);
  const tooLong = Object.keys(oldest).filter((id) => now - oldest[id]! > limit);
  // A group where nobody waits too long any more is handled: it may be told about again later.
  const alerted = state.alerted.filter((id) => tooLong.includes(id));
  const snoozedUntil = Object.fromEntries(Object.entries(state.snoozedUntil).filter(([, until]) => until > now));
  const fresh = tooLong.filter((id) => !alerted.includes(id) && !snoozedUntil[id]);
  // Runs after every polling round: the list is read only to name groups there is something to say about.
  const byId = new Map(fresh.length > 0 ? (await readGroupsNaming(fresh)).groups.map((g) => [g.id, g]) : []);
  for (const id of fresh) {
    const first = people[id]!.find((r) => r.createdAt === oldest[id]);
    await showNotification(`${PREFIX}${id}`, i18n.t('notify.waitedTitle', [waitedFor(oldest[id]!, now), byId.get(id)?.subject ?? i18n.t('notify.theGroup')]),
      i18n.t('notify.waitedText', [first?.name || `+${first?.waId ?? ''}`]), [{ title: i18n.t('notify.snooze') }]);
  }
  const next = { alerted: [...alerted, ...fresh], snoozedUntil };
  if (JSON.stringify(next) !== JSON.stringify(state)) await waitAlertsItem.setValue(next);
  return fresh;
}

/** "Snooze 15 min" on a long-wait notification: quiet for that group until then. */
export function onWaitNotificationButton(notificationId: string) {
  if (!notificationId.startsWith(PREFIX)) return;
  const groupId = notificationId.slice(PREFIX.length);
  void (async () => {
    const state = await waitAlertsItem.getValue();
    await waitAlertsItem.setValue({
      alerted: state.alerted.filter((id) => id !== groupId),
      snoozedUntil: { ...state.snoozedUntil, [groupId]: Date.now() + SNOOZE_MS },
    });
    await browser.notifications.clear(notificationId);
  })();
}
