// The message protocol over WXT's fakeBrowser: every message has a handler, results arrive as data,
// and senders other than the extension's own pages are refused.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { requestBudget } from '../../utils/background/request-budget';
import { zokoPause } from '../../utils/background/zoko-pause';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readGroupCache } from '../../utils/group-cache';
import { registerHandlers, type Handlers } from '../../utils/background/handlers';
import { createServices } from '../../utils/background/services';
import { removeAllListeners, sendMessage, type MessageName, type ProtocolMap } from '../../utils/messaging';
import { isInternalSender } from '../../utils/background/sender';
import { DEFAULT_SETTINGS } from '../../utils/config';
import { activityItem, apiKeyItem, configChangedItem, pendingCountsItem, pendingCreationsItem, recentGroupsItem, settingsItem } from '../../utils/storage';
import { ACTIVITY_MAX, recordActivity } from '../../utils/background/activity';
import { createZokoClient } from '../../utils/background/zoko/client';
import { newStore, type SandboxControl } from '../../dev/sandbox/control';
import { startSandbox, type Sandbox } from '../../dev/sandbox/server';

let sandbox: Sandbox;
let store: SandboxControl;
let handlers: Handlers;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

beforeEach(async () => {
  fakeBrowser.reset();
  removeAllListeners();
  store = await newStore(sandbox.url);
  const client = createZokoClient({ baseURL: sandbox.baseUrl, getApiKey: () => apiKeyItem.getValue(), retryBaseMs: 5 });
  handlers = createServices(client).handlers;
  // fakeBrowser's sender is `{}`; these tests trust it and test the refusal separately.
  registerHandlers(handlers, () => true);
  await apiKeyItem.setValue(store.apiKey);
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, agentId: 'agent-7', agentEmail: 'agent@store.com' });
});

const PROTOCOL: Record<MessageName, true> = {
  getConfig: true, saveConfig: true, testConnection: true, signOut: true, listGroups: true, getGroup: true, createGroup: true,
  updateSettings: true, deleteGroup: true, inviteMembers: true, removeParticipants: true, listJoinRequests: true,
  decideJoinRequests: true, refreshWaiting: true, setAutoApproval: true, getInviteLink: true, resetInviteLink: true, getTemplate: true,
  setTemplate: true, useSite: true, forgetSite: true, insertIntoChat: true, setInboxOffer: true, refreshChatInView: true, endPause: true,
} satisfies Record<keyof ProtocolMap, true>;

describe('protocol', () => {
  it('has a handler for every message, and no handler without a message', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(PROTOCOL).sort());
  });

  it('round-trips a success as data and fills the group cache', async () => {
    const r = await sendMessage('listGroups');
    expect(r.ok && r.data.groups.length).toBe(12);
    expect((await readGroupCache()).groups).toHaveLength(12);
  });

  it('round-trips a failure as data with its kind', async () => {
    await apiKeyItem.setValue('rejected-key');
    expect(await sendMessage('testConnection')).toEqual({
      ok: false, error: { kind: 'auth', status: 401, message: 'Invalid or missing API key' } });
  });

  it('reports the connection', async () => {
    expect(await sendMessage('testConnection')).toEqual({ ok: true, data: { groupCount: 12 } });
  });

  it('never returns the key: only whether it is set and its last 4 characters', async () => {
    const r = await sendMessage('getConfig');
    expect(r).toEqual({ ok: true, data: { configured: true, last4: store.apiKey.slice(-4), signIn: 0,
      settings: { ...DEFAULT_SETTINGS, agentId: 'agent-7', agentEmail: 'agent@store.com' } } });
    expect(JSON.stringify(r)).not.toContain(store.apiKey);
  });

  it('saves a new key Zoko accepts, and settings, trimmed; the reply says how many groups the key sees', async () => {
    const other = await newStore(sandbox.url, { groups: 3 });
    const before = (await sendMessage('getConfig')) as { ok: true; data: { signIn: number } };
    const r = await sendMessage('saveConfig', { apiKey: `  ${other.apiKey} `, settings: { ...DEFAULT_SETTINGS, agentEmail: ' x@y.io ' } });
    expect(r.ok && r.data).toMatchObject({ configured: true, last4: other.apiKey.slice(-4), keyCheck: { groupCount: 3 }, signIn: before.data.signIn + 1 });
    expect(await apiKeyItem.getValue()).toBe(other.apiKey);
    expect((await settingsItem.getValue()).agentEmail).toBe('x@y.io');
    expect(await configChangedItem.getValue()).toBe(1);
  });

  it('asks Zoko about a new key once, before saving: a refused key is not saved and the store in use keeps its data', async () => {
    await sendMessage('listGroups');
    await store.clearLog();
    const r = await sendMessage('saveConfig', { apiKey: 'typo-key-0000', settings: { ...DEFAULT_SETTINGS, agentId: 'agent-7', agentEmail: 'a@b.co' } });
    expect(r).toMatchObject({ ok: false, error: { kind: 'auth', status: 401 } });
    expect(await apiKeyItem.getValue()).toBe(store.apiKey);
    expect((await readGroupCache()).groups).toHaveLength(12);
    expect((await settingsItem.getValue()).agentEmail).toBe('agent@store.com');
    expect(await configChangedItem.getValue()).toBe(0);
  });

  it('saves a new key Zoko could not be asked about, and says it was not checked', async () => {
    const other = await newStore(sandbox.url);
    await other.fault({ method: 'GET', path: '/', exact: true, kind: 'status', status: 503 });
    const r = await sendMessage('saveConfig', { apiKey: other.apiKey, settings: { ...DEFAULT_SETTINGS, agentId: 'agent-7', agentEmail: 'a@b.co' } });
    expect(r.ok && r.data.keyCheck).toMatchObject({ unchecked: { kind: 'server', status: 503 } });
    expect(await apiKeyItem.getValue()).toBe(other.apiKey);
    // Sent once: a key that may be wrong is not asked three times.
    expect((await other.log()).filter((q) => q.method === 'GET')).toHaveLength(1);
  });

  it('signs out: the key and the caches go, the agent settings stay', async () => {
    await sendMessage('listGroups');
    expect(await sendMessage('signOut')).toMatchObject({ ok: true, data: { configured: false, last4: '' } });
    expect(await apiKeyItem.getValue()).toBeNull();
    expect((await readGroupCache()).groups).toEqual([]);
    expect((await settingsItem.getValue()).agentEmail).toBe('agent@store.com');
  });

  it('refuses an invalid config and saves nothing', async () => {
    const r = await sendMessage('saveConfig', { apiKey: '', settings: { ...DEFAULT_SETTINGS, agentEmail: 'not-an-email' } });
    expect(r).toMatchObject({ ok: false, error: { kind: 'invalidInput' } });
    expect(await apiKeyItem.getValue()).toBe(store.apiKey);
  });

  it('validates input before calling Zoko', async () => {
    const [g] = (await store.state()).groups;
    await store.clearLog();
    expect(await sendMessage('createGroup', { subject: '   ' })).toMatchObject({ ok: false, error: { kind: 'invalidInput', message: 'Give the group a name.' } });
    expect(await sendMessage('inviteMembers', { id: g!._id, phoneNumbers: ['+91 98'] })).toMatchObject({ ok: false, error: { kind: 'invalidInput' } });
    expect(await store.log()).toHaveLength(0);
  });

  it('needs the agent ID to create a group', async () => {
    await settingsItem.setValue(DEFAULT_SETTINGS);
    expect(await sendMessage('createGroup', { subject: 'New' })).toMatchObject({
      ok: false, error: { kind: 'invalidInput', message: 'Set your agent ID in the extension options first.' } });
  });

  it('after approving, returns the requests still pending', async () => {
    const g = (await store.state()).groups.find((x) => x.join_requests.length >= 2)!;
    const r = await sendMessage('decideJoinRequests', { id: g._id, action: 'approve', requestIds: [g.join_requests[0]!.join_request_id] });
    expect(r.ok && r.data.requests?.requests.map((x) => x.id)).toEqual(g.join_requests.slice(1).map((x) => x.join_request_id));
    expect(r.ok && r.data.error).toBeUndefined();
  });

  it('a failed decision answers with the error and what is still waiting, read once', async () => {
    const g = (await store.state()).groups.find((x) => x.join_requests.length >= 2)!;
    await store.clearLog();
    const r = await sendMessage('decideJoinRequests', { id: g._id, action: 'approve', requestIds: ['req-that-is-gone'] });
    expect(r.ok && r.data.error?.kind).toBeTruthy();
    expect(r.ok && r.data.requests?.count).toBe(g.join_requests.length);
    const log = await store.log();
    expect(log.filter((x) => x.method === 'GET' && x.path.endsWith('/join-requests'))).toHaveLength(1);
  });

  it('a deleted group leaves the cache', async () => {
    await sendMessage('listGroups');
    const [g] = (await store.state()).groups;
    expect(await sendMessage('deleteGroup', { id: g!._id })).toEqual({ ok: true, data: { deleted: true } });
    expect((await readGroupCache()).groups.some((x) => x.id === g!._id)).toBe(false);
  });
});

describe('sender check', () => {
  const id = fakeBrowser.runtime.id;
  const origin = `chrome-extension://${id}/`;

  it.each([
    ['the side panel', { id, url: `${origin}sidepanel.html` }, true],
    ['the options page in a tab', { id, url: `${origin}options.html`, frameId: 0 }, true],
    ['a web page', { url: 'https://evil.example/' }, false],
    ['another extension', { id: 'abcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnop/page.html' }, false],
    ['our page inside a frame', { id, url: `${origin}sidepanel.html`, frameId: 3 }, false],
    ['the side panel, with its origin', { id, url: `${origin}sidepanel.html`, origin: origin.slice(0, -1) }, true],
    ['our URL but another origin (a forged sender)', { id, url: `${origin}sidepanel.html`, origin: 'https://evil.example' }, false],
    ['our page framed inside a tab (no frame id)', { id, url: `${origin}options.html`, tab: { id: 4 } }, false],
    ['our page framed inside a tab', { id, url: `${origin}options.html`, tab: { id: 4 }, frameId: 2 }, false],
    ['the options page as a tab', { id, url: `${origin}options.html`, tab: { id: 4 }, frameId: 0 }, true],
    ['our id with a web URL (content script)', { id, url: 'https://shop.example/' }, false],
    ['an empty sender', {}, false],
  ])('%s → %s', (_, sender, allowed) => {
    expect(isInternalSender(sender, id, origin)).toBe(allowed);
  });

  it('a refused sender gets a forbidden result and no work is done', async () => {
    removeAllListeners();
    registerHandlers(handlers); // the real check: fakeBrowser's sender has no id or URL
    await store.clearLog();
    expect(await sendMessage('listGroups')).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await store.log()).toHaveLength(0);
  });
});

describe('stored settings from before the refresh interval existed', () => {
  it('gain the default interval (storage migration v2)', async () => {
    fakeBrowser.reset();
    const { agentEmail, agentId, defaultCountry, notify, pollBudgetPerMinute } = DEFAULT_SETTINGS;
    await fakeBrowser.storage.local.set({ settings: { agentEmail, agentId, defaultCountry, notify, pollBudgetPerMinute } });
    await settingsItem.migrate();
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('a group cache in another shape', () => {
  it('reads as empty instead of crashing, and the next list read rewrites it', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ groupCache: { groups: [{ id: 'g1' }], fetchedAt: 5 } });
    expect((await readGroupCache()).groups).toEqual([]);
    await fakeBrowser.storage.local.set({ groupCache: { json: '{not json', fetchedAt: 6 } });
    expect(await readGroupCache()).toEqual({ groups: [], fetchedAt: 6 });
  });
});

describe('storage keys named for Node code', () => {
  it('are the keys the extension\'s items use, every one of them', async () => {
    const items = await import('../../utils/storage');
    const { STORAGE_KEYS } = await import('../../utils/storage-keys');
    const keys = (Object.values(items) as unknown[]).filter((x): x is { key: string } => typeof x === 'object' && x !== null && 'key' in x)
      .map((item) => item.key.replace(/^(local|session):/, '')).sort();
    expect(keys).toEqual(Object.values(STORAGE_KEYS).sort());
  });
});

describe('join approval mode, as set from here', () => {
  it('is remembered with its time and shown with the group; never read from auto-approval', async () => {
    const g = (await store.state()).groups.find((x) => !x.suspended && !x.auto_approval)!;
    const before = await sendMessage('getGroup', { id: g._id });
    expect(before.ok && before.data.joinApprovalSetHere).toBeUndefined();
    const r = await sendMessage('updateSettings', { id: g._id, joinApprovalMode: 'auto_approve' });
    expect(r.ok && r.data.joinApprovalSetHere).toEqual({ mode: 'auto_approve', at: expect.any(Number) });
    expect(r.ok && r.data.autoApproval).toBe(false);
    expect((await store.state()).groups.find((x) => x._id === g._id)!.join_approval_mode).toBe('auto_approve');
  });
});

describe('a write whose answer is lost is never sent twice, and the reply says what really happened', () => {
  type Setup = { id: string; run: () => Promise<unknown>; happened: () => Promise<boolean> };
  const OPS: Record<string, (s: SandboxControl) => Promise<Setup>> = {
    async create(s) {
      return { id: '', run: () => sendMessage('createGroup', { subject: 'Lost Answer Group' }),
        happened: async () => (await s.state()).groups.filter((g) => g.subject === 'Lost Answer Group').length === 1 };
    },
    async remove(s) {
      const g = (await s.state()).groups.find((x) => !x.suspended && x.participants.filter((p) => !p.is_admin && p.status === 'joined').length > 0)!;
      const wa = g.participants.find((p) => !p.is_admin && p.status === 'joined')!.wa_id;
      return { id: g._id, run: () => sendMessage('removeParticipants', { id: g._id, waIds: [wa] }),
        happened: async () => (await s.state()).groups.find((x) => x._id === g._id)!.participants.find((p) => p.wa_id === wa)!.status === 'removed' };
    },
    async approve(s) {
      const g = (await s.state()).groups.find((x) => !x.suspended && x.join_requests.length > 0
        && x.participants.filter((p) => p.status === 'joined').length < 8)!;
      const r = g.join_requests[0]!;
      return { id: g._id, run: () => sendMessage('decideJoinRequests', { id: g._id, action: 'approve', requestIds: [r.join_request_id] }),
        happened: async () => (await s.state()).groups.find((x) => x._id === g._id)!.participants.some((p) => p.wa_id === r.wa_id) };
    },
    async reject(s) {
      const g = (await s.state()).groups.find((x) => !x.suspended && x.join_requests.length > 0)!;
      const r = g.join_requests[0]!;
      return { id: g._id, run: () => sendMessage('decideJoinRequests', { id: g._id, action: 'reject', requestIds: [r.join_request_id] }),
        happened: async () => !(await s.state()).groups.find((x) => x._id === g._id)!.join_requests.some((x) => x.join_request_id === r.join_request_id) };
    },
    async delete(s) {
      const g = (await s.state()).groups.find((x) => !x.suspended)!;
      return { id: g._id, run: () => sendMessage('deleteGroup', { id: g._id }),
        happened: async () => !(await s.state()).groups.some((x) => x._id === g._id) };
    },
    async 'reset link'(s) {
      const g = (await s.state()).groups.find((x) => !x.suspended)!;
      return { id: g._id, run: () => sendMessage('resetInviteLink', { id: g._id }),
        happened: async () => (await s.state()).groups.find((x) => x._id === g._id)!.invite_link !== g.invite_link };
    },
  };
  const PATH: Record<string, string> = { create: '/', remove: '/remove-participants', approve: '/approve', reject: '/reject', delete: '/delete', 'reset link': '/invite-link' };

  it.each(Object.keys(OPS).flatMap((op) => [[op, 'status 504'], [op, 'reset'], [op, 'malformed']] as const))('%s, %s after the change: reported done', async (op, kind) => {
    await sendMessage('listGroups'); // the cache knows the groups (and their links), as in the panel
    const setup = await OPS[op]!(store);
    const fault = kind === 'status 504' ? { status: 504 } : { kind: kind as 'reset' | 'malformed' };
    await store.fault({ ...fault, after: true, method: op === 'reset link' ? 'PUT' : 'POST', path: PATH[op], exact: op === 'create' });
    await store.clearLog();
    const reply = await setup.run() as { ok: boolean; data?: { error?: unknown } };
    expect(reply.ok).toBe(true);
    expect(reply.data?.error).toBeUndefined();
    expect(await setup.happened()).toBe(true);
    expect((await store.log()).filter((r) => r.method !== 'GET')).toHaveLength(1);
  });

  it.each(Object.keys(OPS).filter((op) => op !== 'create'))('%s, a 504 before any change: "it did not happen, try again"', async (op) => {
    await sendMessage('listGroups');
    const setup = await OPS[op]!(store);
    await store.fault({ status: 504, method: op === 'reset link' ? 'PUT' : 'POST', path: PATH[op] });
    const reply = await setup.run() as { ok: boolean; error?: { outcome?: string }; data?: { error?: { outcome?: string } } };
    expect(reply.ok ? reply.data?.error?.outcome : reply.error?.outcome).toBe('notDone');
    expect(await setup.happened()).toBe(false);
  });

  it('create, a 504 before any change: watched as "Creating…", and a second create of it is refused', async () => {
    await store.fault({ status: 504, method: 'POST', path: '/', exact: true });
    expect(await sendMessage('createGroup', { subject: 'Maybe Made' })).toMatchObject({ ok: false, error: { outcome: 'watching' } });
    expect(await sendMessage('createGroup', { subject: 'Maybe Made' })).toMatchObject({ ok: false, error: { kind: 'invalidInput' } });
    expect((await store.log()).filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('invite, answer lost: repeating is safe, and a repeat is skipped by Zoko, not sent twice', async () => {
    const g = (await store.state()).groups.find((x) => !x.suspended && x.participants.filter((p) => p.status === 'joined').length < 7)!;
    await store.fault({ status: 504, after: true, method: 'POST', path: '/invitations' });
    expect(await sendMessage('inviteMembers', { id: g._id, phoneNumbers: ['919812300001'] })).toMatchObject({ ok: false, error: { outcome: 'safeToRepeat' } });
    expect(await sendMessage('inviteMembers', { id: g._id, phoneNumbers: ['919812300001'] })).toMatchObject({ ok: true, data: { sent: [], skipped: ['919812300001'] } });
    expect((await store.state()).groups.find((x) => x._id === g._id)!.invitations).toEqual(['919812300001']);
  });
});

describe('a Zoko that is rate limiting', () => {
  async function busyServices(groups = 60) {
    const busy = await newStore(sandbox.url, { groups });
    await apiKeyItem.setValue(busy.apiKey);
    const client = createZokoClient({ baseURL: sandbox.baseUrl, getApiKey: () => apiKeyItem.getValue(), retryBaseMs: 5,
      onAttempt: () => void requestBudget.record(), pause: zokoPause });
    const services = createServices(client);
    removeAllListeners();
    registerHandlers(services.handlers, () => true); // the panel talks to these services: one client, one pause
    await services.handlers.listGroups(undefined);
    await busy.clearLog();
    return { busy, services };
  }

  it('one request per round reaches it (not 3 per granted poll), and every read waits for its Retry-After', async () => {
    const { busy, services } = await busyServices();
    await busy.fault({ status: 429, retryAfter: 90, method: 'GET', path: '/join-requests', times: 1000 });
    expect(await services.poller.poll()).toMatchObject({ reason: 'paused' });
    expect(await busy.log()).toHaveLength(1);
    // The panel opens a group meanwhile: refused here, with when to try again, and nothing sent.
    const [g] = (await busy.state()).groups;
    expect(await sendMessage('listJoinRequests', { id: g!._id })).toMatchObject({ ok: false, error: { kind: 'rateLimited', retryAfterS: expect.any(Number) } });
    expect(await services.poller.poll()).toMatchObject({ reason: 'paused' });
    expect(await busy.log()).toHaveLength(1);
  });

  it('a 503 with Retry-After: 600 is handed back at once as "try again in 600 s", not waited out', async () => {
    const { busy, services } = await busyServices(12);
    await busy.fault({ status: 503, retryAfter: 600, method: 'GET', times: 5 });
    const t0 = Date.now();
    await expect(services.client.listGroups()).rejects.toMatchObject({ data: { kind: 'server', retryAfterS: 600 } });
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(await busy.log()).toHaveLength(1);
  });

  it('every request counts against the budget, retries included', async () => {
    const { busy, services } = await busyServices(12);
    const before = await requestBudget.used();
    await busy.fault({ status: 500, method: 'GET', times: 2 });
    await services.client.listGroups();
    expect(await busy.log()).toHaveLength(3);
    await vi.waitFor(async () => expect((await requestBudget.used()) - before).toBe(3));
  });
});

describe('sign-out and a new key leave nothing of the old account', () => {
  function services() {
    const client = createZokoClient({ baseURL: sandbox.baseUrl, getApiKey: () => apiKeyItem.getValue(), retryBaseMs: 5 });
    const s = createServices(client);
    removeAllListeners();
    registerHandlers(s.handlers, () => true);
    return s;
  }

  it('a polling round in flight when the agent signs out writes none of its groups or counts back', async () => {
    const s = services();
    await store.latency(300);
    const round = s.poller.poll(); // the cache is stale: the round lists the groups first (300 ms)
    await new Promise((r) => setTimeout(r, 100));
    expect(await sendMessage('signOut')).toMatchObject({ ok: true });
    await round;
    await new Promise((r) => setTimeout(r, 400));
    expect((await readGroupCache()).groups).toEqual([]);
    expect((await pendingCountsItem.getValue()).byGroup).toEqual({});
  });

  it('saving a different key wipes the cache, recent groups and pending creations; the same key keeps them', async () => {
    services();
    await sendMessage('listGroups');
    await recentGroupsItem.setValue(['g1']);
    await pendingCreationsItem.setValue([{ requestId: 'r', subject: 'S', startedAt: 1, knownIds: [], attempts: 0 }]);
    await sendMessage('saveConfig', { apiKey: store.apiKey, settings: await settingsItem.getValue() });
    expect(await recentGroupsItem.getValue()).toEqual(['g1']);
    const other = await newStore(sandbox.url, { groups: 3 });
    await sendMessage('saveConfig', { apiKey: other.apiKey, settings: await settingsItem.getValue() });
    expect((await readGroupCache()).groups.every((g) => g.subject !== 'VIP Customers')).toBe(true);
    expect(await recentGroupsItem.getValue()).toEqual([]);
    expect(await pendingCreationsItem.getValue()).toEqual([]);
    expect(await apiKeyItem.getValue()).toBe(other.apiKey);
  });
});

describe('a full storage', () => {
  it('a refused cache write degrades to "not cached", never to a failed read', async () => {
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
      if ('groupCache' in items) throw new Error('QUOTA_BYTES quota exceeded');
      return set(items);
    });
    const r = await sendMessage('listGroups');
    expect(r.ok && r.data.groups).toHaveLength(12);
    expect((await readGroupCache()).groups).toEqual([]);
    vi.restoreAllMocks();
  });
});

describe('activity', () => {
  it('an approval is recorded with who, where and how it went; a failure too; reads are not', async () => {
    const s = createServices(createZokoClient({ baseURL: sandbox.baseUrl, getApiKey: () => apiKeyItem.getValue(), retryBaseMs: 5 }));
    removeAllListeners();
    registerHandlers(s.handlers, () => true);
    await sendMessage('listGroups');
    const g = (await store.state()).groups.find((x) => !x.suspended && x.join_requests.length > 0)!;
    await sendMessage('listJoinRequests', { id: g._id }); // the background now knows the names
    await sendMessage('decideJoinRequests', { id: g._id, action: 'approve', requestIds: [g.join_requests[0]!.join_request_id] });
    await sendMessage('deleteGroup', { id: 'no-such-group' });
    const entries = await activityItem.getValue();
    expect(entries).toEqual([
      expect.objectContaining({ action: 'delete', outcome: 'failed', detail: expect.any(String) }),
      expect.objectContaining({ action: 'approve', groupId: g._id, subject: g.subject, who: [g.join_requests[0]!.name], outcome: 'done' }),
    ]);
  });

  it('an invite that reached nobody is a failure, and a mixed one names only whom it reached', async () => {
    const s = createServices(createZokoClient({ baseURL: sandbox.baseUrl, getApiKey: () => apiKeyItem.getValue(), retryBaseMs: 5 }));
    removeAllListeners();
    registerHandlers(s.handlers, () => true);
    const g = (await store.state()).groups.find((x) => !x.suspended)!;
    // The sandbox refuses numbers ending 0000 as not eligible for groups (Meta 131215).
    await sendMessage('inviteMembers', { id: g._id, phoneNumbers: ['919876500000'] });
    await sendMessage('inviteMembers', { id: g._id, phoneNumbers: ['919876511111', '447911120000'] });
    const [mixed, refused] = await activityItem.getValue();
    expect(refused).toMatchObject({ action: 'invite', outcome: 'failed', who: ['+919876500000'], detail: '+919876500000: number not eligible for WhatsApp groups' });
    expect(mixed).toMatchObject({ action: 'invite', outcome: 'done', who: ['+919876511111'],
      detail: '1 sent, 0 skipped, 1 failed (+447911120000: number not eligible for WhatsApp groups)' });
  });

  it('keeps 30 days and at most ACTIVITY_MAX entries', async () => {
    const day = 86_400_000;
    await activityItem.setValue([{ at: Date.now() - 31 * day, action: 'delete', outcome: 'done' }]);
    await recordActivity({ at: Date.now(), action: 'resetLink', outcome: 'done' });
    expect((await activityItem.getValue()).map((e) => e.action)).toEqual(['resetLink']);
    await activityItem.setValue(Array.from({ length: ACTIVITY_MAX }, () => ({ at: Date.now(), action: 'delete' as const, outcome: 'done' as const })));
    await recordActivity({ at: Date.now(), action: 'create', outcome: 'done' });
    const after = await activityItem.getValue();
    expect(after).toHaveLength(ACTIVITY_MAX);
    expect(after[0]!.action).toBe('create');
  });
});
