/**
 * A sliding one-minute budget of background requests, kept in session storage so that a worker restart
 * does not reset it (MV3 stops the worker at will).
 */
import { storage } from '@wxt-dev/storage';

const WINDOW_MS = 60_000;

const logItem = /* @__PURE__ */ storage.defineItem<number[]>('session:pollRequestLog', { fallback: [] });

export interface RequestBudget {
  /** Claims up to `wanted` requests now; returns how many were granted. */
  take(wanted: number, now?: number): Promise<number>;
  /** Requests made in the last minute. */
  used(now?: number): Promise<number>;
}

export function createRequestBudget(perMinute: () => Promise<number>): RequestBudget {
  const recent = async (now: number) => (await logItem.getValue()).filter((t) => now - t < WINDOW_MS);
  return {
    async take(wanted, now = Date.now()) {
      const log = await recent(now);
      const granted = Math.max(0, Math.min(wanted, (await perMinute()) - log.length));
      await logItem.setValue([...log, ...Array<number>(granted).fill(now)]);
      return granted;
    },
    async used(now = Date.now()) {
      return (await recent(now)).length;
    },
  };
}
