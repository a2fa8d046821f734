/**
 * Every stored item, typed, in one place. Keys are spelled out (greppable, and checked in the built bundles);
 * utils/storage-keys.ts names them for Node code, and a unit test keeps the two in step. Items are
 * `/* @__PURE__ *\/` so a bundle that imports one item does not carry the others: the side panel reads the
 * caches but must never contain the API key's item.
 */
import { storage } from '@wxt-dev/storage';
import { DEFAULT_SETTINGS, type Settings } from './config';
import type { ActivityEntry, Group, JoinApprovalModeSet, JoinRequest } from './domain';
import type { ChatInView, ChatSeen } from './inbox';

export interface GroupCache {
  groups: Group[];
  /** When the list was last read from Zoko (ms). */
  fetchedAt: number;
}

/**
 * How the group cache is stored: the list as one JSON string. Chrome reads a 10,000-group list of objects
 * in ~120 ms but the same data as one string in ~35 ms (plus ~5 ms to parse): this is the panel's first paint.
 * Read and write it through utils/group-cache.ts.
 */
export interface StoredGroupCache {
  json: string;
  fetchedAt: number;
}

/** What pages see of the badge's state: small, and written at most once per polling round or agent action. */
export interface PendingCounts {
  /** Pending join requests per group id, only groups with someone waiting. */
  byGroup: Record<string, number>;
  /** Badge state when counting is impossible. */
  problem?: 'noKey' | 'authRejected';
}

/** The poller's own bookkeeping, kept apart so that pages are not woken by it. Background only. */
export interface PollState {
  /** The quiet group polled last: the next round continues after it (round robin by id). */
  cursor: string;
  /** The same for groups with people waiting, when there are more of them than a round can poll. */
  hotCursor?: string;
  /** When this account was first polled: requests older than that in a group never seen are not "new". */
  since: number;
}

/**
 * Creation time (ms) of the newest request seen per group that ever had one: tells new requests from known
 * ones. Its own item, because it changes only when someone new asks, while the cursor moves every round.
 */
export type SeenRequests = Record<string, number>;

export interface PendingCreation {
  requestId: string;
  subject: string;
  startedAt: number;
  /** Ids of groups that already had this subject when creation started, so they are not mistaken for it. */
  knownIds: string[];
  attempts: number;
}

export interface Handoff {
  /** The raw text the agent selected, cut to a sane length. */
  text: string;
  at: number;
  /** The group chosen in "Invite to", when the selection was not one clear number: the panel preselects it. */
  groupId?: string;
  /** Where the text came from: the selected text, or a link's address (which may not be what the link shows). */
  source?: 'selection' | 'link';
  /**
   * Why "Invite … to" did not invite at once: the page's selection is not what a person sees there (hidden,
   * drawn by CSS, reordered, moved), or the page could not be read (a PDF, a browser page). The panel says which.
   */
  check?: 'unseen' | 'unreadable';
}

/** The Zoko API key. Background only: never import this item in a page. */
export const apiKeyItem = /* @__PURE__ */ storage.defineItem<string | null>('local:apiKey', {
  fallback: null,
  version: 1,
});

export const settingsItem = /* @__PURE__ */ storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  // v2 added the badge refresh interval, v3 the long-wait alert: older settings get the defaults they lack.
  version: 3,
  migrations: {
    2: (old: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...old }),
    3: (old: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...old }),
  },
});

export const groupCacheItem = /* @__PURE__ */ storage.defineItem<StoredGroupCache>('local:groupCache', {
  fallback: { json: '[]', fetchedAt: 0 },
  // No migration: one would re-run (reading and rewriting megabytes) in every new page until a version is
  // recorded, on the panel's first paint. A cache in any other shape simply reads as empty (group-cache.ts).
  version: 1,
});

/**
 * The first screenful of the group list, in display order, with the list's size: a few KB the panel reads
 * before the full list, so its first rows do not wait on 10,000 groups. Written with the cache and the counts.
 */
export const groupCacheHeadItem = /* @__PURE__ */ storage.defineItem<{ groups: Group[]; total: number }>('local:groupCacheHead', {
  fallback: { groups: [], total: 0 },
  version: 1,
});

// Version 1 also held the poller's bookkeeping (polledAt, newestAt); pages read only `byGroup` and `problem`,
// and the background's next write drops the rest, so no migration rewrites it.
export const pendingCountsItem = /* @__PURE__ */ storage.defineItem<PendingCounts>('local:pendingCounts', {
  fallback: { byGroup: {} },
  version: 1,
});

export const pollStateItem = /* @__PURE__ */ storage.defineItem<PollState>('local:pollState', {
  fallback: { cursor: '', since: 0 },
  version: 1,
});

/**
 * Who is waiting, per group with someone waiting, as last read (by the poller or an action): the Waiting queue
 * paints from it without a request. Written by the pending-counts owner only when it changes.
 */
export const waitingPeopleItem = /* @__PURE__ */ storage.defineItem<Record<string, JoinRequest[]>>('local:waitingPeople', {
  fallback: {},
  version: 1,
});

export const seenRequestsItem = /* @__PURE__ */ storage.defineItem<SeenRequests>('local:seenRequests', {
  fallback: {},
  version: 1,
});

export const pendingCreationsItem = /* @__PURE__ */ storage.defineItem<PendingCreation[]>('local:pendingCreations', {
  fallback: [],
  version: 1,
});

/** Which id Zoko takes in `{id}` for this account (see the client's `groupCall`); null until a call tells. */
export const idFormItem = /* @__PURE__ */ storage.defineItem<'zoko' | 'whatsapp' | null>('local:zokoIdForm', {
  fallback: null,
  version: 1,
});

/** WhatsApp's join approval mode per group, as set from this browser (Zoko does not report it). */
export const joinApprovalModesItem = /* @__PURE__ */ storage.defineItem<Record<string, JoinApprovalModeSet>>('local:joinApprovalModes', {
  fallback: {},
  version: 1,
});

/** What this agent did, newest first; kept 30 days and at most ACTIVITY_MAX entries (utils/background/activity.ts). */
export const activityItem = /* @__PURE__ */ storage.defineItem<ActivityEntry[]>('local:activity', {
  fallback: [],
  version: 1,
});

/** Long-wait notifications: groups already told about (until nobody there waits too long), and snoozes. */
export const waitAlertsItem = /* @__PURE__ */ storage.defineItem<{ alerted: string[]; snoozedUntil: Record<string, number> }>('local:waitAlerts', {
  fallback: { alerted: [], snoozedUntil: {} },
  version: 1,
});

/** Recently used group ids, most recent first (for the context menu and the number picker). */
export const recentGroupsItem = /* @__PURE__ */ storage.defineItem<string[]>('local:recentGroups', {
  fallback: [],
  version: 1,
});

/** The number the context menu handed to the panel; session-only so it never outlives the browser. */
export const handoffItem = /* @__PURE__ */ storage.defineItem<Handoff | null>('session:handoff', {
  fallback: null,
});

/** Until when Zoko asked us to wait after a 429 (ms): every call waits; session-only, like the wait itself. */
export const zokoPausedUntilItem = /* @__PURE__ */ storage.defineItem<number>('session:zokoPausedUntil', { fallback: 0 });

/** When each request of the last minute left (ms): the request budget's sliding window. */
export const requestLogItem = /* @__PURE__ */ storage.defineItem<number[]>('session:pollRequestLog', { fallback: [] });

/** The panel should open on Waiting (the browser command); read once by the panel. */
export const openWaitingItem = /* @__PURE__ */ storage.defineItem<boolean | null>('session:openWaiting', { fallback: null });

/** The group the panel should open on, set by a notification click; read once by the panel. */
export const openGroupItem = /* @__PURE__ */ storage.defineItem<string | null>('session:openGroup', {
  fallback: null,
});

/** Sites the agent uses the panel with (origins): the inbox script runs there and nowhere else. */
export const inboxSitesItem = /* @__PURE__ */ storage.defineItem<string[]>('local:inboxSites', { fallback: [], version: 1 });

/** The agent closed the panel's "Use with ‹site›" offer; Settings brings it back. */
export const inboxOfferHiddenItem = /* @__PURE__ */ storage.defineItem<boolean>('local:inboxOfferHidden', { fallback: false });

/** What each granted tab's script last reported, by tab id; session-only, like the tabs. */
export const inboxChatsItem = /* @__PURE__ */ storage.defineItem<Record<string, ChatSeen | null>>('session:inboxChats', { fallback: {} });

/** The conversation in the tab the agent is looking at, for the panel's "This chat". */
export const chatInViewItem = /* @__PURE__ */ storage.defineItem<ChatInView | null>('session:chatInView', { fallback: null });

/** Who is in each group, as last read here (numbers or ids): "This chat" says which groups a customer is in. */
export const knownMembersItem = /* @__PURE__ */ storage.defineItem<Record<string, string[]>>('local:knownMembers', { fallback: {}, version: 1 });

/**
 * Which signed-in account this is: counted up at every sign-out and key change (clearAccountData), so an action
 * that started for the account before can tell, and writes nothing (utils/background/account.ts). Background only.
 */
export const accountEpochItem = /* @__PURE__ */ storage.defineItem<number>('local:accountEpoch', { fallback: 0, version: 1 });

/**
 * Counted up once a key or the settings were saved, or the agent signed out, after every write of it: the
 * panel follows this (never the key itself) and reads the public configuration again, so the list follows a key
 * saved in another tab at once.
 */
export const configChangedItem = /* @__PURE__ */ storage.defineItem<number>('session:configChanged', { fallback: 0 });

/** "Sign out": the key and everything cached from Zoko leave this browser; the agent's own settings stay. */
export async function clearAccountData() {
  // First, and awaited: a write still running for this account checks the epoch before it writes, and storage
  // applies calls in order, so whatever it writes lands before the removals below, and is removed with the rest.
  await accountEpochItem.setValue((await accountEpochItem.getValue()) + 1);
  await Promise.all([zokoPausedUntilItem, apiKeyItem, groupCacheItem, groupCacheHeadItem, pendingCountsItem, pollStateItem, seenRequestsItem, waitingPeopleItem,
    pendingCreationsItem, joinApprovalModesItem, idFormItem, activityItem, waitAlertsItem,
    recentGroupsItem, handoffItem, openGroupItem, openWaitingItem, knownMembersItem].map((item) => item.removeValue()));
}
