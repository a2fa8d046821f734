/** The toolbar badge: total people waiting, and a tooltip that says where. */
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { Group } from '../domain';
import type { PendingCounts } from '../storage';

/** "" for none, "7", "99", then "99+": never more than 4 characters. */
export function badgeText(total: number): string {
  if (total <= 0) return '';
  return total > 99 ? '99+' : String(total);
}

/** Tooltip naming the groups with the most people waiting. */
export function badgeTitle(counts: PendingCounts, subjects: Record<string, string>): string {
  if (counts.problem === 'noKey') return i18n.t('badge.noKey');
  if (counts.problem === 'authRejected') return i18n.t('badge.rejected');
  const waiting = Object.entries(counts.byGroup).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  const total = waiting.reduce((a, [, n]) => a + n, 0);
  if (total === 0) return i18n.t('badge.nobody');
  const top = waiting.slice(0, 3).map(([id, n]) => `${subjects[id] ?? i18n.t('badge.aGroup')} (${n})`).join(', ');
  const more = waiting.length > 3 ? i18n.t('badge.more', [String(waiting.length - 3)]) : '';
  return i18n.t('badge.waiting', [String(total), top + more]);
}

export const totalPending = (counts: PendingCounts) => Object.values(counts.byGroup).reduce((a, b) => a + b, 0);

/** Paints the badge from the counts; the tooltip names groups from the cached list. */
export async function renderBadge(counts: PendingCounts, groups: Group[]) {
  const problem = Boolean(counts.problem);
  const waiting = new Set(Object.keys(counts.byGroup));
  const subjects = Object.fromEntries(groups.filter((g) => waiting.has(g.id)).map((g) => [g.id, g.subject]));
  await Promise.all([
    browser.action.setBadgeText({ text: problem ? '!' : badgeText(totalPending(counts)) }),
    browser.action.setBadgeBackgroundColor({ color: problem ? '#b42318' : '#0b7a56' }),
    browser.action.setTitle({ title: badgeTitle(counts, subjects) }),
  ]);
}
