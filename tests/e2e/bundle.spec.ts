// The built extension keeps its promises: the key and the Zoko client live only in the background bundle,
// and the manifest asks for no more than the features use.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_OUT_DIR, E2E_PORT } from '../../dev/build-extension';

const DIR = `${E2E_OUT_DIR}/chrome-mv3`;
const read = (f: string) => readFileSync(join(DIR, f), 'utf8');
const pageChunks = () => readdirSync(join(DIR, 'chunks')).map((f) => `chunks/${f}`);

test('no page bundle contains the key item or the Zoko client', () => {
  for (const file of pageChunks()) {
    const code = read(file);
    // Booleans, not the code itself, so a failure does not print a whole bundle.
    expect(code.includes('local:apiKey'), `${file} holds the key's storage item`).toBe(false);
    expect(code.includes('/channels/whatsapp/cloud/group'), `${file} holds the Zoko client`).toBe(false);
  }
  // No HTML sink anywhere, Preact's unused dangerouslySetInnerHTML branch included (wxt.config.ts).
  for (const file of [...pageChunks(), 'background.js']) expect(read(file).includes('innerHTML='), file).toBe(false);
  // The inbox script and the menu's selection check run inside web pages: no key, no storage item, no Zoko
  // client, no protocol.
  for (const file of ['inbox.js', 'selection.js']) {
    const code = read(file);
    for (const secret of ['local:apiKey', '/channels/whatsapp/cloud/group', 'local:', 'session:', 'innerHTML']) {
      expect(code.includes(secret), `${file} holds ${secret}`).toBe(false);
    }
  }
  const background = read('background.js');
  expect(background).toContain('local:apiKey');
  expect(background).toContain('/channels/whatsapp/cloud/group');
});

test('the manifest asks only what the features use', () => {
  const manifest = JSON.parse(read('manifest.json'));
  expect(manifest.permissions.sort()).toEqual(['activeTab', 'alarms', 'contextMenus', 'notifications', 'scripting', 'sidePanel', 'storage', 'unlimitedStorage']);
  // Zoko (the sandbox), and in this test build only, the fixture inbox (a headless prompt cannot be clicked).
  expect(manifest.host_permissions).toEqual([`http://127.0.0.1:${E2E_PORT}/*`, `http://localhost:${E2E_PORT}/*`]);
  // Beside the inbox asks at run time, site by site: no content script and no broad access at install.
  expect(manifest.optional_permissions).toEqual(['tabs']);
  expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://localhost/*']);
  expect(manifest.content_scripts).toBeUndefined();
  expect(manifest.externally_connectable).toBeUndefined();
  expect(manifest.web_accessible_resources).toBeUndefined();
  const csp: string = manifest.content_security_policy.extension_pages;
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain(`connect-src http://127.0.0.1:${E2E_PORT};`); // Zoko only (the sandbox, in this build)
  expect(csp).not.toMatch(/'unsafe-|\*/);
});
