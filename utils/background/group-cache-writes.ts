/**
 * Writing the cached group list, kept in step with every change the background makes. The panel paints
 * from it (utils/group-cache.ts reads it); only the background writes it, and only here: every change of the
 * list or its head goes through one queue, so two changes at once (Approve all that fit in several groups, a
 * poll round beside a handler) cannot lose one — each reads the list the previous one wrote.
 */
import type { Group, GroupDetails } from '../domain';
import { readGroupCache } from '../group-cache';
import { orderForDisplay, sortBySubject } from '../group-order';
import { groupCacheHeadItem, groupCacheItem, knownMembersItem, pendingCountsItem, type GroupCache } from '../storage';
import { writeFor, type Account } from './account';
import { oneAtATime } from './one-at-a-time';

/** Rows in the head: more than a tall panel shows, so the first paint is complete. */
export const HEAD_SIZE = 40;

const cacheSerial = oneAtATime();

/** Every writer here takes the account its action works for: nothing is written once it is signed out. */
export function writeGroupCache(cache: GroupCache, account?: Account) {
  return cacheSerial(() => storeGroupCache(cache, account));
}

async function storeGroupCache(cache: GroupCache, account?: Account) {
  const json = JSON.stringify(cache.groups);
  try {
    if (!(await writeFor(account, () => groupCacheItem.setValue({ json, fetchedAt: cache.fetchedAt })))) return;
  } catch {
    // The cache only makes the first paint instant: a write refused (storage full) must never fail the read that
    // fed it. What was cached before is dropped rather than left stale; the list is then simply "not cached".
    await groupCacheItem.removeValue().catch(() => undefined);
  }
  await storeCacheHead(cache.groups, undefined, account).catch(() => undefined); // same: a missing head only slows the first paint
}

/**
 * Rewrites the head from the cached list and the counts, after the counts change; skipped when the head would
 * not change, so an unchanged round wakes no page. Queued with the list's writes, and the list is read inside
 * the queue: a list read before a change still in flight would put a stale head over a fresh one. Returns that
 * list, so the caller reads it once.
 */
export function writeCacheHead(byGroup?: Record<string, number>, account?: Account): Promise<Group[]> {
  return cacheSerial(() => storeCacheHead(undefined, byGroup, account));
}

/** Writes the head when it changed; returns the list it was built from (the badge names groups from it). */
async function storeCacheHead(groups?: Group[], byGroup?: Record<string, number>, account?: Account): Promise<Group[]> {
  const [list, counts, stored] = await Promise.all([
    groups ?? readGroupCache().then((c) => c.groups),
    byGroup ?? pendingCountsItem.getValue().then((c) => c.byGroup),
    groupCacheHeadItem.getValue(), // a few KB: cheaper to compare than to wake every open page
  ]);
  const head = { groups: orderForDisplay(list, counts).slice(0, HEAD_SIZE), total: list.length };
  if (JSON.stringify(head) !== JSON.stringify(stored)) await writeFor(account, () => groupCacheHeadItem.setValue(head));
  return list;
}

/**
 * Replaces the cache with a fresh list from Zoko, sorted by name, and returns it. The list does not say
 * whether a group is suspended (only details do), so what details told us is carried over.
 */
export function cacheGroups(groups: Group[], now = Date.now(), account?: Account): Promise<Group[]> {
  return cacheSerial(async () => {
    const known = new Map((await readGroupCache()).groups.map((g) => [g.id, g.suspended]));
    const merged = sortBySubject(groups.map((g) => (g.suspended === undefined && known.get(g.id) ? { ...g, suspended: true } : g)));
    await storeGroupCache({ groups: merged, fetchedAt: now }, account);
    return merged;
  });
}

/** What the list keeps of a group (details also carry participants and requests). */
function summaryOf(group: Group): Group {
  return {
    id: group.id, whatsappGroupId: group.whatsappGroupId, subject: group.subject, inviteLink: group.inviteLink,
    autoApproval: group.autoApproval, participantCount: group.participantCount, suspended: group.suspended,
    createdAt: group.createdAt, updatedAt: group.updatedAt,
  };
}

/**
 * Updates (or adds) one group in the cache. A renamed group moves to its new place in the name order at once
 * (not at the next full list read); an unchanged one writes nothing, so re-reading a group wakes no page.
 */
export function cacheGroup(group: Group, account?: Account) {
  return cacheSerial(async () => {
    const cache = await readGroupCache();
    const summary = summaryOf(group);
    const index = cache.groups.findIndex((g) => g.id === group.id);
    const old = index === -1 ? undefined : cache.groups[index]!;
    if (old && JSON.stringify(summaryOf(old)) === JSON.stringify(summary)) return;
    const groups = old && old.subject === summary.subject
      ? cache.groups.with(index, summary)
      : sortBySubject([summary, ...cache.groups.filter((g) => g.id !== group.id)]);
    await storeGroupCache({ ...cache, groups }, account);
  });
}

export async function uncacheGroup(id: string, account?: Account) {
  await cacheSerial(async () => {
    const cache = await readGroupCache();
    if (!cache.groups.some((g) => g.id === id)) return;
    await storeGroupCache({ ...cache, groups: cache.groups.filter((g) => g.id !== id) }, account);
  });
  await updateMembers((members) => {
    const { [id]: _gone, ...rest } = members;
    return rest;
  }, account);
}

const membersSerial = oneAtATime();
/** Groups are read in parallel (Waiting decides in many at once): one read-modify-write at a time. */
function updateMembers(change: (members: Record<string, string[]>) => Record<string, string[]>, account: Account | undefined) {
  return membersSerial(async () => {
    const next = change(await knownMembersItem.getValue());
    await writeFor(account, () => knownMembersItem.setValue(next));
  });
}

/** Who is in a group, as just read: "This chat" tells the agent which groups a customer is already in. */
export function rememberMembers(group: GroupDetails, account?: Account) {
  return updateMembers((members) => ({ ...members, [group.id]: group.participants.map((p) => p.waId) }), account);
}
