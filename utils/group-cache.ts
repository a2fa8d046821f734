/**
 * Reading the cached group list that lets the panel paint at once. The background alone writes it
 * (utils/background/group-cache-writes.ts). Stored as one JSON string (see StoredGroupCache).
 */
import type { Group } from './domain';
import { groupCacheHeadItem, groupCacheItem, type GroupCache, type StoredGroupCache } from './storage';

let memo: { json: string; groups: Group[] } | null = null;

/** The stored string as a list; a damaged cache reads as empty. */
export function decodeGroupCache(stored: StoredGroupCache): GroupCache {
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
  return decodeGroupCache(await groupCacheItem.getValue());
}

/**
 * Groups enough to name `ids` (a badge tooltip, a notification, an Activity entry): the head — a screenful,
 * groups with people waiting first, a few KB — when it has them all, else the whole list (megabytes at
 * 10,000 groups). `whole` says which was read.
 */
export async function readGroupsNaming(ids: string[]): Promise<{ groups: Group[]; whole: boolean }> {
  const head = await groupCacheHeadItem.getValue();
  const inHead = new Set(head.groups.map((g) => g.id));
  if (ids.every((id) => inHead.has(id))) return { groups: head.groups, whole: false };
  return { groups: (await readGroupCache()).groups, whole: true };
}

