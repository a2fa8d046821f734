/**
 * The background's unit tests that need a Zoko: one in-process sandbox per file, and before each test a fresh
 * fakeBrowser signed in to a store of its own, with sidePanel and contextMenus recorded (fakeBrowser has neither).
 */
import { afterAll, beforeAll, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { newStore, type SandboxControl } from '../../dev/sandbox/control';
import { startSandbox, type Sandbox } from '../../dev/sandbox/server';
import { createZokoClient } from '../../utils/background/zoko/client';
import { DEFAULT_SETTINGS } from '../../utils/config';
import { apiKeyItem, settingsItem } from '../../utils/storage';

export function signedInStore() {
  let sandbox: Sandbox;
  let store: SandboxControl;
  beforeAll(async () => { sandbox = await startSandbox(); });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    fakeBrowser.reset();
    store = await newStore(sandbox.url);
    await apiKeyItem.setValue(store.apiKey);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, agentId: 'agent-1', agentEmail: 'a@b.co' });
    Object.assign(fakeBrowser, { sidePanel: { open: vi.fn(() => Promise.resolve()) } });
    Object.assign(fakeBrowser.contextMenus, { create: vi.fn(), removeAll: vi.fn(() => Promise.resolve()) });
  });
  return {
    /** This test's store in the sandbox. */
    store: () => store,
    /** A Zoko client on the sandbox, reading the stored key per request, with short backoffs. */
    client: () => createZokoClient({ baseURL: sandbox.baseUrl, getApiKey: () => apiKeyItem.getValue(), retryBaseMs: 5 }),
  };
}
