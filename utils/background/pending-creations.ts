/**
 * Creations Zoko has not confirmed yet: remembered before the POST (so a lost answer cannot make the agent
 * create the group twice), kept while a 202 is pending, and watched until the group appears in Zoko's list.
 * They live in storage, so a stopped worker picks the watch up again on its next start (and on the alarm).
 * Every change goes through one queue: two windows creating at once must not overwrite each other.
 */
import { i18n } from '#i18n';
import type { CreateResult, Group } from '../domain';
import { readGroupCache } from '../group-cache';
import { pendingCreationsItem, type PendingCreation } from '../storage';
import { cacheGroup, cacheGroups } from './group-cache-writes';
import { groupNotificationId, notifyMessage } from './notify';
import type { ZokoClient } from './zoko/client';
import { oneAtATime } from './one-at-a-time';
import { currentAccount, isCurrent, writeFor, type Account } from './account';

/** Give up telling the agent after this long: Zoko may still finish, but the agent should know. */
export const WATCH_FOR_MS = 10 * 60_000;
const BACKOFF_MS = [2_000, 4_000, 8_000, 15_000, 30_000];
/** Zoko's clock and ours may differ: a group created this much before we asked may still be ours. */
const CLOCK_SKEW_MS = 2 * 60_000;

const serial = oneAtATime();

/** Read-modify-write of the pending creations, one at a time; nothing is written for an account signed out. */
function update<T>(fn: (pending: PendingCreation[]) => { next: PendingCreation[]; value: T }, account?: Account): Promise<T> {
  return serial(async () => {
    const { next, value } = fn(await pendingCreationsItem.getValue());
    await writeFor(account, () => pendingCreationsItem.setValue(next));
    return value;
  });
}

/** Remembers a creation: the subject, when, and which groups already had it (so they are not mistaken for it). */
export function addPendingCreation(requestId: string, subject: string, existing: Group[], now = Date.now(), account?: Account) {
  const creation: PendingCreation = {
    requestId, subject, startedAt: now, attempts: 0,
    knownIds: existing.filter((g) => g.subject === subject).map((g) => g.id),
  };
  return update((pending) => ({ next: [...pending, creation], value: creation }), account);
}

/** The group that is this creation: same subject, not one that existed before, not created well before we asked. */
export function matches(c: PendingCreation, g: Group): boolean {
  if (g.subject !== c.subject || c.knownIds.includes(g.id)) return false;
  const created = Date.parse(g.createdAt);
  return Number.isNaN(created) || created >= c.startedAt - CLOCK_SKEW_MS;
}

async function created(c: PendingCreation, group: Group, account: Account) {
  await cacheGroup(group, account);
  if (!(await isCurrent(account))) return;
  await notifyMessage(groupNotificationId(group.id), i18n.t('notify.createdTitle'), i18n.t('notify.createdText', [c.subject]));
}

const gaveUp = (c: PendingCreation) => notifyMessage(`creation:${c.requestId}`, i18n.t('notify.stillCreatingTitle'),
  i18n.t('notify.stillCreatingText', [c.subject]));

export function createCreationWatcher(client: ZokoClient, now: () => number = Date.now) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;
  let seq = 0;

  /** Lists groups once and settles every pending creation that appeared or expired. */
  async function check(): Promise<void> {
    const account = await currentAccount(); // a watch that outlives a sign-out settles nothing of the account after
    const pending = await pendingCreationsItem.getValue();
    if (pending.length === 0) return;
    let groups: Group[];
    try {
      ({ groups } = await client.listGroups());
      await cacheGroups(groups, now(), account);
    } catch {
      groups = []; // Zoko unreachable right now: try again on the next tick; expiry still applies below
    }
    const settled = new Set<string>();
    for (const c of pending) {
      const found = groups.find((g) => matches(c, g));
      if (!(await isCurrent(account))) return;
      if (found) {
        settled.add(c.requestId);
        await created(c, found, account);
      } else if (now() - c.startedAt > WATCH_FOR_MS) {
        settled.add(c.requestId);
        await gaveUp(c);
      }
    }
    await update((latest) => ({
      // Only what was looked at: a creation added while we listed waits for the next check.
      next: latest.filter((c) => !settled.has(c.requestId))
        .map((c) => (pending.some((p) => p.requestId === c.requestId) ? { ...c, attempts: c.attempts + 1 } : c)),
      value: undefined,
    }), account);
  }

  /** Checks now (sharing a check already running), then again after a backoff while any remain. */
  function watch(): Promise<void> {
    running ??= check().finally(() => (running = null));
    return running.then(async () => {
      clearTimeout(timer);
      const pending = await pendingCreationsItem.getValue();
      if (pending.length === 0) return;
      const attempts = Math.min(...pending.map((c) => c.attempts));
      // A timer is enough while the worker lives; the alarm resumes the watch if Chrome stops it.
      timer = setTimeout(() => void watch(), BACKOFF_MS[Math.min(attempts, BACKOFF_MS.length - 1)]);
    });
  }

  return {
    check, watch,
    /** Before the POST: the creation is remembered, so a lost answer can be found out later. */
    async intend(subject: string, account?: Account): Promise<string> {
      const id = `intent:${now()}:${++seq}`;
      await addPendingCreation(id, subject, (await readGroupCache()).groups, now(), account);
      return id;
    },
    /** A 202: the intent becomes Zoko's pending request, watched until the group appears. */
    async confirm(intent: string, result: Extract<CreateResult, { status: 'pending' }>, account?: Account) {
      await update((pending) => ({
        next: pending.map((c) => (c.requestId === intent ? { ...c, requestId: result.requestId } : c)),
        value: undefined,
      }), account);
      void watch();
    },
    /** The creation is settled (created at once, or refused): forget it. */
    drop: (intent: string, account?: Account) =>
      update((pending) => ({ next: pending.filter((c) => c.requestId !== intent), value: undefined }), account),
    /** After a lost answer: the group, if it is already in Zoko's list. */
    async find(intent: string, account?: Account): Promise<Group | undefined> {
      const c = (await pendingCreationsItem.getValue()).find((p) => p.requestId === intent);
      if (!c) return undefined;
      const { groups } = await client.listGroups();
      await cacheGroups(groups, now(), account);
      return groups.find((g) => matches(c, g));
    },
    /** Whether a creation with this subject is not settled yet. */
    isPending: async (subject: string) => (await pendingCreationsItem.getValue()).some((c) => c.subject === subject),
  };
}

export type CreationWatcher = ReturnType<typeof createCreationWatcher>;
