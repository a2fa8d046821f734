// The badge poller and the badge itself, over fakeBrowser: budget, ordering, dedupe, errors, badge text.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { writeGroupCache } from '../../utils/background/group-cache-writes';
import { createPendingCounts } from '../../utils/background/pending-counts';
import { badgeText, badgeTitle, renderBadge } from '../../utils/background/badge';
import { DEFAULT_SETTINGS } from '../../utils/config';
import { createPoller, pollOrder, type PollerDeps } from '../../utils/background/poller';
import { createRequestBudget } from '../../utils/background/request-budget';
import { pendingCountsItem, seenRequestsItem, settingsItem, type PendingCounts } from '../../utils/storage';
import type { ZokoClient } from '../../utils/background/zoko/client';
import { ZokoError } from '../../utils/background/zoko/errors';
import type { Group, JoinRequest } from '../../utils/domain';

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
    listGroups: async () => { calls.push('list'); return { groups, unreadable: 0 }; },
    listJoinRequests: async (id: string) => {
      calls.push(id);
      await gate;
      const r = requestsFor(id);
      if (r instanceof Error) throw r;
      return { requests: r, count: r.length };
    },
  } as unknown as ZokoClient;
  return { client, calls, hold: () => { let open!: () => void; gate = new Promise((r) => (open = r)); return () => open(); } };
}

let clock = 1_000_000;
function poller(client: ZokoClient, extra: Partial<PollerDeps> = {}) {
  const counts = extra.counts ?? createPendingCounts(() => clock);
  const budget = extra.budget ?? createRequestBudget(async () => (await settingsItem.getValue()).pollBudgetPerMinute);
  // As the real client does: every request it sends is counted in the budget.
  const counted = new Proxy(client, {
    get: (target, name) => async (...args: unknown[]) => {
      await budget.record(1, clock); // awaited: a record must not land in the next test's storage
      return (target as unknown as Record<string | symbol, (...a: unknown[]) => unknown>)[name]!(...args);
    },
  });
  return Object.assign(createPoller({ client: counted, counts, now: () => clock, hasKey: async () => true, ...extra, budget }), { counts });
}

/** What fakeBrowser was asked to show. */
const notifications = () => Object.values(
  (fakeBrowser.notifications as unknown as { getAllCreateOptions(): Record<string, { title: string }> }).getAllCreateOptions());

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
    await renderBadge({ byGroup: {}, problem: 'authRejected' }, []);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(await fakeBrowser.action.getTitle({})).toBe('Zoko Groups: Zoko rejected the API key. Update it in the options');
    expect(badgeTitle({ byGroup: {}, problem: 'noKey' }, {})).toMatch(/add your Zoko API key/);
  });

  it('tooltip names the groups with the most waiting', () => {
    const counts: PendingCounts = { byGroup: { a: 1, b: 5, c: 2, d: 3 } };
    expect(badgeTitle(counts, { a: 'A', b: 'B', c: 'C', d: 'D' })).toBe('Zoko Groups: 11 waiting to join: B (5), D (3), C (2) and 1 more groups');
  });
});

describe('poll order', () => {
  it('skips auto-approval and suspended groups; people waiting first; each kind in turn', () => {
    const groups = [group(1), group(2, { autoApproval: true }), group(3, { suspended: true }), group(4), group(5), group(6), group(7)];
    expect(pollOrder(groups, { g5: 2, g7: 4 }).map((g) => g.id)).toEqual(['g5', 'g7', 'g1', 'g4', 'g6']);
    expect(pollOrder(groups, { g5: 2, g7: 4 }, '', new Set(), 'g5').map((g) => g.id)).toEqual(['g7', 'g5', 'g1', 'g4', 'g6']);
    // The quiet ones continue after the one polled last, and wrap around.
    expect(pollOrder(groups, { g5: 2 }, 'g4').map((g) => g.id)).toEqual(['g5', 'g6', 'g7', 'g1', 'g4']);
    expect(pollOrder(groups, {}, 'g9').map((g) => g.id)).toEqual(['g1', 'g4', 'g5', 'g6', 'g7']);
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
    expect(new Set(polls).size).toBe(polls.length); // in turn: no group twice while others wait
  });

  it('groups with people waiting are polled every round; the rest take turns', async () => {
    await writeGroupCache({ groups: Array.from({ length: 500 }, (_, i) => group(i)), fetchedAt: clock });
    const zoko = fakeZoko((id) => (id === 'g499' ? [request('r', 1)] : []));
    const p = poller(zoko.client);
    await p.counts.record('g499', { requests: [request('r', 1)], count: 1 });
    for (let round = 0; round < 4; round++) {
      await p.poll();
      clock += 30_000;
    }
    expect(zoko.calls.filter((c) => c === 'g499')).toHaveLength(4);
  });

  it('more groups with people waiting than a round can poll: they take turns, none is left behind', async () => {
    await writeGroupCache({ groups: Array.from({ length: 90 }, (_, i) => group(i)), fetchedAt: clock });
    const zoko = fakeZoko(() => [request('r', 1)]);
    const p = poller(zoko.client);
    for (let i = 0; i < 90; i++) await p.counts.record(`g${i}`, { requests: [request('r', 1)], count: 1 });
    for (let round = 0; round < 3; round++) {
      await p.poll();
      clock += 60_000; // a whole minute: each round gets its 30
    }
    expect(new Set(zoko.calls).size).toBe(90);
    expect(zoko.calls).toHaveLength(90);
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

  it('a round that meets a failing Zoko stops: the polls still queued are not sent, and keep their turn', async () => {
    const groups = Array.from({ length: 40 }, (_, i) => group(i));
    await writeGroupCache({ groups, fetchedAt: clock });
    const order = pollOrder(groups, {}).map((g) => g.id);
    const calls: string[] = [];
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const client = {
      listJoinRequests: async (id: string) => {
        calls.push(id);
        if (id === order[1]) throw new ZokoError({ kind: 'server', status: 503, message: 'Injected 503' });
        if (calls.length > 1) await gate; // the others of the first 20 are still in flight when the 503 comes back
        return { requests: [], count: 0 };
      },
    } as unknown as ZokoClient;
    const p = poller(client);
    const round = p.poll();
    await vi.waitFor(() => expect(calls).toHaveLength(21));
    open();
    expect(await round).toMatchObject({ polled: 0, reason: 'failing' });
    expect(calls).toHaveLength(21); // the first poll alone, then the 20 in flight: the other 19 were not sent (was 40)
    clock += 30_000;
    calls.length = 0;
    await p.poll();
    expect(calls[0]).toBe(order[21]); // the next round starts with the first group left unsent
  });

  it('while the wait Zoko asked for is on, a round sends nothing', async () => {
    await writeGroupCache({ groups: [group(1), group(2)], fetchedAt: clock });
    const zoko = fakeZoko();
    let until = clock + 90_000;
    const p = poller(zoko.client, { pause: { get: async () => until, set: async (t) => void (until = t) } });
    expect(await p.poll()).toEqual({ polled: 0, skipped: 0, reason: 'paused' });
    expect(zoko.calls).toEqual([]);
    clock += 91_000;
    await p.poll();
    expect(zoko.calls.sort()).toEqual(['g1', 'g2']);
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

  it('reports only requests newer than the last poll, once: one notification', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, waitAlertMinutes: 0 }); // only new requests here
    await writeGroupCache({ groups: [group(1)], fetchedAt: clock });
    let requests = [request('r1', 10)];
    const p = poller(fakeZoko(() => requests).client);
    await p.poll(); // first sight: the known backlog is not "new"
    requests = [request('r1', 10), request('r2', clock + 20)];
    clock += 30_000;
    await p.poll();
    clock += 30_000;
    await p.poll();
    expect(notifications()).toEqual([expect.objectContaining({ title: '1 new join request: Group 1' })]);
  });

  it('a round writes the counts at most once and paints the badge once, at 10,000 groups', async () => {
    const groups = Array.from({ length: 10_000 }, (_, i) => group(i));
    await writeGroupCache({ groups, fetchedAt: clock });
    // In the first round every 7th group has someone waiting; afterwards nobody new arrives.
    const waiting = new Set<string>();
    let firstRound = true;
    const zoko = fakeZoko((id) => {
      if (firstRound && Number(id.slice(1)) % 7 === 0) waiting.add(id);
      return waiting.has(id) ? [request(`r${id}`, 1)] : [];
    }, groups);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, pollBudgetPerMinute: 600 });
    const p = poller(zoko.client);
    const writes: string[] = [];
    fakeBrowser.storage.local.onChanged.addListener((changes) => writes.push(...Object.keys(changes)));
    const setBadge = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    expect((await p.poll()).polled).toBe(300);
    expect(writes.filter((k) => k === 'pendingCounts')).toHaveLength(1);
    expect(setBadge).toHaveBeenCalledTimes(1);
    expect(p.counts.stats).toMatchObject({ countWrites: 1, paints: 1 });
    // A second round that learns nothing new writes no counts at all (the open panel is not woken).
    writes.length = 0;
    firstRound = false;
    clock += 30_000;
    await p.poll();
    expect(writes.filter((k) => k === 'pendingCounts')).toHaveLength(0);
    expect(setBadge).toHaveBeenCalledTimes(2);
  });

  it('a round that changes no count names the badge\'s groups from the head, without reading the 10,000-group list', async () => {
    const groups = Array.from({ length: 10_000 }, (_, i) => group(i));
    await writeGroupCache({ groups, fetchedAt: clock });
    const zoko = fakeZoko((id) => (['g0', 'g1'].includes(id) ? [request(`r${id}`, 1)] : []), groups);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, pollBudgetPerMinute: 600 });
    const p = poller(zoko.client);
    await p.poll();
    expect(p.counts.stats.listReads).toBe(1); // the counts changed: the head is rebuilt from the whole list
    clock += 30_000;
    await p.poll();
    expect(p.counts.stats).toMatchObject({ listReads: 1, paints: 2 });
    expect(await fakeBrowser.action.getTitle({})).toContain('2 waiting to join: Group 0 (1), Group 1 (1)');
  });

  it('an agent action recorded during a round wins over what the round read before it', async () => {
    await writeGroupCache({ groups: [group(1)], fetchedAt: clock });
    const zoko = fakeZoko(() => [request('r1', 1), request('r2', 2)]);
    const p = poller(zoko.client);
    const release = zoko.hold();
    const round = p.poll();
    await vi.waitFor(() => expect(zoko.calls).toEqual(['g1']));
    clock += 1;
    await p.counts.record('g1', { requests: [], count: 0 }); // "Approve all" finished while the round's read was in flight
    release();
    await round;
    expect((await pendingCountsItem.getValue()).byGroup).toEqual({});
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('the re-listed groups drop counts and bookkeeping of groups that are gone', async () => {
    await pendingCountsItem.setValue({ byGroup: { gone: 4 } });
    await seenRequestsItem.setValue({ gone: 5 });
    const zoko = fakeZoko();
    await poller(zoko.client).poll(); // the cache is stale (fetchedAt 0): the list is read first
    expect(zoko.calls[0]).toBe('list');
    expect((await pendingCountsItem.getValue()).byGroup).toEqual({});
    expect(await seenRequestsItem.getValue()).toEqual({});
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('counts stored by an older version (with the poller\'s bookkeeping) are rewritten without it', async () => {
    await fakeBrowser.storage.local.set({ pendingCounts: { byGroup: { g1: 1 }, polledAt: { g1: 5 }, newestAt: {} } });
    await writeGroupCache({ groups: [group(1)], fetchedAt: clock });
    await poller(fakeZoko(() => [request('r', 1)]).client).poll();
    expect((await fakeBrowser.storage.local.get('pendingCounts')).pendingCounts).toEqual({ byGroup: { g1: 1 } });
  });
});

describe('what the badge counts', () => {
  it('Zoko\'s count, not the length of the page it listed', async () => {
    await writeGroupCache({ groups: [group(1)], fetchedAt: clock });
    const client = { listJoinRequests: async () => ({ requests: [request('r1', 1)], count: 5 }) } as unknown as ZokoClient;
    await poller(client).poll();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('5');
  });

  it('skips groups where no request can wait: Zoko approves them, or WhatsApp lets people join at once (set here)', async () => {
    const { joinApprovalModesItem } = await import('../../utils/storage');
    await joinApprovalModesItem.setValue({ g3: { mode: 'auto_approve', at: 1 }, g4: { mode: 'approval_required', at: 1 } });
    await writeGroupCache({ groups: [group(1), group(2, { autoApproval: true }), group(3), group(4)], fetchedAt: clock });
    const zoko = fakeZoko();
    await poller(zoko.client).poll();
    expect(zoko.calls.sort()).toEqual(['g1', 'g4']);
  });
});

describe('long waits', () => {
  const minutesAgo = (m: number) => Date.now() - m * 60_000;

  it('one notification per group where someone waited longer than the setting, not again until handled; a snooze quiets it', async () => {
    const { checkWaits, onWaitNotificationButton } = await import('../../utils/background/wait-alerts');
    const { waitingPeopleItem } = await import('../../utils/storage');
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, waitAlertMinutes: 15 });
    await writeGroupCache({ groups: [group(1), group(2), group(3)], fetchedAt: clock });
    await waitingPeopleItem.setValue({
      g1: [request('old', minutesAgo(21)), request('new', minutesAgo(2))],
      g2: [request('recent', minutesAgo(5))],
      g3: [request('older', minutesAgo(40))],
    });
    expect((await checkWaits()).sort()).toEqual(['g1', 'g3']);
    expect(notifications().map((n) => n.title).sort()).toEqual(['Waiting 21 min to join Group 1', 'Waiting 40 min to join Group 3']);
    expect(await checkWaits()).toEqual([]); // told once
    // g1 handled: nobody there waits too long; when someone does again, the agent is told again.
    await waitingPeopleItem.setValue({ g3: [request('older', minutesAgo(40))] });
    expect(await checkWaits()).toEqual([]);
    await waitingPeopleItem.setValue({ g1: [request('again', minutesAgo(30))], g3: [request('older', minutesAgo(40))] });
    expect(await checkWaits()).toEqual(['g1']);
    // Snoozed from the notification: quiet for 15 minutes.
    onWaitNotificationButton('wait:g3');
    await vi.waitFor(async () => expect((await (await import('../../utils/storage')).waitAlertsItem.getValue()).snoozedUntil.g3).toBeGreaterThan(Date.now()));
    expect(await checkWaits()).toEqual([]);
    expect(await checkWaits(Date.now() + 16 * 60_000)).toEqual(['g3']);
  });

  it('off when set to 0', async () => {
    const { checkWaits } = await import('../../utils/background/wait-alerts');
    const { waitingPeopleItem } = await import('../../utils/storage');
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, waitAlertMinutes: 0 });
    await waitingPeopleItem.setValue({ g1: [request('old', minutesAgo(600))] });
    expect(await checkWaits()).toEqual([]);
  });

  it('the badge tooltip names the longest wait', () => {
    expect(badgeTitle({ byGroup: { a: 2 } }, { a: 'VIP' }, { groupId: 'a', since: 0 }, 21 * 60_000))
      .toBe('Zoko Groups: 2 waiting to join: VIP (2); longest wait 21 min (VIP)');
  });
});
