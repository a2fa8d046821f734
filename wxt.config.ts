import preact from '@preact/preset-vite';
import { defineConfig, type WxtViteConfig } from 'wxt';

type VitePlugin = NonNullable<WxtViteConfig['plugins']>[number];

/**
 * Preact's dangerouslySetInnerHTML branch is dead code here (tests/unit/conventions.test.ts forbids the prop):
 * removing its one `innerHTML =` keeps every bundle free of HTML sinks, as the add-on store's linter requires.
 */
const noHtmlSink: VitePlugin = {
  name: 'no-html-sink',
  enforce: 'pre',
  transform(code: string, id: string) {
    if (!/node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/.test(id)) return undefined;
    const out = code.replace(/\((\w+)\.innerHTML=(\w+)\.__html\)/, 'void 0');
    if (out === code) this.error('no-html-sink: Preact changed; update the pattern');
    return { code: out, map: null };
  },
};

/** Zoko's API root, fixed at build time; the sandbox's for dev, tests and demos. */
const zokoBaseUrl = process.env.WXT_ZOKO_BASE_URL ?? 'https://chat.zoko.io/v2';
/**
 * Demo and test builds only: the sandbox's fixture inbox, granted at install, because a headless browser's
 * permission prompt cannot be clicked. The agent still chooses "Use with ‹site›"; production grants nothing.
 */
const demoInboxOrigin = process.env.WXT_DEMO_INBOX_ORIGIN;

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Explicit imports only: a reader sees what each file depends on.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  publicDir: 'assets/public',
  vite: () => ({
    plugins: [noHtmlSink, preact()],
    define: { 'import.meta.env.WXT_ZOKO_BASE_URL': JSON.stringify(zokoBaseUrl) },
    build: { sourcemap: false },
  }),
  manifest: ({ browser, command }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Firefox has no sidePanel API: WXT turns the side panel into a sidebar_action there.
    // unlimitedStorage: 10,000 groups with long non-Latin subjects and their bookkeeping come near the 10 MB of
    // storage.local; it adds no install warning. (A full storage still only loses the cache: group-cache-writes.ts.)
    // scripting: the inbox script, registered for the sites the agent grants (it reaches nothing by itself).
    // activeTab: a context-menu click lets the extension read, once, what the page shows of the selection
    // (entrypoints/selection.ts) before "Invite … to ‹group›" invites anything; it adds no install warning.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'alarms', 'notifications', 'scripting', 'activeTab',
      ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: [`${new URL(zokoBaseUrl).origin}/*`, ...(demoInboxOrigin ? [`${demoInboxOrigin}/*`] : [])],
    // Asked for only when the agent wants the panel beside an inbox: which site a tab shows ("tabs"), then
    // that one site (utils/inbox.ts offerableOrigin names the sites that can be offered).
    optional_permissions: ['tabs'],
    optional_host_permissions: ['https://*/*', 'http://localhost/*'],
    action: { default_title: '__MSG_extName__' },
    // Extension pages load only their own scripts, cannot be framed, and reach nothing remote but Zoko — the
    // service worker falls under the same policy, and it is the one that calls Zoko. Built packages only:
    // `wxt dev` serves pages from its dev server.
    ...(command === 'build' && {
      content_security_policy: {
        extension_pages: "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + `connect-src ${new URL(zokoBaseUrl).origin}; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      },
    }),
    commands: {
      // With openPanelOnActionClick (Chrome), the action's shortcut opens the side panel; Firefox opens its sidebar.
      [browser === 'firefox' ? '_execute_sidebar_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+Z' }, description: 'Open the Zoko Groups panel',
      },
      // A command is a user gesture: the side panel (Chrome) or the sidebar (Firefox) may open on it.
      'open-waiting': { suggested_key: { default: 'Alt+Shift+W' }, description: 'Open the Zoko Groups panel on Waiting' },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'zoko-groups@extensions.zoko.io',
          // data_collection_permissions needs Firefox 140 and Firefox for Android 142.
          strict_min_version: '142.0',
          // Sent to Zoko, the agent's own service: the API key and customers' phone numbers and names.
          data_collection_permissions: { required: ['authenticationInfo', 'personallyIdentifyingInfo'] },
        },
      },
    }),
  }),
});
