/**
 * Typed access to the extension's storage and alarms from Node (e2e tests, `npm start`, screenshots, bench),
 * through a Playwright handle on its service worker. Keys and the alarm name come from the extension's own
 * constants, never retyped.
 */
import type { Worker } from '@playwright/test';
import type { Settings } from '../utils/config';
import type {
  Handoff, PendingCounts, PendingCreation, PollState, SeenRequests, StoredGroupCache,
} from '../utils/storage';
import type { ActivityEntry, Group, JoinRequest } from '../utils/domain';
import type { ChatInView, ChatSeen } from '../utils/inbox';
import { POLL_ALARM, STORAGE_KEYS } from '../utils/storage-keys';

export interface LocalItems {
  apiKey: string;
  settings: Settings;
  groupCache: StoredGroupCache;
  groupCacheHead: { groups: Group[]; total: number };
  pendingCounts: PendingCounts;
  pollState: PollState;
  seenRequests: SeenRequests;
  waitingPeople: Record<string, JoinRequest[]>;
  pendingCreations: PendingCreation[];
  recentGroups: string[];
  activity: ActivityEntry[];
  waitAlerts: { alerted: string[]; snoozedUntil: Record<string, number> };
  joinApprovalModes: Record<string, { mode: 'approval_required' | 'auto_approve'; at: number }>;
  zokoIdForm: 'zoko' | 'whatsapp';
  inboxSites: string[];
  inboxOfferHidden: boolean;
  knownMembers: Record<string, string[]>;
  accountEpoch: number;
}

export interface SessionItems {
  handoff: Handoff;
  openGroup: string;
  openWaiting: boolean;
  zokoPausedUntil: number;
  pollRequestLog: number[];
  inboxChats: Record<string, ChatSeen | null>;
  chatInView: ChatInView | null;
  configChanged: number;
}

export type Area = 'local' | 'session';
export type ItemsOf<A extends Area> = A extends 'local' ? LocalItems : SessionItems;

/** Writes items as the extension stores them (each name is checked against STORAGE_KEYS by type). */
export async function setStored<A extends Area>(worker: Worker, area: A, values: Partial<ItemsOf<A>>) {
  for (const key of Object.keys(values)) {
    if (!(key in STORAGE_KEYS)) throw new Error(`not a storage key of the extension: ${key}`);
  }
  await worker.evaluate(([a, v]) => chrome.storage[a as Area].set(v as Record<string, unknown>), [area, values as Record<string, unknown>] as const);
}

/** Reads one item; undefined when it is not stored. */
export async function getStored<A extends Area, K extends keyof ItemsOf<A> & string>(worker: Worker, area: A, key: K): Promise<ItemsOf<A>[K] | undefined> {
  if (!(key in STORAGE_KEYS)) throw new Error(`not a storage key of the extension: ${key}`);
  const stored = await worker.evaluate(([a, k]) => chrome.storage[a as 'local' | 'session'].get(k), [area, STORAGE_KEYS[key as keyof typeof STORAGE_KEYS]] as const);
  return (stored as Record<string, unknown>)[key] as ItemsOf<A>[K] | undefined;
}

/** Empties both areas, drops every alarm and closes every notification: a fresh extension, without reinstalling it. */
export async function clearExtension(worker: Worker) {
  await worker.evaluate(async () => {
    const shown = await chrome.notifications.getAll();
    await Promise.all([chrome.storage.local.clear(), chrome.storage.session.clear(), chrome.alarms.clearAll(),
      ...Object.keys(shown).map((id) => chrome.notifications.clear(id))]);
  });
}

/** Stores the key and the agent's settings, as the options page would (without the background's restart). */
export const configureExtension = (worker: Worker, apiKey: string, settings: Settings) =>
  setStored(worker, 'local', { apiKey, settings });

/**
 * The agent uses the panel with `origin` (as after "Use with ‹site›", in a build that grants it at install):
 * resolves once the background has registered the inbox script, so a page opened next gets it.
 */
export async function useInboxSite(worker: Worker, origin: string) {
  await setStored(worker, 'local', { inboxSites: [origin] });
  for (let i = 0; i < 50; i++) {
    if (await worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length > 0)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the inbox script was not registered for ${origin}`);
}

/** Runs the badge's polling round now instead of waiting for its alarm. */
export const firePollAlarm = (worker: Worker) =>
  worker.evaluate((name) => chrome.alarms.create(name, { when: Date.now(), periodInMinutes: 0.5 }), POLL_ALARM);

/** The polling alarm's period in minutes (undefined when none is scheduled). */
export const pollAlarmPeriod = (worker: Worker) =>
  worker.evaluate((name) => chrome.alarms.get(name).then((a) => a?.periodInMinutes), POLL_ALARM);
