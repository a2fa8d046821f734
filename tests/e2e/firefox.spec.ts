// Firefox: no Firefox that Playwright can drive is installable here (it needs its own patched build), so the
// Firefox build is checked by its manifest: the panel becomes a sidebar, and nothing Chrome-only is asked for.
import { spawnSync } from 'node:child_process';
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
  expect(manifest.permissions.sort()).toEqual(['activeTab', 'alarms', 'contextMenus', 'notifications', 'scripting', 'storage', 'unlimitedStorage']);
  expect(manifest.host_permissions).toEqual(['https://chat.zoko.io/*']);
  expect(manifest.optional_permissions).toEqual(['tabs']);
  expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://localhost/*']);
  expect(manifest.background).toEqual({ scripts: ['background.js'] });
  expect(Object.keys(manifest.commands).sort()).toEqual(['_execute_sidebar_action', 'open-waiting']);
  expect(manifest.browser_specific_settings.gecko.id).toBe('zoko-groups@extensions.zoko.io');
  expect(manifest.content_scripts).toBeUndefined();
  // data_collection_permissions exists from Firefox 140 (142 on Android): the minimum must allow it.
  expect(manifest.browser_specific_settings.gecko.strict_min_version).toBe('142.0');
});

test('the add-on store\'s own linter passes the Firefox build with no error and no warning', () => {
  const dir = buildExtension('https://chat.zoko.io/v2', '.output/firefox-lint', {}, 'firefox');
  const run = spawnSync('npx', ['addons-linter', '--output', 'json', dir], { encoding: 'utf8' });
  const report = JSON.parse(run.stdout) as { errors: unknown[]; warnings: { code: string; file?: string }[] };
  expect(report.errors).toEqual([]);
  expect(report.warnings.map((w) => `${w.code} ${w.file ?? ''}`)).toEqual([]);
});
