/** The toolbar badge: total people waiting, and a tooltip that says where. */
import { browser } from 'wxt/browser';
import type { PendingCounts } from './storage';

const TITLE = 'Zoko Groups';

/** "" for none, "7", "99", then "99+": never more than 4 characters. */
export function badgeText(total: number): string {
  if (total <= 0) return '';
  return total > 99 ? '99+' : String(total);
}

/** Tooltip naming the groups with the most people waiting. */
export function badgeTitle(counts: PendingCounts, subjects: Record<string, string>): string {
  if (counts.problem === 'noKey') return `${TITLE}: add your Zoko API key in the options to see join requests`;
  if (counts.problem === 'authRejected') return `${TITLE}: Zoko rejected the API key. Update it in the options`;
  const waiting = Object.entries(counts.byGroup).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  const total = waiting.reduce((a, [, n]) => a + n, 0);
  if (total === 0) return `${TITLE}: nobody is waiting to join`;
  const top = waiting.slice(0, 3).map(([id, n]) => `${subjects[id] ?? 'a group'} (${n})`).join(', ');
  const more = waiting.length > 3 ? ` and ${waiting.length - 3} more groups` : '';
  return `${TITLE}: ${total} waiting to join: ${top}${more}`;
}

export const totalPending = (counts: PendingCounts) => Object.values(counts.byGroup).reduce((a, b) => a + b, 0);

/** Paints the badge from the stored counts. */
export async function renderBadge(counts: PendingCounts, subjects: Record<string, string>) {
  const problem = Boolean(counts.problem);
  await Promise.all([
    browser.action.setBadgeText({ text: problem ? '!' : badgeText(totalPending(counts)) }),
    browser.action.setBadgeBackgroundColor({ color: problem ? '#b42318' : '#0b7a56' }),
    browser.action.setTitle({ title: badgeTitle(counts, subjects) }),
  ]);
}
