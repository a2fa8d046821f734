/** The toolbar badge: total people waiting, and a tooltip that says where. */
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { Group } from '../domain';
import type { PendingCounts } from '../storage';
import { oldestWaits, waitedFor } from '../wait-time';

/** "" for none, "7", "99", then "99+": never more than 4 characters. */
export function badgeText(total: number): string {
  if (total <= 0) return '';
  return total > 99 ? '99+' : String(total);
}

/** Tooltip naming the groups with the most people waiting, and the longest wait (since when, and where). */
export function badgeTitle(counts: PendingCounts, subjects: Record<string, string>, longest?: { since: number; groupId: string },
  now = Date.now()): string {
  if (counts.problem === 'noKey') return i18n.t('badge.noKey');
  if (counts.problem === 'authRejected') return i18n.t('badge.rejected');
  const waiting = Object.entries(counts.byGroup).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  const total = waiting.reduce((a, [, n]) => a + n, 0);
  if (total === 0) return i18n.t('badge.nobody');
  const top = waiting.slice(0, 3).map(([id, n]) => `${subjects[id] ?? i18n.t('badge.aGroup')} (${n})`).join(', ');
  const more = waiting.length > 3 ? i18n.t('badge.more', [String(waiting.length - 3)]) : '';
  const wait = longest ? i18n.t('badge.longest', [waitedFor(longest.since, now), subjects[longest.groupId] ?? i18n.t('badge.aGroup')]) : '';
  return i18n.t('badge.waiting', [String(total), top + more]) + wait;
}

export const totalPending = (counts: PendingCounts) => Object.values(counts.byGroup).reduce((a, b) => a + b, 0);

/** Paints the badge from the counts; the tooltip names groups from the cached list and the longest wait. */
export async function renderBadge(counts: PendingCounts, groups: Group[], people: Record<string, { createdAt: number }[]> = {}) {
  const problem = Boolean(counts.problem);
  const waiting = new Set(Object.keys(counts.byGroup));
  const subjects = Object.fromEntries(groups.filter((g) => waiting.has(g.id)).map((g) => [g.id, g.subject]));
  const oldest = Object.entries(oldestWaits(people)).filter(([id]) => waiting.has(id)).sort((a, b) => a[1] - b[1])[0];
  const longest = oldest ? { groupId: oldest[0], since: oldest[1] } : undefined;
  await Promise.all([
    browser.action.setBadgeText({ text: problem ? '!' : badgeText(totalPending(counts)) }),
    browser.action.setBadgeBackgroundColor({ color: problem ? '#b42318' : '#0b7a56' }),
    browser.action.setTitle({ title: badgeTitle(counts, subjects, longest) }),
  ]);
}
