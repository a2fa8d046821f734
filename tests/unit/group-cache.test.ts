// The cached group list has one owner: its writes queue, a rename re-sorts, an unchanged group writes nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cacheGroup, cacheGroups, uncacheGroup, writeCacheHead } from '../../utils/background/group-cache-writes';
import { readGroupCache } from '../../utils/group-cache';
import { groupCacheHeadItem, pendingCountsItem } from '../../utils/storage';
import type { Group } from '../../utils/domain';

const group = (i: number, patch: Partial<Group> = {}): Group => ({
  id: `g${i}`, whatsappGroupId: `1203630${i}`, subject: `Group ${i}`, inviteLink: '', autoApproval: false,
  participantCount: 2, suspended: false, createdAt: '', updatedAt: '', ...patch,
});
const subjects = async () => (await readGroupCache()).groups.map((g) => g.subject);

/** Counts writes of the whole list (the item that is megabytes at 10,000 groups). */
function countListWrites() {
  const counter = { writes: 0 };
  const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
  fakeBrowser.storage.local.set = async (items: Record<string, unknown>) => {
    if ('groupCache' in items) counter.writes++;
    return set(items);
  };
  return counter;
}

describe('the group cache', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await cacheGroups([group(1), group(2), group(3)], 1);
  });

  it('keeps both of two changes made at once (Approve all that fit in two groups)', async () => {
    await Promise.all([cacheGroup(group(1, { participantCount: 5 })), cacheGroup(group(3, { participantCount: 7 })),
      cacheGroup(group(4, { subject: 'Group 0' }))]);
    const { groups } = await readGroupCache();
    expect(groups.find((g) => g.id === 'g1')?.participantCount).toBe(5);
    expect(groups.find((g) => g.id === 'g3')?.participantCount).toBe(7);
    expect(groups.map((g) => g.id)).toEqual(['g4', 'g1', 'g2', 'g3']);
  });

  it('keeps a removal and an update made at once', async () => {
    await Promise.all([uncacheGroup('g2'), cacheGroup(group(3, { participantCount: 8 }))]);
    const { groups } = await readGroupCache();
    expect(groups.map((g) => [g.id, g.participantCount])).toEqual([['g1', 2], ['g3', 8]]);
  });

  it('moves a renamed group to its place in the name order at once', async () => {
    await cacheGroup(group(1, { subject: 'Zebra club' }));
    expect(await subjects()).toEqual(['Group 2', 'Group 3', 'Zebra club']);
    await cacheGroup(group(3, { subject: 'Alpha' }));
    expect(await subjects()).toEqual(['Alpha', 'Group 2', 'Zebra club']);
  });

  it('writes nothing when a re-read group is unchanged, and once when it changed', async () => {
    const counter = countListWrites();
    await cacheGroup(group(2));
    expect(counter.writes).toBe(0);
    await cacheGroup(group(2, { participantCount: 3 }));
    expect(counter.writes).toBe(1);
    await uncacheGroup('g9'); // not cached: nothing to write
    expect(counter.writes).toBe(1);
  });

  it('writes the head from the list as it is after a change still in flight', async () => {
    await pendingCountsItem.setValue({ byGroup: { g9: 2 }, total: 2, polledAt: 1 } as never);
    await Promise.all([cacheGroup(group(9, { subject: 'Group 9' })), writeCacheHead({ g9: 2 })]);
    const head = await groupCacheHeadItem.getValue();
    expect(head.groups[0]?.id).toBe('g9'); // waiting first, and present: the head was not built from the list before it
    expect(head.total).toBe(4);
  });
});
