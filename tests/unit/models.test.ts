// The panel's signal models, driven through a fake transport (STYLE: models take their transport as a parameter).
import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { writeGroupCache } from '../../utils/background/group-cache-writes';
import { DEFAULT_SETTINGS } from '../../utils/config';
import type { MessageName } from '../../utils/messaging';
import { createOpenGroupModel as createGroupModel } from '../../utils/panel/open-group-model';
import { createGroupListModel, stepThroughResults } from '../../utils/panel/group-list-model';
import { createHandoffModel } from '../../utils/panel/handoff-model';
import { createOptionsModel } from '../../utils/panel/options-model';
import { createWaitingModel, planApprovals, type WaitingRow } from '../../utils/panel/waiting-model';
import { createPaletteModel, fuzzyScore } from '../../utils/panel/palette-model';
import { createPanel } from '../../utils/panel/panel';
import { runShortcut } from '../../utils/panel/shortcuts';
import { createPort, type Transport } from '../../utils/panel/port';
import type { Result } from '../../utils/result';
import { chatInViewItem, pendingCountsItem } from '../../utils/storage';
import { CHAT_ERROR_SHOWN_MS, createChatModel } from '../../utils/panel/chat-model';
import type { ChatInView } from '../../utils/inbox';
import { orderForDisplay, sortBySubject } from '../../utils/group-order';
import type { Group, GroupDetails, JoinRequest } from '../../utils/domain';

const group = (i: number, subject: string, patch: Partial<Group> = {}): Group => ({
  id: `g${i}`, whatsappGroupId: `12036300${i}`, subject, inviteLink: '', autoApproval: false,
  participantCount: 1, suspended: false, createdAt: '', updatedAt: '', ...patch,
});

/** A transport answering from a table; records what was asked. */
function fakeTransport(answers: Partial<Record<MessageName, (data: any) => Result<unknown> | Promise<Result<unknown>>>>) {
  const asked: { name: MessageName; data: unknown }[] = [];
  const transport = (async (name: MessageName, data: unknown) => {
    asked.push({ name, data });
    const answer = answers[name];
    if (!answer) throw new Error(`no fake answer for ${name}`);
    return answer(data);
  }) as Transport;
  return { transport, asked };
}

const ok = <T>(data: T): Result<T> => ({ ok: true, data });
const list = (groups: Group[]) => ({ groups, unreadable: 0 });
const config = () => ok({ configured: true, last4: '0001', signIn: 1, settings: DEFAULT_SETTINGS });

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.useRealTimers());

describe('groups model', () => {
  it('paints from the cache first, then shows what Zoko says', async () => {
    await writeGroupCache({ groups: [group(1, 'Cached')], fetchedAt: 1 });
    let release!: () => void;
    const { transport } = fakeTransport({
      getConfig: config,
      listGroups: () => new Promise((r) => (release = () => r(ok(list([group(1, 'Fresh'), group(2, 'New')]))))),
    });
    const model = createGroupListModel(createPort(transport));
    const started = model.start();
    await vi.waitFor(() => expect(model.status.value).toBe('updating'));
    expect(model.visible.value.map((g) => g.subject)).toEqual(['Cached']);
    release();
    await started;
    expect(model.status.value).toBe('idle');
    expect(model.visible.value.map((g) => g.subject)).toEqual(['Fresh', 'New']);
  });

  it('an error keeps the cached list and says what went wrong', async () => {
    await writeGroupCache({ groups: [group(1, 'Cached')], fetchedAt: 1 });
    const { transport } = fakeTransport({
      getConfig: config, listGroups: () => ({ ok: false, error: { kind: 'server', message: 'down', status: 500 } }),
    });
    const model = createGroupListModel(createPort(transport));
    await model.start();
    expect(model.visible.value).toHaveLength(1);
    expect(model.error.value?.kind).toBe('server');
  });

  it('without a key, asks nothing of Zoko', async () => {
    const { transport, asked } = fakeTransport({ getConfig: () => ok({ configured: false, last4: '', signIn: 0, settings: DEFAULT_SETTINGS }) });
    const model = createGroupListModel(createPort(transport));
    await model.start();
    expect(model.configured.value).toBe(false);
    expect(asked.map((a) => a.name)).toEqual(['getConfig']);
  });

  it('orders people-waiting first, then by name; search filters by name or group id', async () => {
    const groups = [group(1, 'beta'), group(2, 'Alpha'), group(3, 'Gamma'), group(4, 'Delta')];
    await pendingCountsItem.setValue({ byGroup: { g3: 1, g4: 5 } });
    // The background hands the list over sorted by name (see group-order).
    const { transport } = fakeTransport({ getConfig: config, listGroups: () => ok(list(sortBySubject(groups))) });
    const model = createGroupListModel(createPort(transport));
    await model.start();
    expect(model.visible.value.map((g) => g.subject)).toEqual(['Delta', 'Gamma', 'Alpha', 'beta']);
    expect(model.totalPending.value).toBe(6);
    model.query.value = 'ALP';
    expect(model.visible.value.map((g) => g.subject)).toEqual(['Alpha']);
    model.query.value = '120363003';
    expect(model.visible.value.map((g) => g.subject)).toEqual(['Gamma']);
  });

  it('a rate-limited list read tries again by itself after Retry-After', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const { transport } = fakeTransport({
      getConfig: config,
      listGroups: () => (++calls === 1 ? { ok: false, error: { kind: 'rateLimited', message: 'slow', retryAfterS: 12 } } : ok(list([group(1, 'A')]))),
    });
    const model = createGroupListModel(createPort(transport));
    await model.start();
    expect(model.error.value?.kind).toBe('rateLimited');
    await vi.advanceTimersByTimeAsync(12_000);
    expect(calls).toBe(2);
    expect(model.error.value).toBeNull();
    expect(model.groups.value).toHaveLength(1);
    model.stop();
  });

  it('follows the counts the background writes', async () => {
    const { transport } = fakeTransport({ getConfig: config, listGroups: () => ok(list([group(1, 'A')])) });
    const model = createGroupListModel(createPort(transport));
    await model.start();
    await pendingCountsItem.setValue({ byGroup: { g1: 3 } });
    await vi.waitFor(() => expect(model.totalPending.value).toBe(3));
    model.stop();
  });
});

describe('search results from the keyboard', () => {
  it.each([
    ['search', 'ArrowDown', 3, 0],
    ['search', 'ArrowUp', 3, null],
    ['search', 'Home', 3, null], // the box's own caret key
    ['search', 'ArrowDown', 0, null], // nothing to go to
    [0, 'ArrowDown', 3, 1],
    [1, 'ArrowDown', 3, 2],
    [2, 'ArrowDown', 3, 2], // stays on the last
    [1, 'ArrowUp', 3, 0],
    [0, 'ArrowUp', 3, 'search'], // back to the box
    [2, 'Home', 3, 0],
    [0, 'End', 3, 2],
    [1, 'Enter', 3, null], // the row's button opens it
  ] as const)('from %s, %s with %i results → %s', (from, key, size, to) => {
    expect(stepThroughResults(from, key, size)).toBe(to);
  });

  it('says whether a search narrows the list (the count reads "1 of 3 groups" then)', async () => {
    const { transport } = fakeTransport({ getConfig: config, listGroups: () => ok(list([group(1, 'Alpha'), group(2, 'Beta'), group(3, 'Wholesale')])) });
    const model = createGroupListModel(createPort(transport));
    await model.start();
    expect(model.searching.value).toBe(false);
    model.query.value = '  ';
    expect(model.searching.value).toBe(false);
    model.query.value = 'whol';
    expect(model.searching.value).toBe(true);
    expect([model.visible.value.length, model.total.value]).toEqual([1, 3]);
  });
});

const details = (patch: Partial<GroupDetails> = {}): GroupDetails => ({
  ...group(1, 'VIP'), suspended: false, status: 'active', participants: [{ waId: '91981', name: 'A', isAdmin: true, status: 'joined', customerId: '' }], ...patch,
});
const req = (id: string): JoinRequest => ({ id, waId: '919800000001', name: id, customerId: '', createdAt: 1 });

describe('group model', () => {
  it('loads details, requests and link in parallel', async () => {
    const pending: string[] = [];
    const later = <T>(name: string, value: T) => new Promise<Result<T>>((r) => { pending.push(name); setTimeout(() => r(ok(value)), 5); });
    const { transport } = fakeTransport({
      getGroup: () => later('getGroup', details()), listJoinRequests: () => later('listJoinRequests', { requests: [req('r1')], count: 1 }),
      getInviteLink: () => later('getInviteLink', 'https://chat.whatsapp.com/x'),
    });
    const model = createGroupModel(transport, 'g1');
    const loading = model.load();
    expect(pending.sort()).toEqual(['getGroup', 'getInviteLink', 'listJoinRequests']); // all asked before any answered
    await loading;
    expect(model.group.value?.subject).toBe('VIP');
    expect(model.requests.value).toHaveLength(1);
    expect(model.freeSeats.value).toBe(7);
  });

  it('lists requests first asked first, as Waiting does (Zoko answers newest first)', async () => {
    const at = (id: string, createdAt: number) => ({ ...req(id), createdAt });
    const { transport } = fakeTransport({
      getGroup: async () => ok(details()), getInviteLink: async () => ok('https://chat.whatsapp.com/x'),
      listJoinRequests: async () => ok({ requests: [at('newest', 30), at('middle', 20), at('oldest', 10)], count: 3 }),
    });
    const model = createGroupModel(transport, 'g1');
    await model.load();
    expect(model.requests.value?.map((r) => r.id)).toEqual(['oldest', 'middle', 'newest']);
  });

  it('approving replaces the list with what is still waiting', async () => {
    const { transport, asked } = fakeTransport({ decideJoinRequests: () => ok({ requests: { requests: [req('r2')], count: 1 } }) });
    const model = createGroupModel(transport, 'g1');
    model.requests.value = [req('r1'), req('r2')];
    expect(await model.decide.run('approve', ['r1'])).toEqual([req('r2')]);
    expect(model.requests.value).toEqual([req('r2')]);
    expect(asked[0]).toEqual({ name: 'decideJoinRequests', data: { id: 'g1', action: 'approve', requestIds: ['r1'] } });
  });

  it('a failed decision shows what the background read after it, and the error, in one round trip', async () => {
    const { transport, asked } = fakeTransport({
      decideJoinRequests: () => ok({ requests: { requests: [], count: 0 }, error: { kind: 'notFound', message: 'gone', metaCode: 131213 } }),
    });
    const model = createGroupModel(transport, 'g1');
    model.requests.value = [req('r1')];
    expect(await model.decide.run('approve', ['r1'])).toBeUndefined();
    expect(model.requests.value).toEqual([]);
    expect(model.decide.error.value?.metaCode).toBe(131213);
    expect(model.gone.value).toBe(false); // a vanished request is not a vanished group
    expect(asked.map((a) => a.name)).toEqual(['decideJoinRequests']); // the page does not read again
  });

  it('a decision that went through but whose re-read failed drops the decided requests', async () => {
    const { transport } = fakeTransport({ decideJoinRequests: () => ok({ requests: null }) });
    const model = createGroupModel(transport, 'g1');
    model.requests.value = [req('r1'), req('r2')];
    expect(await model.decide.run('approve', ['r1'])).toEqual([req('r2')]);
    expect(model.requests.value).toEqual([req('r2')]);
  });

  it('rate limited reads retry by themselves after Retry-After', async () => {
    vi.useFakeTimers();
    let first = true;
    const { transport } = fakeTransport({
      getGroup: () => {
        if (!first) return ok(details());
        first = false;
        return { ok: false, error: { kind: 'rateLimited', message: 'slow', retryAfterS: 7 } };
      },
      listJoinRequests: () => ok({ requests: [], count: 0 }), getInviteLink: () => ok(''),
    });
    const model = createGroupModel(transport, 'g1');
    await model.load();
    expect(model.retryAt.value).toBe(Date.now() + 7000);
    await vi.advanceTimersByTimeAsync(7000);
    expect(model.group.value?.subject).toBe('VIP');
    expect(model.loadError.value).toBeNull();
  });

  it('a group that no longer exists is marked gone', async () => {
    const { transport } = fakeTransport({
      getGroup: () => ({ ok: false, error: { kind: 'notFound', message: 'Group not found', status: 404 } }),
      listJoinRequests: () => ok({ requests: [], count: 0 }), getInviteLink: () => ok(''),
    });
    const model = createGroupModel(transport, 'g1');
    await model.load();
    expect(model.gone.value).toBe(true);
  });
});

describe('group order', () => {
  it('sorts names as people read them, then puts people-waiting first, most first, ties by name', () => {
    const groups = sortBySubject([group(1, 'Group 10'), group(2, 'group 2'), group(3, 'Apple'), group(4, 'Zeta')]);
    expect(groups.map((g) => g.subject)).toEqual(['Apple', 'group 2', 'Group 10', 'Zeta']);
    expect(orderForDisplay(groups, { g4: 1, g1: 1, g2: 3 }).map((g) => g.subject)).toEqual(['group 2', 'Group 10', 'Zeta', 'Apple']);
  });
});

describe('options model', () => {
  const settings = { ...DEFAULT_SETTINGS, agentId: 'agent-1' };

  it('waits for the stored settings before the form can be typed in', async () => {
    const { transport } = fakeTransport({ getConfig: () => ok({ configured: false, last4: '', signIn: 0, settings }) });
    const model = createOptionsModel(transport);
    expect(model.ready.value).toBe(false);
    await model.load();
    expect(model.ready.value).toBe(true);
    expect(model.settings.value.agentId).toBe('agent-1');
  });

  it('a reply lost to a stopped worker keeps what was typed and says so in words', async () => {
    const { transport } = fakeTransport({
      getConfig: () => ok({ configured: false, last4: '', signIn: 0, settings }),
      saveConfig: () => ({ ok: false, error: { kind: 'network', message: 'The extension restarted before answering', lostReply: true } }),
    });
    const model = createOptionsModel(transport);
    await model.load();
    model.apiKey.value = 'key-1234';
    model.set({ agentEmail: 'a@b.co' });
    await model.save();
    expect(model.status.value).toEqual({ tone: 'error', text: expect.stringMatching(/\w+/) });
    expect(model.apiKey.value).toBe('key-1234');
    expect(model.settings.value.agentEmail).toBe('a@b.co');
  });

  it('invalid input is not sent at all', async () => {
    const { transport, asked } = fakeTransport({ getConfig: () => ok({ configured: false, last4: '', signIn: 0, settings }) });
    const model = createOptionsModel(transport);
    await model.load();
    model.set({ agentEmail: 'not an email' });
    await model.save();
    expect(model.errors.value).toMatchObject({ apiKey: expect.any(String), agentEmail: expect.any(String) });
    expect(asked.map((a) => a.name)).toEqual(['getConfig']);
  });
});

describe('hand-off model', () => {
  it('reads the number through the port, orders recent groups first, invites once, and clears the hand-off', async () => {
    await fakeBrowser.storage.session.set({ handoff: { text: 'call +91 98765 43210', at: 1 } });
    await fakeBrowser.storage.local.set({ recentGroups: ['g2'] });
    const { transport, asked } = fakeTransport({ inviteMembers: () => ok({ sent: ['919876543210'], skipped: [], failed: [] }) });
    const model = createHandoffModel(createPort(transport), () => [group(1, 'A'), group(2, 'B'), group(3, 'C', { suspended: true })], () => 'IN');
    await model.start();
    expect(model.parsed.value).toMatchObject({ waId: '919876543210' });
    // The suspended group is offered last, marked, rather than missing.
    expect(model.choices.value.map((g) => g.id)).toEqual(['g2', 'g1', 'g3']);
    expect(model.chosen.value).toBe('g2');
    expect(await model.send()).toMatchObject({ sent: ['919876543210'] });
    expect(asked).toEqual([{ name: 'inviteMembers', data: { id: 'g2', phoneNumbers: ['919876543210'] } }]);
    await model.close();
    expect(await fakeBrowser.storage.session.get('handoff')).toEqual({});
    model.stop();
  });
});

describe('full and suspended groups, before the agent acts', () => {
  it('the hand-off says why a full or suspended group cannot take the number, and sends nothing', async () => {
    await fakeBrowser.storage.session.set({ handoff: { text: '+91 98765 43210', at: 1, groupId: 'g1' } });
    const { transport, asked } = fakeTransport({ inviteMembers: () => ok({ sent: ['919876543210'], skipped: [], failed: [] }) });
    const model = createHandoffModel(createPort(transport),
      () => [group(1, 'Support Team', { participantCount: 8 }), group(2, 'Beta Testers', { participantCount: 7 }), group(3, 'Flash Deals', { suspended: true })], () => 'IN');
    await model.start();
    expect(model.chosen.value).toBe('g1'); // "Invite to Support Team" in the menu: shown as picked, and refused
    expect(model.refusal.value).toBe('Support Team is full (all 8 seats are taken). Remove someone first.');
    expect(await model.send()).toBeUndefined();
    model.pick('g3');
    expect(model.refusal.value).toBe('WhatsApp has suspended Flash Deals, so nobody can be invited to it.');
    expect(await model.send()).toBeUndefined();
    expect(asked).toEqual([]);
    model.pick('g2'); // 7 of 8: a seat is free
    expect(model.refusal.value).toBeNull();
    expect(await model.send()).toMatchObject({ sent: ['919876543210'] });
    expect(asked).toHaveLength(1);
    model.stop();
  });

  it('the hand-off\'s default group is the most recent one that can take someone', async () => {
    await fakeBrowser.storage.session.set({ handoff: { text: '+91 98765 43210', at: 1 } });
    await fakeBrowser.storage.local.set({ recentGroups: ['g1', 'g2'] });
    const model = createHandoffModel(createPort(fakeTransport({}).transport),
      () => [group(1, 'Support Team', { participantCount: 8 }), group(2, 'Beta Testers')], () => 'IN');
    await model.start();
    expect(model.choices.value.map((g) => g.id)).toEqual(['g1', 'g2']); // the full one stays listed, marked
    expect(model.chosen.value).toBe('g2');
    model.stop();
  });
});

describe('what Zoko counts and what it lists', () => {
  it('the open group keeps Zoko\'s count when it lists fewer requests than it counts', async () => {
    const { transport } = fakeTransport({
      getGroup: () => ok(details()), listJoinRequests: () => ok({ requests: [req('r1')], count: 2 }), getInviteLink: () => ok(''),
    });
    const model = createGroupModel(transport, 'g1');
    await model.load();
    expect(model.requests.value).toHaveLength(1);
    expect(model.requestCount.value).toBe(2);
  });

  it('the list says how many groups could not be read, and shows the rest', async () => {
    const { transport } = fakeTransport({ getConfig: config, listGroups: () => ok({ groups: [group(1, 'A')], unreadable: 1 }) });
    const model = createGroupListModel(createPort(transport));
    await model.start();
    expect(model.visible.value.map((g) => g.subject)).toEqual(['A']);
    expect(model.unreadable.value).toBe(1);
    model.stop();
  });
});

describe('seats (WhatsApp refuses a 9th participant: Meta 131204)', () => {
  it('approvals beyond the free seats are held back, those who asked first going first; rejections always fit', async () => {
    const { transport } = fakeTransport({});
    const model = createGroupModel(transport, 'g1');
    const joined = Array.from({ length: 6 }, (_, i) => ({ waId: `9198000000${i}`, name: '', isAdmin: false, status: 'joined', customerId: '' }));
    model.group.value = details({ participants: joined });
    model.requests.value = [{ ...req('late'), createdAt: 30 }, { ...req('first'), createdAt: 10 }, { ...req('second'), createdAt: 20 }];
    expect(model.freeSeats.value).toBe(2);
    expect(model.fitting('approve', ['late', 'first', 'second'])).toEqual({ ids: ['first', 'second'], held: 1 });
    expect(model.fitting('reject', ['late', 'first', 'second']).held).toBe(0);
    model.group.value = details({ participants: [...joined, ...joined.slice(0, 2)] });
    expect(model.fitting('approve', ['first'])).toEqual({ ids: [], held: 1 });
  });
});

describe('waiting queue', () => {
  const row = (id: string, groupId: string, createdAt: number, seatsLeft: number) =>
    ({ ...req(id), createdAt, groupId, subject: groupId, seatsLeft });

  it('"Approve all that fit": per group, those who asked first, up to the free seats', () => {
    const plan = planApprovals([
      row('a3', 'A', 30, 2), row('a1', 'A', 10, 2), row('a2', 'A', 20, 2), // 3 waiting, 2 seats
      row('b1', 'B', 5, 0), // full
      row('c1', 'C', 15, 8),
    ]);
    expect(Object.fromEntries(plan.byGroup)).toEqual({ A: ['a1', 'a2'], C: ['c1'] });
    expect(plan.held.map((r) => r.id).sort()).toEqual(['a3', 'b1']);
    expect(plan.people).toBe(3);
  });

  it('paints from what the background knows, oldest first, without Zoko\'s auto-approved or suspended groups', async () => {
    const people = signal({
      g1: [{ ...req('late'), createdAt: 50 }], g2: [{ ...req('early'), createdAt: 10 }], g3: [{ ...req('auto'), createdAt: 1 }],
    });
    const { transport, asked } = fakeTransport({ refreshWaiting: () => ok({ read: 2, notRead: 0 }) });
    const groups = [group(1, 'One', { participantCount: 7 }), group(2, 'Two'), group(3, 'Three', { autoApproval: true })];
    const model = createWaitingModel(createPort(transport), () => groups, people);
    await model.start();
    expect(model.rows.value.map((r) => [r.id, r.subject, r.seatsLeft])).toEqual([['early', 'Two', 7], ['late', 'One', 1]]);
    expect(asked.map((a) => a.name)).toEqual(['refreshWaiting']);
    model.stop();
  });

  it('decides with one request per group and gives every row its outcome', async () => {
    const people = signal({ g1: [req('r1'), req('r2')], g2: [req('r3')] });
    const { transport, asked } = fakeTransport({
      refreshWaiting: () => ok({ read: 2, notRead: 0 }),
      decideJoinRequests: (d: { id: string }) => (d.id === 'g1'
        ? ok({ requests: { requests: [], count: 0 } })
        : ok({ requests: { requests: [], count: 0 }, error: { kind: 'notFound', message: 'gone', metaCode: 131213 } })),
    });
    const model = createWaitingModel(createPort(transport), () => [group(1, 'One'), group(2, 'Two')], people);
    await model.start();
    await model.decide('approve', model.rows.value);
    expect(asked.filter((a) => a.name === 'decideJoinRequests')).toHaveLength(2);
    expect(model.outcomes.value).toEqual({ r1: { kind: 'approved' }, r2: { kind: 'approved' }, r3: { kind: 'gone' } });
    model.stop();
  });
});

describe('command palette', () => {
  const list = [group(1, 'VIP Customers'), group(2, 'Very Old Catalogue'), group(3, 'Returns & Exchanges'), group(4, 'Wholesale Buyers')];
  const labels = () => ({ waiting: 'Open Waiting', activity: 'Open Activity', settings: 'Open settings', create: 'Create a group' });
  const palette = (recent: string[] = []) => createPaletteModel(() => list, () => recent, labels);
  const shown = (p: ReturnType<typeof palette>) => p.results.value.map((r) => (r.kind === 'group' ? `${r.action}:${r.group.subject}` : `panel:${r.action}`));

  it('fuzzy: initials and word starts first', () => {
    expect(fuzzyScore('vc', 'vip customers')).toBeGreaterThan(fuzzyScore('vc', 'very old catalogue'));
    expect(fuzzyScore('xyz', 'vip customers')).toBe(-1);
    const p = palette();
    p.query.value = 'vc';
    expect(shown(p)[0]).toBe('open:VIP Customers');
  });

  it('a first word picks the action: copy, approve, invite (and in Spanish)', () => {
    const p = palette();
    p.query.value = 'copy ret';
    expect(shown(p)[0]).toBe('copyLink:Returns & Exchanges');
    p.query.value = 'approve whole';
    expect(shown(p)).toEqual(['approveAll:Wholesale Buyers']);
    p.query.value = 'invitar vip';
    expect(shown(p)[0]).toBe('invite:VIP Customers');
    p.query.value = 'send vip';
    expect(shown(p)[0]).toBe('sendLink:VIP Customers');
  });

  it('recently used groups first; panel actions by name', () => {
    const p = palette(['g4']);
    expect(shown(p)[0]).toBe('open:Wholesale Buyers');
    p.query.value = 'waiting';
    expect(shown(p)[0]).toBe('panel:waiting');
  });

  it('shortcuts never fire while typing or with a dialog open; Ctrl+K always opens the palette', () => {
    const { transport } = fakeTransport({});
    const p = createPanel(createPort(transport));
    expect(runShortcut(p, { key: '?' }, true, false)).toBe(false);
    expect(runShortcut(p, { key: '?' }, false, true)).toBe(false);
    expect(runShortcut(p, { key: '?' }, false, false)).toBe(true);
    expect(p.helpOpen.value).toBe(true);
    expect(runShortcut(p, { key: 'k', ctrlKey: true }, true, false)).toBe(true);
    expect(p.palette.open.value).toBe(true);
  });

  it('i and l open This chat\'s group picker from the list, only when there is a customer', async () => {
    const { transport } = fakeTransport({
      refreshChatInView: () => ok({ tabId: 1, addressKnown: true, site: 'https://inbox.example', granted: true,
        chat: { numbers: ['+919876543210'], reader: 'page', sure: true } }),
    });
    const p = createPanel(createPort(transport));
    expect(runShortcut(p, { key: 'i' }, false, false)).toBe(false); // no chat yet
    await p.chat.start();
    await vi.waitFor(() => expect(p.chat.customer.value).not.toBeNull());
    expect(runShortcut(p, { key: 'l' }, true, false)).toBe(false); // typing in a field
    expect(runShortcut(p, { key: 'l' }, false, false)).toBe(true);
    expect(p.chat.picking.value?.action).toBe('link');
    expect(runShortcut(p, { key: 'i' }, false, false)).toBe(true);
    expect(p.chat.picking.value?.action).toBe('invite');
  });
});

describe('one decision at a time per request (Zoko answering slowly)', () => {
  /** A transport whose decisions wait until released, like a Zoko answering in 700 ms. */
  function slowDecisions(extra: Parameters<typeof fakeTransport>[0] = {}) {
    const waiting: (() => void)[] = [];
    const fake = fakeTransport({
      ...extra,
      decideJoinRequests: () => new Promise<Result<unknown>>((r) => waiting.push(() => r(ok({ requests: null })))),
    });
    const decisions = () => fake.asked.filter((a) => a.name === 'decideJoinRequests').map((a) => a.data);
    return { ...fake, decisions, answerAll: () => waiting.splice(0).forEach((answer) => answer()) };
  }
  const row = (id: string, createdAt: number): JoinRequest => ({ ...req(id), createdAt });

  it('Waiting: a then r approves the first and rejects the second; a again and a click on the busy row send nothing', async () => {
    const people = signal({ g1: [row('r1', 1), row('r2', 2)], g2: [row('r3', 3)] });
    const slow = slowDecisions({ refreshWaiting: () => ok({ read: 2, notRead: 0 }) });
    const model = createWaitingModel(createPort(slow.transport), () => [group(1, 'One'), group(2, 'Two')], people);
    await model.start();
    const first = model.next('approve');
    expect(first).toMatchObject({ id: 'r1' });
    const approving = model.decide('approve', [first as WaitingRow]);
    expect(model.deciding.value.get('r1')).toBe('approve'); // the row says "Approving…"
    expect(model.next('reject')).toMatchObject({ id: 'r2' }); // r: the next undecided person, not r1
    const rejecting = model.decide('reject', [model.next('reject') as WaitingRow]);
    expect(await model.decide('approve', [first as WaitingRow])).toEqual({}); // a second press on r1: nothing sent
    expect(model.next('approve')).toMatchObject({ id: 'r3' });
    expect(model.working.value).toBe(true); // "Approve all that fit" waits meanwhile
    slow.answerAll();
    await Promise.all([approving, rejecting]);
    expect(slow.decisions()).toEqual([
      { id: 'g1', action: 'approve', requestIds: ['r1'] }, { id: 'g1', action: 'reject', requestIds: ['r2'] },
    ]);
    expect(model.outcomes.value).toEqual({ r1: { kind: 'approved' }, r2: { kind: 'rejected' } });
    expect(model.deciding.value.size).toBe(0);
    expect(await model.decide('approve', [first as WaitingRow])).toEqual({}); // decided already: never again
    expect(slow.decisions()).toHaveLength(2);
    model.stop();
  });

  it('Waiting: an approval on its way takes a seat: a passes over a group it filled, to the first who fits', async () => {
    const people = signal({ g1: [row('r1', 1), row('r2', 2)], g2: [row('r3', 3)] });
    const slow = slowDecisions({ refreshWaiting: () => ok({ read: 2, notRead: 0 }) });
    const groups = [group(1, 'One', { participantCount: 7 }), group(2, 'Two', { participantCount: 7 })]; // 1 seat each
    const model = createWaitingModel(createPort(slow.transport), () => groups, people);
    await model.start();
    const first = model.decide('approve', [model.next('approve') as WaitingRow]);
    expect(model.next('approve')).toMatchObject({ id: 'r3' }); // r2's group has no seat left once r1 is in
    const second = model.decide('approve', [model.next('approve') as WaitingRow]);
    expect(model.next('approve')).toBe('full');
    expect(model.next('reject')).toMatchObject({ id: 'r2' });
    expect(model.planApprovals()).toMatchObject({ people: 0, held: [{ id: 'r2' }] });
    slow.answerAll();
    await Promise.all([first, second]);
    expect(slow.decisions().map((d) => (d as { requestIds: string[] }).requestIds)).toEqual([['r1'], ['r3']]);
    model.stop();
  });

  it('a group: fast a a r decide three different people, one POST each; a press on a request in flight sends nothing', async () => {
    const slow = slowDecisions({
      getGroup: () => ok(details()), getInviteLink: () => ok('https://chat.whatsapp.com/x'),
      listJoinRequests: () => ok({ requests: [row('r3', 3), row('r1', 1), row('r2', 2)], count: 3 }),
    });
    const p = createPanel(createPort(slow.transport));
    p.openGroup('g1');
    const model = p.current.value!;
    await vi.waitFor(() => expect(model.requests.value).toHaveLength(3));
    for (const key of ['a', 'a', 'r']) expect(runShortcut(p, { key }, false, false)).toBe(true);
    // `r` asks first: nothing is sent for r3 until the agent says yes.
    expect(slow.decisions()).toHaveLength(2);
    expect(p.rejectByKey.value?.name).toBe('r3');
    p.rejectByKey.value!.confirm();
    expect(slow.decisions()).toEqual([
      { id: 'g1', action: 'approve', requestIds: ['r1'] }, { id: 'g1', action: 'approve', requestIds: ['r2'] },
      { id: 'g1', action: 'reject', requestIds: ['r3'] },
    ]);
    expect(runShortcut(p, { key: 'a' }, false, false)).toBe(false); // everyone has a decision on its way
    expect(model.fitting('approve', ['r1', 'r2'])).toEqual({ ids: [], held: 0 }); // the buttons send nothing either
    expect(await model.decide.run('approve', ['r1'])).toEqual(model.requests.value);
    expect(slow.decisions()).toHaveLength(3);
    expect(Object.fromEntries(model.deciding.value)).toEqual({ r1: 'approve', r2: 'approve', r3: 'reject' });
    slow.answerAll();
    await vi.waitFor(() => expect(model.deciding.value.size).toBe(0));
  });

  it('the palette\'s "approve ‹group›" passes over an approval on its way from the group, and counts its seat', async () => {
    const slow = slowDecisions({
      getGroup: () => ok(details()), getInviteLink: () => ok('https://chat.whatsapp.com/x'),
      listJoinRequests: () => ok({ requests: [row('r3', 3), row('r1', 1), row('r2', 2)], count: 3 }),
    });
    const p = createPanel(createPort(slow.transport));
    p.openGroup('g1');
    await vi.waitFor(() => expect(p.current.value!.requests.value).toHaveLength(3));
    expect(runShortcut(p, { key: 'a' }, false, false)).toBe(true); // r1 on its way
    const all = p.runPaletteItem({ kind: 'group', action: 'approveAll', group: group(1, 'One', { participantCount: 6 }) }); // 2 seats
    await vi.waitFor(() => expect(slow.decisions()).toHaveLength(2));
    slow.answerAll();
    await all;
    // r1 is not sent twice, and it holds one of the two seats: the palette approves r2 only.
    expect(slow.decisions()).toEqual([
      { id: 'g1', action: 'approve', requestIds: ['r1'] }, { id: 'g1', action: 'approve', requestIds: ['r2'] },
    ]);
  });

  it('a group whose participants are not read yet sends no approval (its seats are not known); rejections go', () => {
    const { transport } = slowDecisions();
    const model = createGroupModel(transport, 'g1');
    model.requests.value = [row('r1', 1), row('r2', 2)];
    expect(model.group.value).toBeNull();
    expect(model.fitting('approve', ['r1', 'r2'])).toEqual({ ids: [], held: 0 });
    expect(model.fitting('reject', ['r1'])).toEqual({ ids: ['r1'], held: 0 });
  });

  it('a group: approvals on their way count against the seats', async () => {
    const { transport } = slowDecisions();
    const model = createGroupModel(transport, 'g1');
    const joined = Array.from({ length: 7 }, (_, i) => ({ waId: `9198000000${i}`, name: '', isAdmin: false, status: 'joined', customerId: '' }));
    model.group.value = details({ participants: joined }); // 1 seat
    model.requests.value = [row('r1', 1), row('r2', 2)];
    void model.decide.run('approve', [model.next('approve')!]);
    expect(model.next('approve')).toBe('full');
    expect(model.next('reject')).toBe('r2');
    expect(model.fitting('approve', ['r2'])).toEqual({ ids: [], held: 1 });
  });
});

describe('This chat: a picker is bound to the customer it was opened for', () => {
  const SITE = 'https://inbox.example';
  const chatView = (numbers: string[], name: string, tabId = 3): ChatInView => ({
    tabId, addressKnown: true, site: SITE, granted: true, chat: { numbers, name, reader: 'page', sure: true },
  });
  const PRIYA = chatView(['+91 98765 43210'], 'Priya Sharma');

  async function thisChat(answers: Parameters<typeof fakeTransport>[0] = {}) {
    await chatInViewItem.setValue(PRIYA);
    const fake = fakeTransport({
      refreshChatInView: () => ok(PRIYA), inviteMembers: (d: { phoneNumbers: string[] }) => ok({ sent: d.phoneNumbers, skipped: [], failed: [] }),
      insertIntoChat: () => ok({ inserted: true }), ...answers,
    });
    const port = { ...createPort(fake.transport), copy: vi.fn(async () => true) };
    const groups = [group(1, 'VIP Customers', { inviteLink: 'https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv' }), group(2, 'Wholesale Buyers')];
    const model = createChatModel(port, {
      groups: () => groups, recent: () => [], people: signal({}), country: () => 'IN', linkTemplate: () => undefined,
      access: { site: async () => true, tabAddresses: async () => true },
    });
    await model.start();
    await vi.waitFor(() => expect(model.customer.value?.waId).toBe('919876543210'));
    /** The page shows another chat now. */
    const change = async (next: ChatInView) => {
      await chatInViewItem.setValue(next);
      await vi.waitFor(() => expect(model.view.value).toEqual(next));
    };
    const writes = () => fake.asked.filter((a) => a.name === 'inviteMembers' || a.name === 'insertIntoChat');
    return { model, port, groups, change, writes };
  }

  it.each([
    ['another number', chatView(['+44 7911 123456'], 'Rahul Verma')],
    ['the same person in another tab', chatView(['+91 98765 43210'], 'Priya Sharma', 4)],
    ['another chat with no number', chatView([], 'Support')],
  ])('Invite to…, then %s in view: the picker says the chat changed, and the pick invites nobody', async (_, next) => {
    const { model, groups, change, writes } = await thisChat();
    expect(model.openPicker('invite')).toBe(true);
    await change(next);
    expect(model.pickerStale.value).toBe(true);
    expect(model.picking.value?.customer.waId).toBe('919876543210'); // the title keeps whom it was opened for
    expect(await model.pick(groups[0]!)).toEqual({ tone: 'error', text: expect.stringContaining('+91 98765 43210') });
    expect(model.status.value?.text).toMatch(/chat changed/);
    expect(model.picking.value).toBeNull();
    expect(writes()).toEqual([]);
  });

  it('Send invite link…, then another chat: nothing is put in its reply box, nor copied', async () => {
    const { model, port, groups, change, writes } = await thisChat();
    model.openPicker('link');
    await change(chatView(['+44 7911 123456'], 'Rahul Verma'));
    expect(await model.pick(groups[0]!)).toMatchObject({ tone: 'error' });
    expect(writes()).toEqual([]);
    expect(port.copy).not.toHaveBeenCalled();
  });

  it('the chat changes while the link is being read: it does not land in the new chat', async () => {
    let answer!: (r: Result<string>) => void;
    const { model, port, groups, change, writes } = await thisChat({ getInviteLink: () => new Promise((r) => (answer = r)) });
    model.openPicker('link');
    const picked = model.pick(groups[1]!); // no link in the list: read first
    await vi.waitFor(() => expect(answer).toBeTypeOf('function'));
    await change(chatView(['+44 7911 123456'], 'Rahul Verma'));
    answer(ok('https://chat.whatsapp.com/WxYz0123456789AbCdEfGh'));
    expect(await picked).toMatchObject({ tone: 'error' });
    expect(writes()).toEqual([]);
    expect(port.copy).not.toHaveBeenCalled();
  });

  it('nothing changed: the pick invites the number it was opened for, once', async () => {
    const { model, groups, change, writes } = await thisChat();
    model.openPicker('invite');
    await change(PRIYA); // the same chat read again
    expect(model.pickerStale.value).toBe(false);
    expect(await model.pick(groups[0]!)).toMatchObject({ tone: 'ok' });
    expect(writes()).toEqual([{ name: 'inviteMembers', data: { id: 'g1', phoneNumbers: ['919876543210'] } }]);
  });

  it.each([
    ['full (8 of 8)', { participantCount: 8 }, 'Support Team is full (all 8 seats are taken). Remove someone first.'],
    ['suspended', { suspended: true }, 'WhatsApp has suspended Support Team, so nobody can be invited to it.'],
  ])('Invite to… a %s group: the picker lists it, the pick says why and sends nothing', async (_, patch, why) => {
    const { model, groups, writes } = await thisChat();
    groups.push(group(3, 'Support Team', patch));
    model.openPicker('invite');
    expect(model.choices.value.map((g) => g.subject)).toContain('Support Team');
    expect(await model.pick(groups[2]!)).toEqual({ tone: 'error', text: `+91 98765 43210 was not invited: ${why}` });
    expect(model.status.value?.text).toContain(why);
    expect(writes()).toEqual([]);
  });

  it('a sentence belongs to the chat it was said for: another chat does not show it, and it fades', async () => {
    const { model, groups, change } = await thisChat({
      inviteMembers: () => ok({ sent: [], skipped: [], failed: [{ phoneNumber: '919876543210', reason: 'group is full' }] }),
    });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      model.openPicker('invite');
      await model.pick(groups[0]!);
      expect(model.status.value).toEqual({ tone: 'error', text: '+91 98765 43210 was not invited: group is full' });
      await change(chatView(['+44 7911 123456'], 'Rahul Verma'));
      expect(model.status.value).toBeNull(); // not above Rahul's card
      await change(PRIYA);
      expect(model.status.value?.text).toContain('group is full'); // back in Priya's chat, until it fades
      vi.advanceTimersByTime(CHAT_ERROR_SHOWN_MS);
      expect(model.status.value).toBeNull();
      await model.invite(groups[0]!);
      model.forget(); // signed out
      expect(model.status.value).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('no customer: the picker does not open', async () => {
    const { model, change } = await thisChat();
    await change(chatView([], 'Support'));
    expect(model.openPicker('invite')).toBe(false);
    expect(model.picking.value).toBeNull();
  });
});
