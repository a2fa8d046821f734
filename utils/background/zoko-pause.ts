/** Until when Zoko asked us to wait (a 429): shared by every call, and kept across worker restarts. */
import { zokoPausedUntilItem as pausedUntilItem } from '../storage';
import type { PauseStore } from './zoko/client';

export const zokoPause: PauseStore = {
  get: () => pausedUntilItem.getValue(),
  // Never shortened by a later, shorter answer: the longest wait Zoko asked for holds.
  set: async (until) => pausedUntilItem.setValue(Math.max(until, await pausedUntilItem.getValue())),
};
