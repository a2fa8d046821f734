// The background's other duties over fakeBrowser: the context-menu hand-off, direct invites, pending creations.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readGroupCache } from '../../utils/group-cache';
import { writeGroupCache } from '../../utils/background/group-cache-writes';
import { DEFAULT_SETTINGS } from '../../utils/config';
import { buildMenus, clickedText, createMenuClickHandler, MAX_SELECTION } from '../../utils/background/context-menu';
import { createDirectInvite } from '../../utils/background/direct-invite';
import { createServices } from '../../utils/background/services';
import { addPendingCreation, createCreationWatcher, WATCH_FOR_MS } from '../../utils/background/pending-creations';
import { apiKeyItem, handoffItem, pendingCreationsItem, recentGroupsItem, settingsItem } from '../../utils/storage';
import { createZokoClient } from '../../utils/background/zoko/client';
import { newStore, type SandboxControl } from '../../dev/sandbox/control';
import { startSandbox, type Sandbox } from '../../dev/sandbox/server';

let sandbox: Sandbox;
let store: SandboxControl;
const client = () => createZokoClient({ baseURL: sandbox.baseUrl, getApiKey: () => apiKeyItem.getValue(), retryBaseMs: 5 });

beforeAll(async () => { sandbox = await startSandbox(); });
afterAll(() => sandbox.close());

beforeEach(async () => {
  fakeBrowser.reset();
  store = await newStore(sandbox.url);
  await apiKeyItem.setValue(store.apiKey);
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, agentId: 'agent-1', agentEmail: 'a@b.co' });
  // fakeBrowser has no sidePanel or contextMenus: record what the code asks of them.
  Object.assign(fakeBrowser, { sidePanel: { open: vi.fn(() => Promise.resolve()) } });
  Object.assign(fakeBrowser.contextMenus, { create: vi.fn(), removeAll: vi.fn(() => Promise.resolve()) });
});

describe('"Invite this number" click', () => {
  it('opens the side panel synchronously, before anything is awaited, then hands the text over', async () => {
    const open = (fakeBrowser as unknown as { sidePanel: { open: ReturnType<typeof vi.fn> } }).sidePanel.open;
    const handler = createMenuClickHandler({ inviteDirectly: vi.fn() });
    handler({ menuItemId: 'invite-number', selectionText: ' +91 98765 43210 ', editable: false, pageUrl: '' }, { windowId: 7 } as never);
    expect(open).toHaveBeenCalledWith({ windowId: 7 }); // same tick as the click: the user gesture is still valid
    await vi.waitFor(async () => expect(await handoffItem.getValue()).toMatchObject({ text: ' +91 98765 43210 ' }));
  });

  it('cuts a huge selection instead of handing it over whole', () => {
    expect(clickedText({ selectionText: '9'.repeat(1_000_000) })).toHaveLength(MAX_SELECTION);
    expect(clickedText({ linkUrl: 'tel:+14155552671' })).toBe('tel:+14155552671');
  });

  it('"Invite to <group>" invites directly and does not open the panel', async () => {
    const inviteDirectly = vi.fn(() => Promise.resolve());
    createMenuClickHandler({ inviteDirectly })({ menuItemId: 'invite-to:g1', selectionText: '+91 98765 43210', editable: false, pageUrl: '' }, { windowId: 1 } as never);
    expect(inviteDirectly).toHaveBeenCalledWith('g1', '919876543210');
    expect(await handoffItem.getValue()).toBeNull();
  });

  it('the menu lists recent groups under "Invite to"', async () => {
    await writeGroupCache({ groups: [{ id: 'g1', subject: 'VIP', whatsappGroupId: '', inviteLink: '', autoApproval: false,
      participantCount: 1, suspended: false, createdAt: '', updatedAt: '' }], fetchedAt: 1 });
    await recentGroupsItem.setValue(['g1', 'gone']);
    await buildMenus();
    const created = vi.mocked(fakeBrowser.contextMenus.create).mock.calls.map(([item]) => [item.id, item.title, item.parentId]);
    expect(created).toEqual([
      ['invite-number', 'Invite this number', undefined],
      ['invite-number:link', 'Invite this number', undefined],
      ['invite-to', 'Invite to', undefined],
      ['invite-to:g1', 'VIP', 'invite-to'],
    ]);
  });
});

/** What fakeBrowser was asked to show (its own record of notifications.create options). */
const notifications = () => Object.values(
  (fakeBrowser.notifications as unknown as { getAllCreateOptions(): Record<string, { title: string; message: string }> }).getAllCreateOptions());

describe('direct invite ("Invite to <group>")', () => {
  const click = (selectionText: string) => {
    const inviteDirectly = vi.fn(() => Promise.resolve());
    const open = (fakeBrowser as unknown as { sidePanel: { open: ReturnType<typeof vi.fn> } }).sidePanel.open;
    createMenuClickHandler({ inviteDirectly })({ menuItemId: 'invite-to:g1', selectionText, editable: false, pageUrl: '' }, { windowId: 4 } as never);
    return { inviteDirectly, open };
  };

  it.each([
    ['+91 98765 43210', '919876543210'],
    ['Call +91 98765 43210 today', '919876543210'],
    ['tel:+1-415-555-2671', '14155552671'],
    ['https://wa.me/447911123456', '447911123456'],
  ])('one clear number (%s) is invited without asking', (text, waId) => {
    const { inviteDirectly, open } = click(text);
    expect(inviteDirectly).toHaveBeenCalledWith('g1', waId);
    expect(open).not.toHaveBeenCalled();
  });

  it.each([
    ['Order 2024011512 — call +91 98765 43210'],
    ['ring 098765 22211 today'], // a number without its country code: the panel reads it with the default country
    ['98765 43210'],
    ['+91 98765 43210 or +91 98765 43211'],
    ['order #AB-CD'],
    ['https://wa.me/%zz'],
  ])('anything else (%s) opens the panel to pick, in the same tick, with the group preselected', async (text) => {
    const { inviteDirectly, open } = click(text);
    expect(inviteDirectly).not.toHaveBeenCalled();
    expect(open).toHaveBeenCalledWith({ windowId: 4 });
    await vi.waitFor(async () => expect(await handoffItem.getValue()).toMatchObject({ text, groupId: 'g1' }));
  });

  it('invites the number it is given and says so in a notification', async () => {
    const g = (await store.state()).groups[0]!;
    await createDirectInvite(createServices(client()).handlers)(g._id, '919876522211');
    expect((await store.state()).groups[0]!.invitations).toEqual(['919876522211']);
    expect(notifications()).toEqual([expect.objectContaining({ title: 'Invitation sent to +919876522211' })]);
  });
});

describe('pending creations', () => {
  it('resolves when the group appears, even after a worker restart (a new watcher reads storage)', async () => {
    await store.createMode('async', 30);
    const created = await client().createGroup('Later', 'agent-1');
    expect(created.status).toBe('pending');
    await addPendingCreation(created.requestId, 'Later', []);
    await new Promise((r) => setTimeout(r, 50));
    // "Restart": a fresh watcher with nothing in memory.
    await createCreationWatcher(client()).check();
    expect(notifications()).toEqual([expect.objectContaining({ title: 'Group created', message: expect.stringContaining('Later') })]);
    expect(await pendingCreationsItem.getValue()).toEqual([]);
    expect((await readGroupCache()).groups.some((g) => g.subject === 'Later')).toBe(true);
  });

  it('a group that already had the subject is not mistaken for the new one', async () => {
    const existing = (await store.state()).groups[0]!;
    await addPendingCreation('req-1', existing.subject, [{ id: existing._id, subject: existing.subject } as never]);
    await createCreationWatcher(client()).check();
    expect(notifications()).toEqual([]);
    expect((await pendingCreationsItem.getValue())[0]!.attempts).toBe(1);
  });

  it('gives up after 10 minutes and says so', async () => {
    await addPendingCreation('req-2', 'Never Appears', [], 0);
    await createCreationWatcher(client(), () => WATCH_FOR_MS + 1).check();
    expect(notifications()).toEqual([expect.objectContaining({ message: expect.stringContaining('Never Appears') })]);
    expect(await pendingCreationsItem.getValue()).toEqual([]);
  });
});

describe('opening the panel', () => {
  it('uses Chrome\'s side panel where there is one, else Firefox\'s sidebar', async () => {
    const { openPanel, needsActionClickHandler } = await import('../../utils/background/open-panel');
    const sidePanel = { open: vi.fn(() => Promise.resolve()) };
    const sidebarAction = { open: vi.fn(() => Promise.resolve()) };
    Object.assign(fakeBrowser, { sidePanel, sidebarAction });
    await openPanel(3);
    expect(sidePanel.open).toHaveBeenCalledWith({ windowId: 3 });
    expect(needsActionClickHandler()).toBe(false);
    Object.assign(fakeBrowser, { sidePanel: undefined });
    await openPanel(3);
    expect(sidebarAction.open).toHaveBeenCalled();
    expect(needsActionClickHandler()).toBe(true);
  });
});

describe('new join request notifications', () => {
  it('one per group, naming who wants to join, and they open that group', async () => {
    const { notifyNewRequests, groupOfNotification } = await import('../../utils/background/notify');
    const group = { id: 'g9', subject: 'VIP', whatsappGroupId: '', inviteLink: '', autoApproval: false, participantCount: 1,
      suspended: false, createdAt: '', updatedAt: '' };
    const req = (name: string) => ({ id: name, waId: '919800000000', name, customerId: '', createdAt: 1 });
    await notifyNewRequests([{ group, requests: [req('Asha'), req('Ravi'), req('Meera'), req('Kabir')] }]);
    expect(notifications()).toEqual([expect.objectContaining({
      title: '4 new join requests: VIP', message: 'Asha, Ravi, Meera and 1 more want to join.' })]);
    expect(groupOfNotification('group:g9')).toBe('g9');
    expect(groupOfNotification('invite:1')).toBeNull();
  });

  it('a click on one asks the panel to open on that group; other notifications open nothing', async () => {
    const { onNotificationClicked } = await import('../../utils/background/notify');
    const { openGroupItem } = await import('../../utils/storage');
    onNotificationClicked('invite:1');
    expect(await openGroupItem.getValue()).toBeNull();
    onNotificationClicked('group:g9');
    await vi.waitFor(async () => expect(await openGroupItem.getValue()).toBe('g9'));
  });
});

describe('creations in two windows at once', () => {
  it('neither is lost: writes are serialised', async () => {
    await Promise.all([addPendingCreation('a', 'Window A', []), addPendingCreation('b', 'Window B', []), addPendingCreation('c', 'Window C', [])]);
    expect((await pendingCreationsItem.getValue()).map((c) => c.requestId).sort()).toEqual(['a', 'b', 'c']);
  });

  it('a creation is matched by subject and creation time: an older group with that name is not it', async () => {
    const { matches } = await import('../../utils/background/pending-creations');
    const c = { requestId: 'r', subject: 'Sale', startedAt: Date.parse('2026-11-26T10:00:00Z'), knownIds: [], attempts: 0 };
    const g = (createdAt: string) => ({ id: 'x', subject: 'Sale', whatsappGroupId: '', inviteLink: '', autoApproval: false,
      participantCount: 0, createdAt, updatedAt: '' });
    expect(matches(c, g('2026-11-26T10:00:05Z'))).toBe(true);
    expect(matches(c, g('2026-11-26T09:59:00Z'))).toBe(true); // a clock a minute apart
    expect(matches(c, g('2026-11-20T09:00:00Z'))).toBe(false);
    expect(matches(c, { ...g('2026-11-26T10:00:05Z'), subject: 'Other' })).toBe(false);
  });
});
