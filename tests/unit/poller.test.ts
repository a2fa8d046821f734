// The badge poller and the badge itself, over fakeBrowser: budget, ordering, dedupe, errors, badge text.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { writeGroupCache } from '../../utils/group-cache';
import { badgeText, badgeTitle, renderBadge } from '../../utils/badge';
import { DEFAULT_SETTINGS } from '../../utils/config';
import { createPoller, pollOrder, type PollerDeps } from '../../utils/poller';
import { createRequestBudget } from '../../utils/request-budget';
import { pendingCountsItem, settingsItem, type PendingCounts } from '../../utils/storage';
import type { ZokoClient } from '../../utils/zoko/client';
import { ZokoError } from '../../utils/zoko/errors';
import type { Group, JoinRequest } from '../../utils/zoko/schemas';

const group = (i: number, patch: Partial<Group> = {}): Group => ({
  id: `g${i}`, whatsappGroupId: `1203630${i}`, subject: `Group ${i}`, inviteLink: '', autoApproval: false,
  participantCount: 2, suspended: false, createdAt: '', updatedAt: '', ...patch,
});
const request = (id: string, createdAt: number): JoinRequest => ({ id, waId: '919800000000', name: 'A', customerId: '', createdAt });

/** A fake Zoko that counts calls and can hold a response open. */
function fakeZoko(requestsFor: (id: string) => JoinRequest[] | Error = () => [], groups: Group[] = []) {
  const calls: string[] = [];
  let gate: Promise<void> = Promise.resolve();
  const client = {
    listGroups: async () => { calls.push('list'); return groups; },
    listJoinRequests: async (id: string) => {
      calls.push(id);
      await gate;
      const r = requestsFor(id);
      if (r instanceof Error) throw r;
      return r;
    },
  } as unknown as ZokoClient;
  return { client, calls, hold: () => { let open!: () => void; gate = new Promise((r) => (open = r)); return () => open(); } };
}

let clock = 1_000_000;
function poller(client: ZokoClient, extra: Partial<PollerDeps> = {}) {
  return createPoller({
    client, now: () => clock, hasKey: async () => true,
    budget: createRequestBudget(async () => (await settingsItem.getValue()).pollBudgetPerMinute),
    onCounts: (counts, groups) => renderBadge(counts, Object.fromEntries(groups.map((g) => [g.id, g.subject]))),
    ...extra,
  });
}

beforeEach(async () => {
  fakeBrowser.reset();
  clock = 1_000_000;
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, pollBudgetPerMinute: 60 });
});

describe('badge text', () => {
  it.each([[0, ''], [7, '7'], [99, '99'], [100, '99+'], [10_000, '99+']])('%i → "%s"', (n, text) => {
    expect(badgeText(n)).toBe(text);
    expect(badgeText(n).length).toBeLessThanOrEqual(4);
  });

  it('is "!" with a tooltip that says why when there is no key or it was rejected', async () => {
    await renderBadge({ byGroup: {}, polledAt: {}, newestAt: {}, problem: 'authRejected' }, {});
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(await fakeBrowser.action.getTitle({})).toBe('Zoko Groups: Zoko rejected the API key. Update it in the options');
    expect(badgeTitle({ byGroup: {}, polledAt: {}, newestAt: {}, problem: 'noKey' }, {})).toMatch(/add your Zoko API key/);
  });

  it('tooltip names the groups with the most waiting', () => {
    const counts: PendingCounts = { byGroup: { a: 1, b: 5, c: 2, d: 3 }, polledAt: {}, newestAt: {} };
    expect(badgeTitle(counts, { a: 'A', b: 'B', c: 'C', d: 'D' })).toBe('Zoko Groups: 11 waiting to join: B (5), D (3), C (2) and 1 more groups');
  });
});

describe('poll order', () => {
  it('skips auto-approval and suspended groups; people waiting first; then least recently polled', () => {
    const groups = [group(1), group(2, { autoApproval: true }), group(3, { suspended: true }), group(4), group(5)];
    const counts: PendingCounts = { byGroup: { g5: 2 }, polledAt: { g1: 500, g4: 100, g5: 900 }, newestAt: {} };
    expect(pollOrder(groups, counts).map((g) => g.id)).toEqual(['g5', 'g4', 'g1']);
  });
});

describe('poller', () => {
  it('polls every eligible group once and paints the total', async () => {
    await writeGroupCache({ groups: [group(1), group(2), group(3, { autoApproval: true })], fetchedAt: clock });
    const zoko = fakeZoko((id) => (id === 'g1' ? [request('r1', 1), request('r2', 2)] : [request('r3', 3)]));
    expect(await poller(zoko.client).poll()).toEqual({ polled: 2, skipped: 0 });
    expect(zoko.calls.sort()).toEqual(['g1', 'g2']);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    expect((await pendingCountsItem.getValue()).byGroup).toEqual({ g1: 2, g2: 1 });
  });

  it('10,000 groups: never more than the budget in any minute, and every group in turn', async () => {
    const groups = Array.from({ length: 10_000 }, (_, i) => group(i));
    await writeGroupCache({ groups, fetchedAt: clock });
    const zoko = fakeZoko(() => [], groups);
    const p = poller(zoko.client);
    const perMinute = new Map<number, number>();
    for (let round = 0; round < 20; round++) { // 10 minutes of 30-second rounds
      const before = zoko.calls.length;
      await p.poll();
      const minute = Math.floor((clock - 1_000_000) / 60_000);
      perMinute.set(minute, (perMinute.get(minute) ?? 0) + zoko.calls.length - before);
      clock += 30_000;
    }
    expect(Math.max(...perMinute.values())).toBeLessThanOrEqual(60);
    const polls = zoko.calls.filter((c) => c !== 'list');
    expect(zoko.calls.length).toBe(600); // the whole budget used, the list re-read every 5 minutes included
    expect(polls.length).toBeGreaterThanOrEqual(598);
    expect(new Set(polls).size).toBe(polls.length); // least recently polled first: no group twice while others wait
  });

  it('groups with people waiting are polled every round; the rest take turns', async () => {
    await writeGroupCache({ groups: Array.from({ length: 500 }, (_, i) => group(i)), fetchedAt: clock });
    const zoko = fakeZoko((id) => (id === 'g499' ? [request('r', 1)] : []));
    const p = poller(zoko.client);
    await p.record('g499', [request('r', 1)]);
    for (let round = 0; round < 4; round++) {
      await p.poll();
      clock += 30_000;
    }
    expect(zoko.calls.filter((c) => c === 'g499')).toHaveLength(4);
  });

  it('never has two requests in flight for one group', async () => {
    const zoko = fakeZoko(() => [request('r', 1)]);
    const p = poller(zoko.client);
    const release = zoko.hold();
    const a = p.pollGroup(group(1));
    const b = p.pollGroup(group(1));
    expect(p.inFlight.size).toBe(1);
    release();
    await Promise.all([a, b]);
    expect(zoko.calls).toEqual(['g1']);
  });

  it('a 429 pauses polling for its Retry-After', async () => {
    await writeGroupCache({ groups: [group(1), group(2)], fetchedAt: clock });
    const zoko = fakeZoko(() => new ZokoError({ kind: 'rateLimited', message: 'slow down', status: 429, retryAfterS: 90 }));
    const p = poller(zoko.client, { budget: createRequestBudget(async () => 1000) });
    expect((await p.poll()).reason).toBe('paused');
    const made = zoko.calls.length;
    clock += 60_000;
    expect(await p.poll()).toEqual({ polled: 0, skipped: 0, reason: 'paused' });
    expect(zoko.calls).toHaveLength(made);
    clock += 31_000;
    await p.poll();
    expect(zoko.calls.length).toBeGreaterThan(made);
  });

  it('no key → "!" and no request', async () => {
    await writeGroupCache({ groups: [group(1)], fetchedAt: clock });
    const zoko = fakeZoko();
    expect((await poller(zoko.client, { hasKey: async () => false }).poll()).reason).toBe('noKey');
    expect(zoko.calls).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
  });

  it('a rejected key (401) → "!"', async () => {
    await writeGroupCache({ groups: [group(1)], fetchedAt: clock });
    const zoko = fakeZoko(() => new ZokoError({ kind: 'auth', message: 'no', status: 401 }));
    expect((await poller(zoko.client).poll()).reason).toBe('authRejected');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect((await pendingCountsItem.getValue()).problem).toBe('authRejected');
  });

  it('reports only requests newer than the last poll, once', async () => {
    const found: string[] = [];
    let requests = [request('r1', 10)];
    const zoko = fakeZoko(() => requests);
    const p = poller(zoko.client, { onNewRequests: async (n) => void found.push(...n.flatMap((x) => x.requests.map((r) => r.id))) });
    await p.pollGroup(group(1)); // first sight: the known backlog is not "new"
    requests = [request('r1', 10), request('r2', 20)];
    await p.pollGroup(group(1));
    await p.pollGroup(group(1));
    expect(found).toEqual(['r2']);
  });

  it('the re-listed groups drop counts of groups that are gone', async () => {
    await pendingCountsItem.setValue({ byGroup: { gone: 4 }, polledAt: {}, newestAt: {} });
    const zoko = fakeZoko();
    await poller(zoko.client).poll(); // the cache is stale (fetchedAt 0): the list is read first
    expect(zoko.calls[0]).toBe('list');
    expect((await pendingCountsItem.getValue()).byGroup).toEqual({});
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});
