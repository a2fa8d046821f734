// What outlives sign-out: nothing. An action still waiting on Zoko when the agent signs out (or saves another key,
// or signs out and in again) finishes without writing into the account that follows: no Activity entry, no
// group cache, no counts or waiting people, no known members, no recent groups, no creations. One guard
// (utils/background/account.ts) is checked by every writer. The handlers over fakeBrowser, against the sandbox
// answering slowly over real HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { currentAccount } from '../../utils/background/account';
import { recordActivity, recordingActivity } from '../../utils/background/activity';
import { cacheGroups, rememberMembers } from '../../utils/background/group-cache-writes';
import { createHandlers, registerHandlers } from '../../utils/background/handlers';
import { createPendingCounts } from '../../utils/background/pending-counts';
import { addPendingCreation, createCreationWatcher } from '../../utils/background/pending-creations';
import { requestBudget } from '../../utils/background/request-budget';
import { zokoPause } from '../../utils/background/zoko-pause';
import { createZokoClient } from '../../utils/background/zoko/client';
import { removeAllListeners, sendMessage } from '../../utils/messaging';
import { DEFAULT_SETTINGS } from '../../utils/config';
import { readGroupCache } from '../../utils/group-cache';
import {
  activityItem, apiKeyItem, knownMembersItem, pendingCountsItem, pendingCreationsItem, recentGroupsItem, settingsItem, waitingPeopleItem,
} from '../../utils/storage';
import { newStore, type SandboxControl } from '../../dev/sandbox/control';
import { startSandbox, type Sandbox } from '../../dev/sandbox/server';
import type { Group } from '../../utils/domain';

let sandbox: Sandbox;
let store: SandboxControl;
beforeAll(async () => { sandbox = await startSandbox(); });
afterAll(() => sandbox.close());

beforeEach(async () => {
  fakeBrowser.reset();
  removeAllListeners();
  store = await newStore(sandbox.url);
  await apiKeyItem.setValue(store.apiKey);
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, agentId: 'agent-7', agentEmail: 'agent@store.com' });
  const client = createZokoClient({ baseURL: sandbox.baseUrl, getApiKey: () => apiKeyItem.getValue(), retryBaseMs: 5 });
  const counts = createPendingCounts();
  // Polling does not restart here: what a new sign-in's own round writes is not what these tests look for.
  const handlers = recordingActivity(createHandlers({ client, counts, creations: createCreationWatcher(client),
    polling: { restart: async () => undefined }, budget: requestBudget, pause: zokoPause }));
  registerHandlers(handlers, () => true); // fakeBrowser's sender is `{}`; the sender check has its own tests
  await sendMessage('listGroups');
  const g = (await store.state()).groups.find((x) => !x.suspended && x.join_requests.length > 0)!;
  await sendMessage('listJoinRequests', { id: g._id }); // counts and who is waiting, as the panel would have them
  await sendMessage('getGroup', { id: g._id });
  await store.latency(400); // from now on Zoko answers slowly: the agent signs out while it thinks
});

const settings = () => settingsItem.getValue();
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const group = async () => (await store.state()).groups.find((x) => !x.suspended && x.join_requests.length > 0)!;

/** Everything of an account the background writes. */
async function accountData() {
  const [cache, counts, waiting, members, recent, creations, activity] = await Promise.all([
    readGroupCache(), pendingCountsItem.getValue(), waitingPeopleItem.getValue(), knownMembersItem.getValue(),
    recentGroupsItem.getValue(), pendingCreationsItem.getValue(), activityItem.getValue(),
  ]);
  return { groups: cache.groups.length, counts: counts.byGroup, waiting, members, recent, creations, activity };
}
const NOTHING = { groups: 0, counts: {}, waiting: {}, members: {}, recent: [], creations: [], activity: [] };

/** Starts `action`, lets it reach Zoko, does `meanwhile`, then waits for the action and anything it left running. */
async function whileInFlight(action: () => Promise<unknown>, meanwhile: () => Promise<unknown>) {
  const running = action();
  await pause(150);
  await meanwhile();
  await running;
  await pause(500);
}

describe('an action in flight at sign-out writes nothing after the wipe', () => {
  it('an invite: no Activity entry (number, group), no recent group', async () => {
    const g = await group();
    await whileInFlight(() => sendMessage('inviteMembers', { id: g._id, phoneNumbers: ['919812300001'] }),
      () => sendMessage('signOut'));
    expect((await store.state()).groups.find((x) => x._id === g._id)!.invitations).toEqual(['919812300001']); // Zoko did it
    expect(await accountData()).toEqual(NOTHING); // was: an Activity entry "invite +919812300001, VIP Customers, failed"
  });

  it('an approval: no Activity entry, no counts or waiting people, no cache, no members', async () => {
    const g = await group();
    await whileInFlight(
      () => sendMessage('decideJoinRequests', { id: g._id, action: 'approve', requestIds: [g.join_requests[0]!.join_request_id] }),
      () => sendMessage('signOut'));
    expect(await accountData()).toEqual(NOTHING);
  });

  it('a creation: no pending creation, no cache, no Activity entry', async () => {
    await whileInFlight(() => sendMessage('createGroup', { subject: 'Made while signing out' }), () => sendMessage('signOut'));
    expect(await accountData()).toEqual(NOTHING);
  });
});

describe('signing out and in again with the same key is another sign-in', () => {
  const outAndIn = async () => {
    await sendMessage('signOut');
    await sendMessage('saveConfig', { apiKey: store.apiKey, settings: await settings() });
  };

  it('an invite in flight writes its Activity entry and recent group into neither', async () => {
    const g = await group();
    await whileInFlight(() => sendMessage('inviteMembers', { id: g._id, phoneNumbers: ['919812300002'] }), outAndIn);
    expect(await accountData()).toEqual(NOTHING); // was: "invite … done" and the group as recent, after the wipe
  });

  it('a group read in flight puts nothing in the new sign-in\'s cache or members', async () => {
    const g = await group();
    await whileInFlight(() => sendMessage('getGroup', { id: g._id }), outAndIn);
    expect(await accountData()).toEqual(NOTHING); // was: the group and its members, cached after the wipe
  });

  it('a Waiting refresh in flight writes no counts and no waiting people', async () => {
    await whileInFlight(() => sendMessage('refreshWaiting'), outAndIn);
    expect(await accountData()).toEqual(NOTHING);
  });
});

describe('a key change is another account', () => {
  it('an invite in flight writes nothing for the new key', async () => {
    const g = await group();
    const other = await newStore(sandbox.url, { groups: 3 });
    await whileInFlight(() => sendMessage('inviteMembers', { id: g._id, phoneNumbers: ['919812300003'] }),
      async () => sendMessage('saveConfig', { apiKey: other.apiKey, settings: await settings() }));
    expect(await accountData()).toEqual(NOTHING);
    expect(await apiKeyItem.getValue()).toBe(other.apiKey);
  });
});

describe('the one guard, at each writer', () => {
  const someGroup: Group = { id: 'g1', whatsappGroupId: '1', subject: 'S', inviteLink: '', autoApproval: false,
    participantCount: 1, suspended: false, createdAt: '', updatedAt: '' };

  it('a writer given the account from before a sign-out writes nothing; given the current one, it writes', async () => {
    const before = await currentAccount();
    await sendMessage('signOut');
    await apiKeyItem.setValue(store.apiKey); // the same key again: still another sign-in
    const counts = createPendingCounts();
    await cacheGroups([someGroup], Date.now(), before);
    await rememberMembers({ ...someGroup, participants: [{ waId: '1', name: '', isAdmin: false, status: 'joined', customerId: '' }] } as never, before);
    await counts.record('g1', { requests: [], count: 3 }, before);
    await recordActivity({ at: Date.now(), action: 'delete', outcome: 'done' }, Date.now(), before);
    await addPendingCreation('r', 'S', [], Date.now(), before);
    expect(await accountData()).toEqual(NOTHING);
    const now = await currentAccount();
    await cacheGroups([someGroup], Date.now(), now);
    await recordActivity({ at: Date.now(), action: 'delete', outcome: 'done' }, Date.now(), now);
    expect(await accountData()).toMatchObject({ groups: 1, activity: [expect.objectContaining({ action: 'delete' })] });
  });
});
