/**
 * Until when Zoko asked this account to wait (a 429, or a 503 with a long Retry-After): shared by every call, and
 * kept across worker restarts. It belongs to the account: sign-out and a new key remove it (clearAccountData),
 * and the client sets it only for the account its call started for.
 */
import { zokoPausedUntilItem as pausedUntilItem } from '../storage';
import type { PauseStore } from './zoko/client';

export const zokoPause: PauseStore & { clear(): Promise<void> } = {
  get: () => pausedUntilItem.getValue(),
  // Never shortened by a later, shorter answer: the longest wait Zoko asked for holds.
  set: async (until) => pausedUntilItem.setValue(Math.max(until, await pausedUntilItem.getValue())),
  /** "Try now": the agent ends the wait. */
  clear: () => pausedUntilItem.removeValue(),
};
