/**
 * The group list: paints from the cache at once, then revalidates; search and ordering are derived.
 * The background keeps the cache and the pending counts in storage; this model follows them.
 */
import { batch, computed, signal } from '@preact/signals';
import type { JoinRequest } from '../domain';
import type { PendingCreation } from '../storage';
import { oldestWaits } from '../wait-time';
import type { PublicConfig } from '../config';
import { orderForDisplay } from '../group-order';
import { MARK, markOnce } from './perf-marks';
import type { ErrorData } from '../errors';
import type { Group } from '../domain';
import type { Port } from './port';

export function createGroupListModel(port: Port) {
  const groups = signal<Group[]>([]);
  /** The list's size; known from the cache head before the whole list is read. */
  const total = signal(0);
  const counts = signal<Record<string, number>>({});
  const creations = signal<PendingCreation[]>([]);
  const query = signal('');
  /** Items of Zoko's last list that could not be read (left out, and the agent is told). */
  const unreadable = signal(0);
  /** `loading`: nothing to show yet; `updating`: showing the cache while asking Zoko. */
  const status = signal<'loading' | 'updating' | 'idle'>('loading');
  const error = signal<ErrorData | null>(null);
  const config = signal<PublicConfig | null>(null);
  /** null until known (the background could not be asked). */
  const configured = computed(() => config.value?.configured ?? null);

  const ordered = computed(() => orderForDisplay(groups.value, counts.value));
  // Search keys are built on the first search, not on first paint, then once per list change.
  const keys = computed(() => ordered.value.map((g) => `${g.subject.toLowerCase()}\n${g.whatsappGroupId}`));

  /** Groups matching the search, those with people waiting first (most first), then by name. */
  const visible = computed(() => {
    const q = query.value.trim().toLowerCase();
    if (!q) return ordered.value;
    const k = keys.value;
    return ordered.value.filter((_, i) => k[i]!.includes(q));
  });
  /** Whether a search narrows the list (the count then says "3 of 12 groups"). */
  const searching = computed(() => query.value.trim() !== '');

  /** When the longest-waiting person in each group asked (what the background last read). */
  /** Who is waiting per group, as the background last read it (the Waiting queue shows the same). */
  const people = signal<Record<string, JoinRequest[]>>({});
  const oldestWait = computed(() => oldestWaits(people.value));

  const totalPending = computed(() => Object.values(counts.value).reduce((a, b) => a + b, 0));

  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  async function refresh() {
    clearTimeout(retryTimer);
    status.value = groups.value.length > 0 ? 'updating' : 'loading';
    const r = await port.send('listGroups', undefined);
    markOnce(MARK.listReceived);
    batch(() => {
      if (r.ok) {
        groups.value = r.data.groups;
        total.value = r.data.groups.length;
        unreadable.value = r.data.unreadable;
        error.value = null;
      } else error.value = r.error;
      status.value = 'idle';
    });
    // Rate limited: reads try again by themselves once Zoko's wait is over.
    if (!r.ok && r.error.kind === 'rateLimited') retryTimer = setTimeout(() => void refresh(), (r.error.retryAfterS ?? 10) * 1000);
  }

  let unwatch: (() => void)[] = [];

  /**
   * A key saved or removed elsewhere (the settings, another window): the list follows at once. Another key is
   * another store, so its list is asked for; signed out, nothing of the old one stays on screen.
   */
  async function followConfig() {
    const before = config.value;
    const reply = await port.send('getConfig', undefined);
    if (!reply.ok) return;
    config.value = reply.data;
    const sameAccount = before?.configured === reply.data.configured && before?.signIn === reply.data.signIn;
    if (sameAccount) return;
    if (reply.data.configured) return refresh();
    clearTimeout(retryTimer);
    batch(() => {
      groups.value = [];
      total.value = 0;
      error.value = null;
      status.value = 'idle';
    });
  }

  /** Paints from storage, starts following it, then asks Zoko. */
  async function start() {
    // Asked at once but not waited for: the cache paints without a round trip to the worker.
    const configReply = port.send('getConfig', undefined);
    // First the head (a screenful, a few KB), then the whole list (10,000 groups take ~50 ms to read).
    // Not in parallel: Chrome answers storage reads in order, so the small one would wait behind the big one.
    const [head, pending, created] = await Promise.all([
      port.read('groupCacheHead'), port.read('pendingCounts'), port.read('pendingCreations'),
    ]);
    batch(() => {
      if (groups.value.length === 0) groups.value = head.groups;
      total.value = head.total;
      counts.value = pending.byGroup;
      creations.value = created;
    });
    void port.read('waitingPeople').then((v) => (people.value = v)); // after the first rows: not on their path
    const cache = await port.read('groupCache');
    batch(() => {
      groups.value = cache.groups;
      total.value = cache.groups.length;
    });
    const reply = await configReply;
    config.value = reply.ok ? reply.data : null;
    unwatch = [
      port.watch('groupCache', (v) => {
        markOnce(MARK.listReceived);
        batch(() => {
          groups.value = v.groups;
          total.value = v.groups.length;
        });
      }),
      port.watch('pendingCounts', (v) => {
        // The poller's bookkeeping no longer shares this item, but a write that changes nothing still must not re-sort.
        if (!sameCounts(counts.value, v.byGroup)) counts.value = v.byGroup;
      }),
      port.watch('pendingCreations', (v) => (creations.value = v)),
      port.watch('waitingPeople', (v) => (people.value = v)),
      port.watch('configChanged', () => void followConfig()),
    ];
    if (configured.value === false) {
      status.value = 'idle';
      return;
    }
    await refresh();
  }

  return {
    groups, total, unreadable, counts, oldestWait, people, creations, query, searching, status, error, config, configured, visible, totalPending,
    start, refresh,
    stop: () => {
      clearTimeout(retryTimer);
      unwatch.forEach((u) => u());
    },
  };
}

export type GroupListModel = ReturnType<typeof createGroupListModel>;

/** Where the search box, or the result at `from`, sends focus for a key. */
export type ResultStep = number | 'search' | null;

/**
 * Arrow keys through the search results: Down from the box to the first result, Up from the first result back
 * to the box (the text kept), Home / End to the ends; null when the key is not a move or there is nowhere to go.
 */
export function stepThroughResults(from: number | 'search', key: string, size: number): ResultStep {
  if (size === 0) return null;
  if (from === 'search') return key === 'ArrowDown' ? 0 : null;
  switch (key) {
    case 'ArrowDown': return Math.min(from + 1, size - 1);
    case 'ArrowUp': return from === 0 ? 'search' : from - 1;
    case 'Home': return 0;
    case 'End': return size - 1;
    default: return null;
  }
}

function sameCounts(a: Record<string, number>, b: Record<string, number>) {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
