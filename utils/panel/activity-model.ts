/** Activity: what this agent did on this browser, newest first, filtered to today, this shift or 30 days. */
import { computed, signal } from '@preact/signals';
import type { ActivityEntry } from '../domain';
import type { Port } from './port';

export type ActivityRange = 'today' | 'shift' | 'all';

/** A shift, for "this shift": the last eight hours. */
const SHIFT_MS = 8 * 3_600_000;

export function createActivityModel(port: Port, now: () => number = Date.now) {
  const entries = signal<ActivityEntry[]>([]);
  const range = signal<ActivityRange>('shift');
  const visible = computed(() => {
    const t = now();
    const from = range.value === 'shift' ? t - SHIFT_MS
      : range.value === 'today' ? new Date(t).setHours(0, 0, 0, 0) : 0;
    return entries.value.filter((e) => e.at >= from);
  });
  let unwatch: (() => void) | undefined;
  return {
    entries, range, visible,
    async start() {
      entries.value = await port.read('activity');
      unwatch ??= port.watch('activity', (v) => (entries.value = v));
    },
    stop() {
      unwatch?.();
      unwatch = undefined;
    },
  };
}

export type ActivityModel = ReturnType<typeof createActivityModel>;
