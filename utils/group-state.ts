/**
 * Whether a group can take anyone new, said before the agent acts: one rule for the list's rows, the pickers,
 * the palette, the context menu and the open group. Full is counted from joined participants (the list's
 * `participantCount`, Zoko's active participants): WhatsApp refuses a 9th (Meta 131204).
 */
import { i18n } from '#i18n';
import type { Group } from './domain';
import { recentFirst } from './group-order';
import { MAX_PARTICIPANTS } from './validation';

/** What stops a group taking anyone new; null when nothing does (or nothing is known to). */
export type GroupBlock = 'suspended' | 'full' | null;

/** Seats free for `joined` participants (never below zero: Zoko may list more than WhatsApp allows). */
export const seatsLeft = (joined: number) => Math.max(0, MAX_PARTICIPANTS - joined);

/** Suspended before full: a suspended group takes nobody, whatever its seats. */
export function groupBlock(g: Pick<Group, 'participantCount' | 'suspended'>): GroupBlock {
  if (g.suspended) return 'suspended';
  return seatsLeft(g.participantCount) === 0 ? 'full' : null;
}

/** The tag shown beside the group's name ("Full", "Suspended"). */
export const blockTag = (block: NonNullable<GroupBlock>) => (block === 'full' ? i18n.t('groupState.full') : i18n.t('groupState.suspended'));

/** Why nobody can be invited to `g` now, as a sentence; null when an invitation may go. */
export function whyNoInvite(g: Pick<Group, 'participantCount' | 'suspended' | 'subject'>): string | null {
  const block = groupBlock(g);
  if (block === 'suspended') return i18n.t('groupState.suspendedInvite', [g.subject]);
  if (block === 'full') return i18n.t('groupState.fullInvite', [g.subject, String(MAX_PARTICIPANTS)]);
  return null;
}

/**
 * What a group picker offers: every group, so a full or suspended one is seen marked rather than missing;
 * those that can be used first (recently used first), suspended ones last.
 */
export function pickerChoices(groups: Group[], recent: string[]): Group[] {
  return [...recentFirst(groups, recent), ...groups.filter((g) => g.suspended)];
}
