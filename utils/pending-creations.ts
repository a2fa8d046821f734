/**
 * Watches 202 creations until the group appears in Zoko's list. The list of pending creations lives in
 * storage, so a stopped worker picks the watch up again on its next start (and on the alarm).
 */
import { cacheGroups } from './group-cache';
import { pendingCreationsItem, type PendingCreation } from './storage';
import type { ZokoClient } from './zoko/client';
import type { Group } from './zoko/schemas';

/** Give up telling the agent after this long: Zoko may still finish, but the agent should know. */
export const WATCH_FOR_MS = 10 * 60_000;
const BACKOFF_MS = [2_000, 4_000, 8_000, 15_000, 30_000];

export interface CreationEvents {
  onCreated: (creation: PendingCreation, group: Group) => Promise<void>;
  onGaveUp: (creation: PendingCreation) => Promise<void>;
}

/** Remembers a new 202 creation: the subject, and which groups already had it (so they are not mistaken for it). */
export async function addPendingCreation(requestId: string, subject: string, existing: Group[], now = Date.now()) {
  const creation: PendingCreation = {
    requestId, subject, startedAt: now, attempts: 0,
    knownIds: existing.filter((g) => g.subject === subject).map((g) => g.id),
  };
  await pendingCreationsItem.setValue([...(await pendingCreationsItem.getValue()), creation]);
}

export function createCreationWatcher(client: ZokoClient, events: CreationEvents, now: () => number = Date.now) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;

  /** Lists groups once and settles every pending creation that appeared or expired. */
  async function check(): Promise<void> {
    const pending = await pendingCreationsItem.getValue();
    if (pending.length === 0) return;
    let groups: Group[];
    try {
      groups = await client.listGroups();
      await cacheGroups(groups, now());
    } catch {
      groups = []; // Zoko unreachable right now: try again on the next tick; expiry still applies below
    }
    const settled = new Set<string>();
    for (const c of pending) {
      const found = groups.find((g) => g.subject === c.subject && !c.knownIds.includes(g.id));
      if (found) {
        settled.add(c.requestId);
        await events.onCreated(c, found);
      } else if (now() - c.startedAt > WATCH_FOR_MS) {
        settled.add(c.requestId);
        await events.onGaveUp(c);
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

  return { check, watch };
}
