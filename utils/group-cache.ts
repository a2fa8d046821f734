/**
 * The cached group list that lets the panel paint at once; kept in step with every change the background
 * makes. Stored as one JSON string (see StoredGroupCache): always read and write it through this module.
 */
import { orderForDisplay, sortBySubject } from './group-order';
import { groupCacheHeadItem, groupCacheItem, pendingCountsItem, type GroupCache, type StoredGroupCache } from './storage';

/** Rows in the head: more than a tall panel shows, so the first paint is complete. */
export const HEAD_SIZE = 40;
import type { Group } from './zoko/schemas';

let memo: { json: string; groups: Group[] } | null = null;

function decode(stored: StoredGroupCache): GroupCache {
  // The same string twice (the worker re-reading an unchanged cache) is parsed once.
  if (!memo || memo.json !== stored.json) {
    let groups: Group[] = [];
    try {
      const parsed: unknown = JSON.parse(stored.json);
      groups = Array.isArray(parsed) ? (parsed as Group[]) : [];
    } catch {
      groups = []; // a damaged cache is only a slower first paint: the next list read rewrites it
    }
    memo = { json: stored.json, groups };
  }
  return { groups: memo.groups, fetchedAt: stored.fetchedAt };
}

export async function readGroupCache(): Promise<GroupCache> {
  return decode(await groupCacheItem.getValue());
}

export async function writeGroupCache(cache: GroupCache) {
  await groupCacheItem.setValue({ json: JSON.stringify(cache.groups), fetchedAt: cache.fetchedAt });
  await writeCacheHead(cache.groups);
}

/** Rewrites the head from the list (or the cached one) and the current counts; after either changes. */
export async function writeCacheHead(groups?: Group[]) {
  const [list, counts] = await Promise.all([groups ?? readGroupCache().then((c) => c.groups), pendingCountsItem.getValue()]);
  await groupCacheHeadItem.setValue({ groups: orderForDisplay(list, counts.byGroup).slice(0, HEAD_SIZE), total: list.length });
}

/** The head, for the panel's first paint. */
export const readCacheHead = () => groupCacheHeadItem.getValue();

/** Calls back with the decoded list whenever the background changes it. */
export function watchGroupCache(cb: (cache: GroupCache) => void): () => void {
  return groupCacheItem.watch((stored) => cb(decode(stored)));
}

/**
 * Replaces the cache with a fresh list from Zoko, sorted by name, and returns it. The list does not say
 * whether a group is suspended (only details do), so what details told us is carried over.
 */
export async function cacheGroups(groups: Group[], now = Date.now()): Promise<Group[]> {
  const known = new Map((await readGroupCache()).groups.map((g) => [g.id, g.suspended]));
  const merged = sortBySubject(groups.map((g) => (g.suspended === undefined && known.get(g.id) ? { ...g, suspended: true } : g)));
  await writeGroupCache({ groups: merged, fetchedAt: now });
  return merged;
}

/** Updates (or adds) one group in the cache, keeping the list's order. */
export async function cacheGroup(group: Group) {
  const cache = await readGroupCache();
  const summary: Group = {
    id: group.id, whatsappGroupId: group.whatsappGroupId, subject: group.subject, inviteLink: group.inviteLink,
    autoApproval: group.autoApproval, participantCount: group.participantCount, suspended: group.suspended,
    createdAt: group.createdAt, updatedAt: group.updatedAt,
  };
  const index = cache.groups.findIndex((g) => g.id === group.id);
  const groups = index === -1 ? sortBySubject([summary, ...cache.groups]) : cache.groups.with(index, summary);
  await writeGroupCache({ ...cache, groups });
}

export async function uncacheGroup(id: string) {
  const cache = await readGroupCache();
  await writeGroupCache({ ...cache, groups: cache.groups.filter((g) => g.id !== id) });
}
