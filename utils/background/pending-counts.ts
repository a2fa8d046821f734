/**
 * The one owner of pending join-request counts. Handlers and the poller tell it what they learned; it
 * keeps the counts and the poller's bookkeeping in storage, writes each at most once per polling round
 * (and once per agent action), and paints the badge once per write. Nothing else writes these items.
 */
import type { Group, JoinRequest, JoinRequestList } from '../domain';
import { readGroupsNaming } from '../group-cache';
import { pendingCountsItem, pollStateItem, seenRequestsItem, waitingPeopleItem, type PendingCounts, type PollState } from '../storage';
import { renderBadge } from './badge';
import { isCurrent, writeFor, type Account } from './account';
import { writeCacheHead } from './group-cache-writes';
import { oneAtATime } from './one-at-a-time';

/** What one read of a group's join requests found (`requests: null`: the group is gone). */
export interface Observation {
  groupId: string;
  requests: JoinRequestList | null;
  /** When the read started (ms): an agent's action recorded after it wins over it. */
  at: number;
}

export interface Commit {
  observations: Observation[];
  /** The poller's rotation positions after this round (quiet groups, groups with people waiting). */
  cursor?: string;
  hotCursor?: string;
  /** A fresh list: counts and bookkeeping of groups not in it are dropped. */
  listed?: Group[];
  /** Counting is impossible (no key, key rejected); `null` clears it. */
  problem?: PendingCounts['problem'] | null;
  /** The account the reads were for, from when they began: nothing is written or painted once it is signed out. */
  account?: Account;
}

export interface NewRequests { groupId: string; requests: JoinRequest[] }

const sameCounts = (a: PendingCounts, b: PendingCounts) =>
  a.problem === b.problem && JSON.stringify(a.byGroup) === JSON.stringify(b.byGroup);

export function createPendingCounts(now: () => number = Date.now) {
  // Writes in order: a round and an agent's action must not interleave their read-modify-write.
  const serial = oneAtATime();
  /** When an agent action last recorded each group, in this worker's life. */
  const actedAt = new Map<string, number>();
  /** Writes of the counts and bookkeeping items, and badge paints: for tests and the bench. */
  const stats = { countWrites: 0, stateWrites: 0, paints: 0, listReads: 0 };

  /** Applies what was learned; returns the requests that are new since each group was last seen. */
  function commit(change: Commit): Promise<NewRequests[]> {
    return serial(async () => {
      const [counts, state, seen, people] = await Promise.all([
        pendingCountsItem.getValue(), pollStateItem.getValue(), seenRequestsItem.getValue(), waitingPeopleItem.getValue(),
      ]);
      const byGroup = { ...counts.byGroup };
      const newestAt = { ...seen };
      const waiting = { ...people };
      const since = state.since || now();
      const fresh: NewRequests[] = [];
      for (const { groupId, requests: list, at } of change.observations) {
        if ((actedAt.get(groupId) ?? 0) > at) continue; // the agent acted since this read began
        if (list === null) {
          delete byGroup[groupId];
          delete newestAt[groupId];
          delete waiting[groupId];
          continue;
        }
        // Zoko's count, which may be more than the requests it listed.
        if (list.count > 0) byGroup[groupId] = list.count;
        else delete byGroup[groupId];
        if (list.requests.length > 0) waiting[groupId] = list.requests;
        else delete waiting[groupId];
        const { requests } = list;
        const known = newestAt[groupId] ?? since;
        const newer = requests.filter((r) => r.createdAt > known);
        if (newer.length > 0 && state.since) fresh.push({ groupId, requests: newer });
        const newest = Math.max(newestAt[groupId] ?? 0, ...requests.map((r) => r.createdAt));
        if (newest > 0) newestAt[groupId] = newest;
      }
      if (change.listed) {
        const ids = new Set(change.listed.map((g) => g.id));
        for (const id of Object.keys(byGroup)) if (!ids.has(id)) delete byGroup[id];
        for (const id of Object.keys(newestAt)) if (!ids.has(id)) delete newestAt[id];
        for (const id of Object.keys(waiting)) if (!ids.has(id)) delete waiting[id];
      }
      const problem = change.problem === undefined
        ? (change.observations.length > 0 ? undefined : counts.problem)
        : (change.problem ?? undefined);
      const next: PendingCounts = problem ? { byGroup, problem } : { byGroup };
      const hotCursor = change.hotCursor ?? state.hotCursor;
      const nextState: PollState = { cursor: change.cursor ?? state.cursor, ...(hotCursor ? { hotCursor } : {}), since };
      const countsChanged = !sameCounts(counts, next) || 'polledAt' in counts;
      const { account } = change;
      if (countsChanged && (await writeFor(account, () => pendingCountsItem.setValue(next)))) stats.countWrites++;
      if (nextState.cursor !== state.cursor || nextState.hotCursor !== state.hotCursor || nextState.since !== state.since) {
        if (await writeFor(account, () => pollStateItem.setValue(nextState))) stats.stateWrites++;
      }
      if (JSON.stringify(newestAt) !== JSON.stringify(seen)) await writeFor(account, () => seenRequestsItem.setValue(newestAt));
      if (JSON.stringify(waiting) !== JSON.stringify(people)) await writeFor(account, () => waitingPeopleItem.setValue(waiting));
      // The panel's first rows follow the counts: a change rewrites the head from the whole list. Otherwise the
      // badge only needs the waiting groups' names: no read of a 10,000-group list per round.
      const rewrite = countsChanged || change.listed;
      const { groups, whole } = rewrite
        ? { groups: await writeCacheHead(byGroup, account), whole: true }
        : await readGroupsNaming(Object.keys(byGroup));
      if (whole) stats.listReads++;
      if (account && !(await isCurrent(account))) return []; // signed out meanwhile: the badge is the new account's
      await renderBadge(next, groups, waiting);
      stats.paints++;
      return fresh;
    });
  }

  return {
    commit,
    stats,
    /** An agent's action (or the open panel) read a group's requests: record it now, ahead of any round in flight. */
    async record(groupId: string, requests: JoinRequestList | null, account?: Account) {
      actedAt.set(groupId, now());
      await commit({ observations: [{ groupId, requests, at: now() }], account });
    },
    setProblem: (problem: NonNullable<PendingCounts['problem']>, account?: Account) => commit({ observations: [], problem, account }),
    /** The counts and the rotation position, as the poller needs them to plan a round. */
    async snapshot() {
      const [counts, state] = await Promise.all([pendingCountsItem.getValue(), pollStateItem.getValue()]);
      return { byGroup: counts.byGroup, cursor: state.cursor, hotCursor: state.hotCursor ?? '' };
    },
  };
}

export type PendingCountsOwner = ReturnType<typeof createPendingCounts>;
