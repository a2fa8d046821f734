/** The extension's one Zoko client: base URL fixed at build time, key read from storage per request. */
import { browser } from 'wxt/browser';
import { readGroupCache } from '../../group-cache';
import { apiKeyItem, idFormItem } from '../../storage';
import { requestBudget } from '../request-budget';
import { zokoPause } from '../zoko-pause';
import { createZokoClient } from './client';

export const ZOKO_BASE_URL: string = import.meta.env.WXT_ZOKO_BASE_URL ?? 'https://chat.zoko.io/v2';

/** Builds the client the background uses. Only the background may import this module. */
export function createBackgroundClient() {
  const timeoutMs = Number(import.meta.env.WXT_ZOKO_TIMEOUT_MS) || 15_000;
  const retryBaseMs = Number(import.meta.env.WXT_ZOKO_RETRY_BASE_MS) || undefined;
  return createZokoClient({
    baseURL: ZOKO_BASE_URL, getApiKey: () => apiKeyItem.getValue(), timeoutMs, retryBaseMs,
    // The {id} form that works for this account, and WhatsApp ids from the cached list after a worker restart.
    idForm: { get: () => idFormItem.getValue(), set: (form) => idFormItem.setValue(form) },
    whatsappIdOf: async (id) => (await readGroupCache()).groups.find((g) => g.id === id)?.whatsappGroupId || undefined,
    // Every request counts against the per-minute budget, a retry before it leaves (none is sent beyond it); a 429,
    // or a 503 with a long Retry-After, pauses every call of the account until Zoko's wait is over.
    budget: { record: () => requestBudget.record(), take: () => requestBudget.take() },
    pause: zokoPause,
    // Firefox (and Chrome's site access setting) let the agent withdraw the host permission.
    hostAccess: () => browser.permissions.contains({ origins: [`${new URL(ZOKO_BASE_URL).origin}/*`] }),
  });
}
