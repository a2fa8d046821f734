/**
 * Polls join requests for the badge, within limits: only groups that can have requests (auto-approval off,
 * not suspended); at most `concurrency` in flight; never two for the same group; at most the per-minute
 * budget. Groups with people waiting go first every round; the quiet ones take turns (round robin by id).
 * What a round learns goes to the pending-counts owner once, at the end of the round.
 */
import pLimit from 'p-limit';
import { browser, type Browser } from 'wxt/browser';
import { DEFAULT_SETTINGS } from '../config';
import type { Group, JoinRequestList } from '../domain';
import { readGroupCache } from '../group-cache';
import { joinApprovalModesItem, settingsItem } from '../storage';
import { POLL_ALARM } from '../storage-keys';
import { currentAccount, isCurrent } from './account';
import { cacheGroups } from './group-cache-writes';
import { notifyNewRequests } from './notify';
import { checkWaits } from './wait-alerts';
import type { Observation, PendingCountsOwner } from './pending-counts';
import type { RequestBudget } from './request-budget';
import type { PauseStore, ZokoClient } from './zoko/client';
import { ZokoError } from './zoko/errors';

/** The group list is re-read this often by the poller (the panel re-reads it whenever it opens). */
const LIST_EVERY_MS = 5 * 60_000;


export interface PollerDeps {
  client: ZokoClient;
  counts: PendingCountsOwner;
  budget: RequestBudget;
  /** Until when Zoko asked us to wait (the client refuses to send before then). */
  pause?: PauseStore;
  concurrency?: number;
  hasKey?: () => Promise<boolean>;
  now?: () => number;
}

/**
 * What a round did. `paused`: Zoko asked us to wait; `failing`: Zoko answered with a server error, so the round
 * stopped there instead of asking every group in turn.
 */
export interface PollReport { polled: number; skipped: number; reason?: 'noKey' | 'paused' | 'authRejected' | 'budget' | 'failing' }

/** Failures that say Zoko itself is in trouble or wants a pause, not one group: the rest of a round would meet them too. */
const stopsTheRound = (e: unknown) => e instanceof ZokoError
  && (e.data.kind === 'server' || e.data.kind === 'rateLimited' || e.data.kind === 'timeout' || e.data.pausedUntil !== undefined);

/** A poll the round did not send, after another one met a failing Zoko. */
class NotSent extends Error {}

/** What the polls of one round share: once one meets a failing Zoko, those still queued are not sent. */
interface Round { failing: boolean }

/** Groups in id order, starting after `cursor` and wrapping around: each gets its turn. */
function inTurn(groups: Group[], cursor: string): Group[] {
  const sorted = [...groups].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const start = sorted.findIndex((g) => g.id > cursor);
  return start <= 0 ? sorted : [...sorted.slice(start), ...sorted.slice(0, start)];
}

/**
 * Orders the groups to poll: those with people waiting first, then the quiet ones; each kind in turn,
 * after the one polled last (`hotCursor`, `cursor`), so that none waits while others are polled twice.
 * Left out: groups where no request can wait (suspended; Zoko approves them; WhatsApp lets people join at
 * once, as set from here).
 */
export function pollOrder(groups: Group[], byGroup: Record<string, number>, cursor = '',
  joinAtOnce: ReadonlySet<string> = new Set(), hotCursor = ''): Group[] {
  const eligible = groups.filter((g) => !g.autoApproval && !g.suspended && !joinAtOnce.has(g.id));
  const isHot = (g: Group) => (byGroup[g.id] ?? 0) > 0;
  return [...inTurn(eligible.filter(isHot), hotCursor), ...inTurn(eligible.filter((g) => !isHot(g)), cursor)];
}

export function createPoller(deps: PollerDeps) {
  const { client, budget, counts } = deps;
  const now = deps.now ?? Date.now;
  // Enough in flight that a round of a few hundred groups takes about a second at 50 ms per call; the
  // per-minute budget, not this number, is what keeps the store within Zoko's rate limits.
  const limit = pLimit(deps.concurrency ?? 20);
  const inFlight = new Map<string, Promise<JoinRequestList>>();

  /**
   * Reads one group's requests; a second call while the first is in flight shares it. In a `round`, a poll that
   * meets a failing Zoko marks it at once (before its slot goes to the next one), and a poll whose turn comes
   * after that is not sent.
   */
  function pollGroup(group: Group, round?: Round): Promise<JoinRequestList> {
    const running = inFlight.get(group.id);
    if (running) return running;
    const p = limit(async () => {
      if (round?.failing) throw new NotSent();
      try {
        return await client.listJoinRequests(group.id);
      } catch (error) {
        if (round && stopsTheRound(error)) round.failing = true;
        throw error;
      }
    }).finally(() => inFlight.delete(group.id));
    inFlight.set(group.id, p);
    return p;
  }

  /** One polling round, within the budget. */
  async function poll(): Promise<PollReport> {
    // The account this round's results belong to: a sign-out or a new key meanwhile discards them.
    const account = await currentAccount();
    if (!(deps.hasKey ? await deps.hasKey() : account.key)) {
      await counts.setProblem('noKey', account);
      return { polled: 0, skipped: 0, reason: 'noKey' };
    }
    if (((await deps.pause?.get()) ?? 0) > now()) return { polled: 0, skipped: 0, reason: 'paused' };
    try {
      let { groups, fetchedAt } = await readGroupCache();
      let listed: Group[] | undefined;
      if (now() - fetchedAt > LIST_EVERY_MS && (await budget.available(now())) >= 1) {
        groups = listed = await cacheGroups((await client.listGroups()).groups, now(), account);
      }
      const [{ byGroup, cursor, hotCursor }, modes] = await Promise.all([counts.snapshot(), joinApprovalModesItem.getValue()]);
      const joinAtOnce = new Set(Object.keys(modes).filter((id) => modes[id]!.mode === 'auto_approve'));
      const order = pollOrder(groups, byGroup, cursor, joinAtOnce, hotCursor);
      // The minute's budget shared over the rounds in a minute: every 30 s (the default), half of it each,
      // so groups with people waiting are seen twice a minute.
      const { pollBudgetPerMinute, pollIntervalSeconds = DEFAULT_SETTINGS.pollIntervalSeconds } = await settingsItem.getValue();
      const perRound = Math.ceil((pollBudgetPerMinute * Math.min(pollIntervalSeconds, 60)) / 60);
      const granted = Math.min(order.length, perRound, await budget.available(now()));
      const targets = order.slice(0, granted);
      const at = now();
      // One poll first: a Zoko that is rate limiting or failing answers it with a 429 or a 5xx, which stops the
      // round before the rest is sent (in parallel, they would all be in flight before the first answer came back).
      // Any later poll that meets one stops the polls still queued: a failing Zoko is asked a few times, not once
      // (or three times, with retries) per group.
      const round: Round = { failing: false };
      const poll1 = (g: Group) => pollGroup(g, round);
      const first = await Promise.allSettled(targets.slice(0, 1).map(poll1));
      const results = [...first, ...(await Promise.allSettled(targets.slice(1).map(poll1)))];
      const observations: Observation[] = [];
      results.forEach((r, i) => {
        if (r.status === 'fulfilled') observations.push({ groupId: targets[i]!.id, requests: r.value, at });
      });
      // The rotation moves past the groups that were asked; those left unsent keep their turn.
      const asked = targets.filter((_, i) => !(results[i]!.status === 'rejected' && (results[i] as PromiseRejectedResult).reason instanceof NotSent));
      const lastQuiet = asked.findLast((g) => !((byGroup[g.id] ?? 0) > 0));
      const lastHot = asked.findLast((g) => (byGroup[g.id] ?? 0) > 0);
      if (!(await isCurrent(account))) return { polled: 0, skipped: 0, reason: 'noKey' };
      const fresh = await counts.commit({ observations, listed, cursor: lastQuiet?.id, hotCursor: lastHot?.id, account });
      const byId = new Map(groups.map((g) => [g.id, g]));
      await notifyNewRequests(fresh.flatMap((f) => (byId.has(f.groupId) ? [{ group: byId.get(f.groupId)!, requests: f.requests }] : [])));
      await checkWaits(now());
      const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected' && !(r.reason instanceof NotSent));
      if (failure) throw failure.reason;
      return { polled: granted, skipped: order.length - granted, ...(granted < order.length ? { reason: 'budget' as const } : {}) };
    } catch (error) {
      if (!(error instanceof ZokoError)) throw error;
      const { kind, status, pausedUntil } = error.data;
      if (kind === 'auth') {
        await counts.setProblem(status === 401 ? 'authRejected' : 'noKey', account);
        return { polled: 0, skipped: 0, reason: 'authRejected' };
      }
      // A 429 (or a 503 with a long Retry-After) paused the client itself, until then; other errors wait for the next round.
      const reason = kind === 'rateLimited' || pausedUntil !== undefined ? 'paused' : stopsTheRound(error) ? 'failing' : undefined;
      return { polled: 0, skipped: 0, ...(reason ? { reason } : {}) };
    }
  }

  /** The key or the settings changed: reschedule at the agent's interval and count again now. */
  async function restart() {
    await schedulePolling();
    void poll();
  }

  return { poll, pollGroup, restart, inFlight };
}

export type Poller = ReturnType<typeof createPoller>;

/** (Re)schedules the badge's polling alarm at the agent's interval; creating it again replaces it. */
export async function schedulePolling() {
  const { pollIntervalSeconds } = await settingsItem.getValue();
  const periodInMinutes = Math.max(30, pollIntervalSeconds) / 60;
  const current = await browser.alarms.get(POLL_ALARM);
  if (current?.periodInMinutes !== periodInMinutes) await browser.alarms.create(POLL_ALARM, { periodInMinutes });
}

/** The alarm's listener: a polling round, and a look at creations a stopped worker left behind. */
export function onPollAlarm(poller: Poller, creations: { watch(): Promise<void> }) {
  return (alarm: Browser.alarms.Alarm) => {
    if (alarm.name !== POLL_ALARM) return;
    void poller.poll();
    void creations.watch();
  };
}
