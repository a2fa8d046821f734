/**
 * Polls join requests for the badge, within limits: only groups that can have requests (auto-approval off,
 * not suspended); at most `concurrency` in flight; never two for the same group; at most the per-minute
 * budget. Groups that had requests recently go first; the rest take turns, least recently polled first.
 */
import pLimit from 'p-limit';
import { browser } from 'wxt/browser';
import { storage } from '@wxt-dev/storage';
import { DEFAULT_SETTINGS } from './config';
import { cacheGroups, readGroupCache, writeCacheHead } from './group-cache';
import { pendingCountsItem, settingsItem, type PendingCounts } from './storage';
import type { RequestBudget } from './request-budget';
import type { ZokoClient } from './zoko/client';
import { ZokoError } from './zoko/errors';
import type { Group, JoinRequest } from './zoko/schemas';

/** The group list is re-read this often by the poller (the panel re-reads it whenever it opens). */
const LIST_EVERY_MS = 5 * 60_000;

/** Until when a 429 told us to stop (ms); session-scoped so a restarted worker still honours it. */
const pausedUntilItem = /* @__PURE__ */ storage.defineItem<number>('session:pollPausedUntil', { fallback: 0 });

export interface NewRequests { group: Group; requests: JoinRequest[] }

export interface PollerDeps {
  client: ZokoClient;
  budget: RequestBudget;
  concurrency?: number;
  /** Counts changed: repaint the badge. */
  onCounts?: (counts: PendingCounts, groups: Group[]) => Promise<void>;
  /** Requests that were not there at the previous poll. */
  onNewRequests?: (found: NewRequests[]) => Promise<void>;
  hasKey: () => Promise<boolean>;
  now?: () => number;
}

export interface PollReport { polled: number; skipped: number; reason?: 'noKey' | 'paused' | 'authRejected' | 'budget' }

/** Orders the groups to poll: those with people waiting first, then the least recently polled. */
export function pollOrder(groups: Group[], counts: PendingCounts): Group[] {
  return groups
    .filter((g) => !g.autoApproval && !g.suspended)
    .sort((a, b) => {
      const hot = Number((counts.byGroup[b.id] ?? 0) > 0) - Number((counts.byGroup[a.id] ?? 0) > 0);
      return hot || (counts.polledAt[a.id] ?? 0) - (counts.polledAt[b.id] ?? 0);
    });
}

export function createPoller(deps: PollerDeps) {
  const { client, budget } = deps;
  const now = deps.now ?? Date.now;
  // Enough in flight that a round of a few hundred groups takes about a second at 50 ms per call; the
  // per-minute budget, not this number, is what keeps the store within Zoko's rate limits.
  const limit = pLimit(deps.concurrency ?? 20);
  const inFlight = new Map<string, Promise<JoinRequest[] | null>>();
  // Serialises writes to the counts item: parallel polls must not overwrite each other's results.
  let writes = Promise.resolve();

  function update(fn: (c: PendingCounts) => PendingCounts): Promise<PendingCounts> {
    const next = writes.then(async () => {
      const updated = fn(await pendingCountsItem.getValue());
      await pendingCountsItem.setValue(updated);
      return updated;
    });
    writes = next.then(() => undefined, () => undefined);
    return next;
  }

  async function publish(counts: PendingCounts) {
    const { groups } = await readGroupCache();
    await writeCacheHead(groups); // the panel's first rows follow the counts' order
    await deps.onCounts?.(counts, groups);
  }

  /**
   * Records what is now known of one group's requests (null: the group is gone) and repaints the badge;
   * a polling round records quietly and repaints once at its end.
   */
  async function record(groupId: string, requests: JoinRequest[] | null, repaint = true) {
    const counts = await update((c) => {
      const byGroup = { ...c.byGroup };
      const polledAt = { ...c.polledAt };
      const newestAt = { ...c.newestAt };
      if (requests === null) {
        delete byGroup[groupId];
        delete polledAt[groupId];
        delete newestAt[groupId];
      } else {
        byGroup[groupId] = requests.length;
        polledAt[groupId] = now();
        newestAt[groupId] = Math.max(newestAt[groupId] ?? 0, ...requests.map((r) => r.createdAt));
      }
      return { ...c, byGroup, polledAt, newestAt, problem: undefined };
    });
    if (repaint) await publish(counts);
  }

  /** Polls one group; a second call while the first is in flight shares it. */
  function pollGroup(group: Group): Promise<JoinRequest[] | null> {
    const running = inFlight.get(group.id);
    if (running) return running;
    const p = limit(async () => {
      // A 429 earlier in this round: the queued polls wait for the next round instead of adding to the flood.
      if ((await pausedUntilItem.getValue()) > now()) throw new ZokoError({ kind: 'rateLimited', message: 'Polling paused' });
      return client.listJoinRequests(group.id);
    })
      .then(async (requests) => {
        const before = (await pendingCountsItem.getValue()).newestAt[group.id];
        await record(group.id, requests, false);
        const fresh = before === undefined ? [] : requests.filter((r) => r.createdAt > before);
        if (fresh.length > 0) await deps.onNewRequests?.([{ group, requests: fresh }]);
        return requests;
      })
      .finally(() => inFlight.delete(group.id));
    inFlight.set(group.id, p);
    return p;
  }

  async function setProblem(problem: PendingCounts['problem']) {
    await publish(await update((c) => ({ ...c, problem })));
  }

  /** One polling round, within the budget. */
  async function poll(): Promise<PollReport> {
    if (!(await deps.hasKey())) {
      await setProblem('noKey');
      return { polled: 0, skipped: 0, reason: 'noKey' };
    }
    if ((await pausedUntilItem.getValue()) > now()) return { polled: 0, skipped: 0, reason: 'paused' };
    try {
      let cache = await readGroupCache();
      if (now() - cache.fetchedAt > LIST_EVERY_MS && (await budget.take(1, now())) === 1) {
        await cacheGroups(await client.listGroups(), now());
        cache = await readGroupCache();
        await dropVanished(cache.groups);
      }
      const order = pollOrder(cache.groups, await pendingCountsItem.getValue());
      // The minute's budget shared over the rounds in a minute: every 30 s (the default), half of it each,
      // so groups with people waiting are seen twice a minute.
      const { pollBudgetPerMinute, pollIntervalSeconds = DEFAULT_SETTINGS.pollIntervalSeconds } = await settingsItem.getValue();
      const perRound = Math.ceil((pollBudgetPerMinute * Math.min(pollIntervalSeconds, 60)) / 60);
      const granted = await budget.take(Math.min(order.length, perRound), now());
      const results = await Promise.allSettled(order.slice(0, granted).map(pollGroup));
      await publish(await pendingCountsItem.getValue());
      const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failure) throw failure.reason;
      return { polled: granted, skipped: order.length - granted, ...(granted < order.length ? { reason: 'budget' as const } : {}) };
    } catch (error) {
      if (!(error instanceof ZokoError)) throw error;
      const { kind, retryAfterS, status } = error.data;
      if (kind === 'auth') {
        await setProblem(status === 401 ? 'authRejected' : 'noKey');
        return { polled: 0, skipped: 0, reason: 'authRejected' };
      }
      // A 429 pauses polling for its Retry-After (a minute when it gives none); other errors wait for the next round.
      if (kind === 'rateLimited') await pausedUntilItem.setValue(now() + (retryAfterS ?? 60) * 1000);
      return { polled: 0, skipped: 0, reason: kind === 'rateLimited' ? 'paused' : undefined };
    }
  }

  async function dropVanished(groups: Group[]) {
    const ids = new Set(groups.map((g) => g.id));
    const counts = await update((c) => ({
      ...c,
      byGroup: Object.fromEntries(Object.entries(c.byGroup).filter(([id]) => ids.has(id))),
    }));
    await publish(counts);
  }

  return { poll, pollGroup, record, setProblem, inFlight };
}

export type Poller = ReturnType<typeof createPoller>;

/** Reads the per-minute budget from the settings. */
export const budgetSetting = async () => (await settingsItem.getValue()).pollBudgetPerMinute;

export const POLL_ALARM = 'poll-join-requests';

/** (Re)schedules the badge's polling alarm at the agent's interval; creating it again replaces it. */
export async function schedulePolling() {
  const { pollIntervalSeconds } = await settingsItem.getValue();
  const periodInMinutes = Math.max(30, pollIntervalSeconds) / 60;
  const current = await browser.alarms.get(POLL_ALARM);
  if (current?.periodInMinutes !== periodInMinutes) await browser.alarms.create(POLL_ALARM, { periodInMinutes });
}
