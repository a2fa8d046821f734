// The background's other duties over fakeBrowser: pending creations (the context menu: context-menu.test.ts).
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readGroupCache } from '../../utils/group-cache';
import { addPendingCreation, createCreationWatcher, WATCH_FOR_MS } from '../../utils/background/pending-creations';
import { pendingCreationsItem } from '../../utils/storage';
import { signedInStore } from './signed-in-store';

const { store: signedIn, client } = signedInStore();

/** What fakeBrowser was asked to show (its own record of notifications.create options). */
const notifications = () => Object.values(
  (fakeBrowser.notifications as unknown as { getAllCreateOptions(): Record<string, { title: string; message: string }> }).getAllCreateOptions());

describe('pending creations', () => {
  it('resolves when the group appears, even after a worker restart (a new watcher reads storage)', async () => {
    await signedIn().createMode('async', 30);
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
    const existing = (await signedIn().state()).groups[0]!;
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
