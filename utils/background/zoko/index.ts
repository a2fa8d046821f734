/** The extension's one Zoko client: base URL fixed at build time, key read from storage per request. */
import { apiKeyItem } from '../../storage';
import { createZokoClient } from './client';

export const ZOKO_BASE_URL: string = import.meta.env.WXT_ZOKO_BASE_URL ?? 'https://chat.zoko.io/v2';

/** Builds the client the background uses. Only the background may import this module. */
export function createBackgroundClient() {
  const timeoutMs = Number(import.meta.env.WXT_ZOKO_TIMEOUT_MS) || 15_000;
  const retryBaseMs = Number(import.meta.env.WXT_ZOKO_RETRY_BASE_MS) || undefined;
  return createZokoClient({ baseURL: ZOKO_BASE_URL, getApiKey: () => apiKeyItem.getValue(), timeoutMs, retryBaseMs });
}
