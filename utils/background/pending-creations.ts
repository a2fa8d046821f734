/**
 * Watches 202 creations until the group appears in Zoko's list, then tells the agent. The list of pending
 * creations lives in storage, so a stopped worker picks the watch up again on its next start (and on the alarm).
 */
import { i18n } from '#i18n';
import type { CreateResult, Group } from '../domain';
import { readGroupCache } from '../group-cache';
import { pendingCreationsItem, type PendingCreation } from '../storage';
import { cacheGroup, cacheGroups } from './group-cache-writes';
import { groupNotificationId, notifyMessage } from './notify';
import type { ZokoClient } from './zoko/client';

/** Give up telling the agent after this long: Zoko may still finish, but the agent should know. */
export const WATCH_FOR_MS = 10 * 60_000;
const BACKOFF_MS = [2_000, 4_000, 8_000, 15_000, 30_000];

/** Remembers a new 202 creation: the subject, and which groups already had it (so they are not mistaken for it). */
export async function addPendingCreation(requestId: string, subject: string, existing: Group[], now = Date.now()) {
  const creation: PendingCreation = {
    requestId, subject, startedAt: now, attempts: 0,
    knownIds: existing.filter((g) => g.subject === subject).map((g) => g.id),
  };
  await pendingCreationsItem.setValue([...(await pendingCreationsItem.getValue()), creation]);
}

async function created(c: PendingCreation, group: Group) {
  await cacheGroup(group);
  await notifyMessage(groupNotificationId(group.id), i18n.t('notify.createdTitle'), i18n.t('notify.createdText', [c.subject]));
}

const gaveUp = (c: PendingCreation) => notifyMessage(`creation:${c.requestId}`, i18n.t('notify.stillCreatingTitle'),
  i18n.t('notify.stillCreatingText', [c.subject]));

export function createCreationWatcher(client: ZokoClient, now: () => number = Date.now) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;

  /** Lists groups once and settles every pending creation that appeared or expired. */
  async function check(): Promise<void> {
    const pending = await pendingCreationsItem.getValue();
    if (pending.length === 0) return;
    let groups: Group[];
    try {
      ({ groups } = await client.listGroups());
      await cacheGroups(groups, now());
    } catch {
      groups = []; // Zoko unreachable right now: try again on the next tick; expiry still applies below
    }
    const settled = new Set<string>();
    for (const c of pending) {
      const found = groups.find((g) => g.subject === c.subject && !c.knownIds.includes(g.id));
      if (found) {
        settled.add(c.requestId);
        await created(c, found);
      } else if (now() - c.startedAt > WATCH_FOR_MS) {
        settled.add(c.requestId);
        await gaveUp(c);
      }
    }
    // Re-read: a creation may have been added while we listed.
    const latest = await pendingCreationsItem.getValue();
    await pendingCreationsItem.setValue(
      latest.filter((c) => !settled.has(c.requestId)).map((c) => ({ ...c, attempts: c.attempts + 1 })),
    );
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

  /** A 202: remember it, then watch until the group appears. */
  async function add(result: Extract<CreateResult, { status: 'pending' }>) {
    await addPendingCreation(result.requestId, result.subject, (await readGroupCache()).groups, now());
    void watch();
  }

  return { check, watch, add };
}

export type CreationWatcher = ReturnType<typeof createCreationWatcher>;
