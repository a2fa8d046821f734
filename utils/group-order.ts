/**
 * The order agents see groups in: people waiting first (most first), then by name. The name order is
 * applied once, where the list is stored (background), so the panel only partitions: O(n) per change of
 * counts, instead of a locale sort of 10,000 names on the panel's first paint.
 */
import type { Group } from './domain';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Sorts by subject, the way people read names ("Group 2" before "Group 10"). */
export function sortBySubject(groups: Group[]): Group[] {
  return [...groups].sort((a, b) => collator.compare(a.subject, b.subject));
}

/** Groups with people waiting first, most first; the rest keep their (subject) order. */
export function orderForDisplay(groups: Group[], counts: Record<string, number>): Group[] {
  const waiting: Group[] = [];
  const rest: Group[] = [];
  for (const g of groups) ((counts[g.id] ?? 0) > 0 ? waiting : rest).push(g);
  waiting.sort((a, b) => (counts[b.id] ?? 0) - (counts[a.id] ?? 0)); // stable: ties stay in name order
  return waiting.concat(rest);
}

/** Groups an action can use (not suspended), the recently used first: what group pickers offer. */
export function recentFirst(groups: Group[], recent: string[]): Group[] {
  const open = groups.filter((g) => !g.suspended);
  const byId = new Map(open.map((g) => [g.id, g]));
  const first = recent.map((id) => byId.get(id)).filter((g): g is Group => g !== undefined);
  return [...first, ...open.filter((g) => !recent.includes(g.id))];
}
