/**
 * A page's only way out: send a message to the background, and read or follow the few stored items pages
 * may see (declared below). Models take a port as a parameter, so tests can pass one over a fake transport.
 */
import { browser } from 'wxt/browser';
import { decodeGroupCache } from '../group-cache';
import { sendMessage, type MessageData, type MessageName, type MessageValue } from '../messaging';
import type { Result } from '../result';
import {
  activityItem, chatInViewItem, configChangedItem, groupCacheHeadItem, inboxOfferHiddenItem, inboxSitesItem, knownMembersItem, groupCacheItem, handoffItem, openGroupItem, pendingCountsItem, pendingCreationsItem,
  openWaitingItem, recentGroupsItem, waitingPeopleItem, type GroupCache,
} from '../storage';

export type Transport = <K extends MessageName>(name: K, data: MessageData<K>) => Promise<Result<MessageValue<K>>>;

/** The real transport. A worker that stops mid-call loses the reply: that becomes a retryable error, not a throw. */
export const messageTransport: Transport = async (name, data) => {
  try {
    const send = sendMessage as (n: MessageName, d: unknown) => Promise<Result<MessageValue<typeof name>> | undefined>;
    const reply = await send(name, data);
    return reply ?? { ok: false, error: { kind: 'network', message: 'The extension did not answer', lostReply: true } };
  } catch {
    return { ok: false, error: { kind: 'network', message: 'The extension restarted before answering', lostReply: true } };
  }
};

/** Stored items a page may read and follow; never the key. The group list arrives decoded. */
const readable = {
  groupCacheHead: groupCacheHeadItem,
  groupCache: {
    getValue: async (): Promise<GroupCache> => decodeGroupCache(await groupCacheItem.getValue()),
    watch: (cb: (v: GroupCache) => void) => groupCacheItem.watch((stored) => cb(decodeGroupCache(stored))),
  },
  pendingCounts: pendingCountsItem,
  pendingCreations: pendingCreationsItem,
  recentGroups: recentGroupsItem,
  waitingPeople: waitingPeopleItem,
  activity: activityItem,
  handoff: handoffItem,
  openGroup: openGroupItem,
  openWaiting: openWaitingItem,
  chatInView: chatInViewItem,
  inboxSites: inboxSitesItem,
  inboxOfferHidden: inboxOfferHiddenItem,
  knownMembers: knownMembersItem,
  configChanged: configChangedItem,
};

/** Hand-offs a page consumes: it clears them once it has acted on them. */
const consumable = { handoff: handoffItem, openGroup: openGroupItem, openWaiting: openWaitingItem };

type Readable = typeof readable;
export type PageItem = keyof Readable;
export type PageItemValue<K extends PageItem> = Awaited<ReturnType<Readable[K]['getValue']>>;

export interface Port {
  send: Transport;
  read<K extends PageItem>(name: K): Promise<PageItemValue<K>>;
  /** Calls back with each new value; returns the function that stops following. */
  watch<K extends PageItem>(name: K, cb: (value: PageItemValue<K>) => void): () => void;
  /** Clears a hand-off once the page has taken it. */
  consume(name: keyof typeof consumable): Promise<void>;
  /** Opens the options page (settings). */
  openOptions(): void;
  /** Puts text on the clipboard; resolves to whether it worked. */
  copy(text: string): Promise<boolean>;
}

export function createPort(send: Transport = messageTransport): Port {
  return {
    send,
    read: (name) => readable[name].getValue() as never,
    watch: (name, cb) => (readable[name].watch as (f: (v: unknown) => void) => () => void)((v) => cb(v as never)),
    consume: (name) => consumable[name].setValue(null),
    openOptions: () => void browser.runtime.openOptionsPage(),
    copy: (text) => navigator.clipboard.writeText(text).then(() => true, () => false),
  };
}
