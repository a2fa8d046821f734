import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/** Zoko's API root, fixed at build time; the sandbox's for dev, tests and demos. */
const zokoBaseUrl = process.env.WXT_ZOKO_BASE_URL ?? 'https://chat.zoko.io/v2';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Explicit imports only: a reader sees what each file depends on.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  publicDir: 'assets/public',
  vite: () => ({
    plugins: [preact()],
    define: { 'import.meta.env.WXT_ZOKO_BASE_URL': JSON.stringify(zokoBaseUrl) },
    build: { sourcemap: false },
  }),
  manifest: {
    name: 'Zoko Groups',
    description: "Manage your store's WhatsApp groups through Zoko from a side panel beside your inbox.",
    permissions: ['storage', 'sidePanel', 'contextMenus', 'alarms', 'notifications'],
    host_permissions: [`${new URL(zokoBaseUrl).origin}/*`],
    action: { default_title: 'Zoko Groups' },
    commands: {
      // With openPanelOnActionClick, the action's shortcut opens the side panel.
      _execute_action: { suggested_key: { default: 'Alt+Shift+Z' }, description: 'Open the Zoko Groups panel' },
    },
  },
});
