/** The cached group list that lets the panel paint at once; kept in step with every change the background makes. */
import { groupCacheItem } from './storage';
import type { Group } from './zoko/schemas';

/**
 * Replaces the cache with a fresh list from Zoko and returns it. The list does not say whether a group is
 * suspended (only details do), so what details told us is carried over.
 */
export async function cacheGroups(groups: Group[], now = Date.now()): Promise<Group[]> {
  const known = new Map((await groupCacheItem.getValue()).groups.map((g) => [g.id, g.suspended]));
  const merged = groups.map((g) => (g.suspended === undefined && known.get(g.id) ? { ...g, suspended: true } : g));
  await groupCacheItem.setValue({ groups: merged, fetchedAt: now });
  return merged;
}

/** Updates (or adds) one group in the cache, keeping the list's order. */
export async function cacheGroup(group: Group) {
  const cache = await groupCacheItem.getValue();
  const summary: Group = {
    id: group.id, whatsappGroupId: group.whatsappGroupId, subject: group.subject, inviteLink: group.inviteLink,
    autoApproval: group.autoApproval, participantCount: group.participantCount, suspended: group.suspended,
    createdAt: group.createdAt, updatedAt: group.updatedAt,
  };
  const index = cache.groups.findIndex((g) => g.id === group.id);
  const groups = index === -1 ? [summary, ...cache.groups] : cache.groups.with(index, summary);
  await groupCacheItem.setValue({ ...cache, groups });
}

export async function uncacheGroup(id: string) {
  const cache = await groupCacheItem.getValue();
  await groupCacheItem.setValue({ ...cache, groups: cache.groups.filter((g) => g.id !== id) });
}

export async function cachedGroup(id: string): Promise<Group | undefined> {
  return (await groupCacheItem.getValue()).groups.find((g) => g.id === id);
}
