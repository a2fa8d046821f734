// Firefox: no Firefox that Playwright can drive is installable here (it needs its own patched build), so the
// Firefox build is checked by its manifest: the panel becomes a sidebar, and nothing Chrome-only is asked for.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { buildExtension } from '../../dev/build-extension';

test('the Firefox build: a sidebar, Firefox permissions, an add-on id, Zoko only', () => {
  const dir = buildExtension('https://chat.zoko.io/v2', '.output/firefox-check', {}, 'firefox');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.sidebar_action).toEqual({ default_panel: 'sidepanel.html', default_title: 'Zoko Groups' });
  expect(manifest.side_panel).toBeUndefined();
  expect(manifest.permissions.sort()).toEqual(['alarms', 'contextMenus', 'notifications', 'storage']);
  expect(manifest.host_permissions).toEqual(['https://chat.zoko.io/*']);
  expect(manifest.background).toEqual({ scripts: ['background.js'] });
  expect(Object.keys(manifest.commands)).toEqual(['_execute_sidebar_action']);
  expect(manifest.browser_specific_settings.gecko.id).toBe('zoko-groups@extensions.zoko.io');
  expect(manifest.content_scripts).toBeUndefined();
});
