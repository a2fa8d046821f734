// "Invite “…” to ‹group›" on pages that mislead: before inviting directly, the background asks the clicked
// frame what a person sees of the selection (entrypoints/selection.ts, run with the menu click's activeTab
// grant). Here the built script runs in Chromium on real rendered pages, from the service worker, exactly as
// the click handler runs it; what the handler decides from each answer is tests/unit/context-menu.test.ts.
// Also here: a page's script world cannot read the extension's storage (the API key).
import type { BrowserContext, Page } from '@playwright/test';
import { SELECTION_SCRIPT_FILE } from '../../utils/background/seen-selection';
import type { SelectionSeen } from '../../utils/inbox';
import { expect, INBOX_URL, serviceWorker, test } from './fixtures';

/** A page on the fixture inbox's origin (granted in the test build, as the menu click's activeTab would). */
async function pageWith(context: BrowserContext, body: string, style = ''): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${INBOX_URL}/generic`);
  await page.setContent(`<!doctype html><html lang="en"><head><style>${style}</style></head><body>${body}</body></html>`);
  return page;
}

/** Selects the contents of `#t` as an agent's drag would. */
const selectTarget = (page: Page) => page.evaluate(() => {
  const range = document.createRange();
  range.selectNodeContents(document.querySelector('#t')!);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
});

/** What the built selection script answers in the page's tab, run as the context menu's click handler runs it. */
async function seen(context: BrowserContext): Promise<SelectionSeen | null> {
  const worker = await serviceWorker(context);
  return worker.evaluate(async ({ url, file }) => {
    const [tab] = await chrome.tabs.query({ url: `${url}/*` });
    const [result] = await chrome.scripting.executeScript({ target: { tabId: tab!.id!, frameIds: [0] }, files: [file] });
    return result?.result as SelectionSeen | null;
  }, { url: new URL(INBOX_URL).origin, file: SELECTION_SCRIPT_FILE });
}

type Seen = Pick<SelectionSeen, 'text' | 'plain'>;

const CASES: Array<{ name: string; body: string; style?: string; expected: Seen }> = [
  { name: 'a plain visible number', body: '<p id="t">Call +91 98765 43210 today</p>', expected: { text: 'Call +91 98765 43210 today', plain: true } },
  {
    name: 'a number split over spans, as inboxes write it',
    body: '<p id="t"><span>+91</span>\u00a0<span>98765</span>\u2011<span>43210</span></p>',
    expected: { text: '+91 98765-43210', plain: true },
  },
  {
    name: 'off-screen digits, the visible ones drawn by CSS ::after',
    body: '<p id="t">Call <span style="position:absolute;left:-9999px">+91 90000 12345</span><span class="n"></span></p>',
    style: '.n::after { content: "+91 98765 43210"; }',
    expected: { text: 'Call ', plain: false },
  },
  { name: 'a digit CSS adds after the selection', body: '<p>Call <span id="t">+91 98765 4321</span></p>', style: '#t::after { content: "0"; }', expected: { text: '+91 98765 4321', plain: false } },
  { name: 'digits reversed by <bdo>', body: '<p id="t">+91 98765 <bdo dir="rtl">01234</bdo></p>', expected: { text: '+91 98765 01234', plain: false } },
  { name: 'an RLO control character', body: '<p id="t">+91 98765 \u202e01234\u202c</p>', expected: { text: '+91 98765 01234', plain: false } },
  { name: 'an RLO in hidden text before the digits', body: '<p id="t"><span style="color:transparent">\u202e</span>+91 98765 43210</p>', expected: { text: '+91 98765 43210', plain: false } },
  {
    name: 'digit groups swapped by flex order',
    body: '<p id="t" style="display:flex;gap:8px"><span style="order:2">43210</span><span style="order:1">+91 98765</span></p>',
    expected: { text: '43210+91 98765', plain: false },
  },
  {
    name: 'hidden, transparent and white-on-white digits inside the selection',
    body: '<p id="t">+91 98765 <span style="display:none">11111</span><span style="opacity:0">22222</span>'
      + '<span style="color:#fff">33333</span><span style="color:transparent">44444</span>43210</p>',
    expected: { text: '+91 98765 43210', plain: true },
  },
  {
    name: 'digits vanished by a filter, a mask or a blend mode',
    body: '<p id="t">+91 98765 <span style="filter:opacity(0)">11111</span><span style="-webkit-mask-image:linear-gradient(transparent,transparent)">22222</span>43210</p>',
    expected: { text: '+91 98765 43210', plain: true },
  },
  {
    name: 'a last digit clipped by an overflow',
    body: '<p><span id="t" style="display:inline-block;width:8.5ch;overflow:hidden;white-space:nowrap;font-family:monospace">+91 98765 432107</span></p>',
    expected: { text: '', plain: true },
  },
  {
    name: 'a digit covered by a box',
    body: '<p style="position:relative"><span id="t" style="font-family:monospace">+91 98765 43210</span>'
      + '<span style="position:absolute;left:0;top:0;width:2.2ch;height:100%;background:#fff"></span></p>',
    expected: { text: '', plain: true },
  },
];

for (const c of CASES) {
  test(`what a person sees of the selection: ${c.name}`, async ({ extContext }) => {
    const page = await pageWith(extContext, c.body, c.style);
    await selectTarget(page);
    expect(await seen(extContext)).toMatchObject(c.expected);
  });
}

test('a selection the page moves in its contextmenu handler: what is seen is what is selected when the menu is picked', async ({ extContext }) => {
  const page = await pageWith(extContext,
    '<p id="t">+91 98765 43210</p><p id="fake" style="position:absolute;left:-9999px">+91 90000 12345</p>'
    + '<script>document.addEventListener("contextmenu", () => { const r = document.createRange();'
    + ' r.selectNodeContents(document.querySelector("#fake")); getSelection().removeAllRanges(); getSelection().addRange(r); });</script>');
  await selectTarget(page);
  await page.locator('#t').click({ button: 'right' });
  // The browser's selectionText is now "+91 90000 12345"; a person sees none of it.
  expect(await page.evaluate(() => getSelection()!.toString())).toBe('+91 90000 12345');
  expect(await seen(extContext)).toEqual({ text: '', plain: true, dom: '+91 90000 12345' });
});

test('nothing selected: the script says so', async ({ extContext }) => {
  await pageWith(extContext, '<p id="t">+91 98765 43210</p>');
  expect(await seen(extContext)).toBeNull();
});

test('the key is out of reach of the content-script world in an allowed inbox page', async ({ extContext, panel, store }) => {
  await panel.page.bringToFront();
  const inbox = await extContext.newPage();
  await inbox.goto(`${INBOX_URL}/generic?chat=1`);
  const worker = await serviceWorker(extContext);
  // The world the inbox script runs in (ISOLATED, the extension's): what a compromised renderer of the site could use.
  const fromPage = await worker.evaluate(async (origin) => {
    const [tab] = await chrome.tabs.query({ url: `${origin}/*` });
    const [result] = await chrome.scripting.executeScript({
      target: { tabId: tab!.id! },
      func: () => Promise.all([chrome.storage.local.get(null), chrome.storage.session.get(null)])
        .then((v) => JSON.stringify(v), (e: unknown) => `refused: ${String(e)}`),
    });
    return result?.result as string;
  }, new URL(INBOX_URL).origin);
  expect(fromPage).toMatch(/^refused: .*not allowed/);
  expect(fromPage).not.toContain(store.apiKey);
  // The extension's own pages still work: the panel lists the store's groups.
  await expect(panel.rows.first()).toBeVisible();
});
