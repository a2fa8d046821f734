/**
 * The group list: paints from the cache at once, then revalidates; search and ordering are derived.
 * The background keeps the cache and the pending counts in storage; this model follows them.
 */
import { batch, computed, signal } from '@preact/signals';
import { groupCacheItem, pendingCountsItem, pendingCreationsItem, type PendingCreation } from '../storage';
import type { PublicConfig } from '../config';
import type { ErrorData } from '../zoko/errors';
import type { Group } from '../zoko/schemas';
import type { Transport } from './transport';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function createGroupsModel(transport: Transport) {
  const groups = signal<Group[]>([]);
  const counts = signal<Record<string, number>>({});
  const creations = signal<PendingCreation[]>([]);
  const query = signal('');
  /** `loading`: nothing to show yet; `updating`: showing the cache while asking Zoko. */
  const status = signal<'loading' | 'updating' | 'idle'>('loading');
  const error = signal<ErrorData | null>(null);
  const config = signal<PublicConfig | null>(null);
  /** null until known (the background could not be asked). */
  const configured = computed(() => config.value?.configured ?? null);

  // Ordered and keyed once per list or counts change, so a keystroke only filters.
  const ordered = computed(() => {
    const c = counts.value;
    return groups.value
      .map((g) => ({ g, key: `${g.subject.toLowerCase()}\n${g.whatsappGroupId}`, waiting: c[g.id] ?? 0 }))
      .sort((a, b) => b.waiting - a.waiting || collator.compare(a.g.subject, b.g.subject));
  });

  /** Groups matching the search, those with people waiting first (most first), then by name. */
  const visible = computed(() => {
    const q = query.value.trim().toLowerCase();
    return (q ? ordered.value.filter((k) => k.key.includes(q)) : ordered.value).map((k) => k.g);
  });

  const totalPending = computed(() => Object.values(counts.value).reduce((a, b) => a + b, 0));

  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  async function refresh() {
    clearTimeout(retryTimer);
    status.value = groups.value.length > 0 ? 'updating' : 'loading';
    const r = await transport('listGroups', undefined);
    batch(() => {
      if (r.ok) {
        groups.value = r.data;
        error.value = null;
      } else error.value = r.error;
      status.value = 'idle';
    });
    // Rate limited: reads try again by themselves once Zoko's wait is over.
    if (!r.ok && r.error.kind === 'rateLimited') retryTimer = setTimeout(() => void refresh(), (r.error.retryAfterS ?? 10) * 1000);
  }

  let unwatch: (() => void)[] = [];

  /** Paints from storage, starts following it, then asks Zoko. */
  async function start() {
    const [cache, pending, created, configReply] = await Promise.all([
      groupCacheItem.getValue(), pendingCountsItem.getValue(), pendingCreationsItem.getValue(),
      transport('getConfig', undefined),
    ]);
    batch(() => {
      groups.value = cache.groups;
      counts.value = pending.byGroup;
      creations.value = created;
      config.value = configReply.ok ? configReply.data : null;
    });
    unwatch = [
      groupCacheItem.watch((v) => (groups.value = v.groups)),
      pendingCountsItem.watch((v) => (counts.value = v.byGroup)),
      pendingCreationsItem.watch((v) => (creations.value = v)),
    ];
    if (configured.value === false) {
      status.value = 'idle';
      return;
    }
    await refresh();
  }

  return {
    groups, counts, creations, query, status, error, config, configured, visible, totalPending,
    start, refresh,
    stop: () => {
      clearTimeout(retryTimer);
      unwatch.forEach((u) => u());
    },
  };
}

export type GroupsModel = ReturnType<typeof createGroupsModel>;
