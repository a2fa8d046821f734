/**
 * A sliding one-minute budget of requests to Zoko. Every request that leaves counts, retries and the
 * panel's reads included (the client reports each one); the poller plans its rounds with what is left, and a
 * retry is sent only when it can take a place (an agent's first try always goes: the poller may use the minute up).
 * Kept in session storage so that a worker restart does not reset it (MV3 stops the worker at will).
 */
import { requestLogItem as logItem, settingsItem } from '../storage';
import { oneAtATime } from './one-at-a-time';

const WINDOW_MS = 60_000;

export interface RequestBudget {
  /** How many requests may still be made in the current minute. */
  available(now?: number): Promise<number>;
  /** Counts requests that were made. */
  record(count?: number, now?: number): Promise<void>;
  /** Counts one request if the minute has room for it, in the same step (parallel retries cannot both take the last one). */
  take(now?: number): Promise<boolean>;
  /** Requests made in the last minute. */
  used(now?: number): Promise<number>;
}

export function createRequestBudget(perMinute: () => Promise<number>): RequestBudget {
  const recent = async (now: number) => (await logItem.getValue()).filter((t) => now - t < WINDOW_MS);
  // Records come from parallel requests: one read-modify-write at a time, or counts are lost.
  const serial = oneAtATime();
  return {
    async available(now = Date.now()) {
      await serial.settled();
      return Math.max(0, (await perMinute()) - (await recent(now)).length);
    },
    record(count = 1, now = Date.now()) {
      return serial(async () => logItem.setValue([...(await recent(now)), ...Array<number>(count).fill(now)]));
    },
    take(now = Date.now()) {
      return serial(async () => {
        const [log, limit] = await Promise.all([recent(now), perMinute()]);
        if (log.length >= limit) return false;
        await logItem.setValue([...log, now]);
        return true;
      });
    },
    async used(now = Date.now()) {
      await serial.settled();
      return (await recent(now)).length;
    },
  };
}

/** The extension's one budget, at the agent's setting: the client counts into it, the poller plans with it. */
export const requestBudget = /* @__PURE__ */ createRequestBudget(async () => (await settingsItem.getValue()).pollBudgetPerMinute);
