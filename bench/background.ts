/** Background and parsing measures, run in Node with the extension's own modules against the sandbox. */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { newStore } from '../dev/sandbox/control';
import type { Sandbox } from '../dev/sandbox/server';
import { englishMessage } from '../dev/english-messages';

type Row = { metric: string; unit: string; samples: number[]; budget?: number; note?: string };

export async function benchBackground(sandbox: Sandbox, runs: number): Promise<Row[]> {
  // The storage and badge APIs the poller uses, in memory (WXT's fakeBrowser), as in the unit tests.
  (globalThis as { chrome?: unknown }).chrome = fakeBrowser;
  (globalThis as { browser?: unknown }).browser = fakeBrowser;
  // fakeBrowser has no i18n: the badge's tooltip speaks English here.
  Object.assign(fakeBrowser.i18n, { getMessage: englishMessage, getUILanguage: () => 'en' });
  const { createZokoClient } = await import('../utils/background/zoko/client');
  const { createPoller } = await import('../utils/background/poller');
  const { createPendingCounts } = await import('../utils/background/pending-counts');
  const { createRequestBudget } = await import('../utils/background/request-budget');
  const { cacheGroups } = await import('../utils/background/group-cache-writes');
  const { settingsItem, apiKeyItem, pendingCountsItem, pollStateItem, seenRequestsItem } = await import('../utils/storage');
  const { DEFAULT_SETTINGS } = await import('../utils/config');
  const { parsePastedNumbers } = await import('../utils/phone');
  const rows: Row[] = [];

  // Badge refresh over 500 groups at 50 ms latency: one round with a budget that allows all of them.
  const refresh: number[] = [];
  let perGroupMax = 0;
  let requests = 0;
  for (let i = 0; i < runs; i++) {
    fakeBrowser.reset();
    const store = await newStore(sandbox.url, { groups: 500 });
    await apiKeyItem.setValue(store.apiKey);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, pollBudgetPerMinute: 1000 });
    const client = createZokoClient({ baseURL: sandbox.baseUrl, getApiKey: () => apiKeyItem.getValue() });
    await cacheGroups((await client.listGroups()).groups);
    await store.latency(50);
    await store.clearLog();
    const poller = createPoller({ client, counts: createPendingCounts(), budget: createRequestBudget(async () => 1000), hasKey: async () => true });
    const t0 = performance.now();
    await poller.poll();
    refresh.push(performance.now() - t0);
    const log = await store.log();
    requests = log.length;
    const perGroup = new Map<string, number>();
    for (const r of log) perGroup.set(r.path, (perGroup.get(r.path) ?? 0) + 1);
    perGroupMax = Math.max(perGroupMax, ...perGroup.values());
  }
  rows.push({ metric: 'badge refresh, 500 groups, 50 ms latency', unit: 'ms', samples: refresh, budget: 1500,
    note: `${requests} requests for the groups that can have requests, at most ${perGroupMax} per group` });

  // Request rate over 10 simulated minutes for 10 / 500 / 10,000 groups, default budget (60 per minute).
  for (const n of [10, 500, 10_000]) {
    fakeBrowser.reset();
    await settingsItem.setValue(DEFAULT_SETTINGS);
    let clock = 0;
    const calls: number[] = [];
    const groups = Array.from({ length: n }, (_, i) => ({ id: `g${i}`, whatsappGroupId: '', subject: `G${i}`, inviteLink: '',
      autoApproval: false, participantCount: 1, suspended: false, createdAt: '', updatedAt: '' }));
    const client = {
      listGroups: async () => { calls.push(clock); return { groups, unreadable: 0 }; },
      listJoinRequests: async () => { calls.push(clock); return { requests: [], count: 0 }; },
    } as never;
    await cacheGroups(groups, 0);
    const poller = createPoller({ client, counts: createPendingCounts(() => clock), now: () => clock, hasKey: async () => true, budget: createRequestBudget(async () => 60) });
    const perMinute: number[] = [];
    for (let minute = 0; minute < 10; minute++) {
      const before = calls.length;
      await poller.poll();
      clock += 30_000;
      await poller.poll();
      clock += 30_000;
      perMinute.push(calls.length - before);
    }
    rows.push({ metric: `badge polling rate, ${n.toLocaleString('en')} groups (budget 60/min)`, unit: 'req/min', samples: perMinute, budget: 60,
      note: n <= 30 ? 'every group every 30 s' : `each quiet group every ${Math.ceil(n / 60)} min; groups with people waiting every 30 s` });
  }

  // Storage written by one badge round at 10,000 groups, 2,000 of them with someone waiting, in steady state
  // (what the poller has learned before is already stored): the open panel is woken by each write it sees.
  {
    const bytes: number[] = [];
    let countWrites = 0;
    for (let i = 0; i < runs; i++) {
      fakeBrowser.reset();
      await settingsItem.setValue(DEFAULT_SETTINGS);
      const groups = Array.from({ length: 10_000 }, (_, k) => ({ id: `f1e2d3c4-b5a6-7890-abcd-${String(k).padStart(12, '0')}`,
        whatsappGroupId: `1203630${k}`, subject: `Customer group ${k}`, inviteLink: '', autoApproval: false, participantCount: 3,
        suspended: false, createdAt: '', updatedAt: '' }));
      const waiting = new Set(groups.filter((_, k) => k % 5 === 0).map((g) => g.id));
      const now = Date.now();
      await cacheGroups(groups, now);
      await pendingCountsItem.setValue({ byGroup: Object.fromEntries([...waiting].map((id) => [id, 1])) });
      await seenRequestsItem.setValue(Object.fromEntries([...waiting].map((id) => [id, 1_000])));
      await pollStateItem.setValue({ cursor: '', since: 1 });
      const client = {
        listJoinRequests: async (id: string) => (waiting.has(id)
          ? { requests: [{ id: `r-${id}`, waId: '919800000000', name: 'A', customerId: '', createdAt: 1_000 }], count: 1 }
          : { requests: [], count: 0 }),
      } as never;
      const counts = createPendingCounts();
      const poller = createPoller({ client, counts, hasKey: async () => true, budget: createRequestBudget(async () => 60) });
      let written = 0;
      const count = (changes: Record<string, { newValue?: unknown }>) => {
        for (const c of Object.values(changes)) written += JSON.stringify(c.newValue ?? null).length;
      };
      fakeBrowser.storage.local.onChanged.addListener(count);
      await poller.poll();
      fakeBrowser.storage.local.onChanged.removeListener(count);
      bytes.push(written);
      countWrites = counts.stats.countWrites;
    }
    rows.push({ metric: 'storage written per badge round, 10,000 groups (2,000 waiting)', unit: 'bytes', samples: bytes,
      note: `${countWrites} write(s) of the counts pages follow; before the one owner of counts (measured on the previous tree): 30,849,712 bytes (30,127 KB) in 30 writes of 1 MB` });
  }


  const text = Array.from({ length: 1000 }, (_, i) => (i % 3 === 0 ? `+91 98${String(i).padStart(3, '0')} 4${String(i).padStart(4, '0')}`
    : i % 3 === 1 ? `0${98100 + (i % 900)} ${String(10000 + i).slice(-5)}` : `+44 7911 ${String(100000 + i).slice(-6)}`)).join('\n');
  parsePastedNumbers(text, 'IN'); // warm up metadata
  const parse: number[] = [];
  for (let i = 0; i < Math.max(runs, 5); i++) {
    const t0 = performance.now();
    parsePastedNumbers(text, 'IN');
    parse.push(performance.now() - t0);
  }
  rows.push({ metric: 'normalise 1,000 pasted numbers', unit: 'ms', samples: parse, budget: 50 });

  // Approve-all of 500 requests: how many requests it takes.
  {
    fakeBrowser.reset();
    const store = await newStore(sandbox.url);
    const { groups } = await store.state();
    const g = groups.find((x) => !x.auto_approval && !x.suspended)!;
    for (let i = 0; i < 500 - g.join_requests.length; i++) await store.addJoinRequest(g._id);
    await apiKeyItem.setValue(store.apiKey);
    const client = createZokoClient({ baseURL: sandbox.baseUrl, getApiKey: () => apiKeyItem.getValue() });
    const ids = (await client.listJoinRequests(g._id)).requests.map((r) => r.id);
    await store.clearLog();
    await client.rejectJoinRequests(g._id, ids);
    const posts = (await store.log()).filter((r) => r.method === 'POST').length;
    rows.push({ metric: `decide all of ${ids.length} join requests`, unit: 'requests', samples: [posts], budget: 1 });
  }
  return rows;
}
