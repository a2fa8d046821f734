// The link in the reply box, through the built extension: the panel's "Send invite link…" puts it into the
// real editors from npm (Lexical as WhatsApp Web sets it up, ProseMirror, Draft.js, Quill) and a text area,
// in the three ways an agent comes to it (the page just opened, clicked into the empty box, typed first) and
// a fourth (typed, then searched the conversation list), and the result is read from each editor's own state
// (window.fixtureEditorText, dev/sandbox/editors): there once, shown once, the panel's sentence says so and the
// agent's clipboard is left alone. Then the same three ways on the fixtures modelled on real inboxes
// (dev/sandbox/inboxes), and the pages where the first box in page order is the wrong one.
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { build } from 'esbuild';
import { resolve } from 'node:path';
import type { SandboxControl } from '../../dev/sandbox/control';
import { expect, INBOX_URL, SANDBOX_URL, serviceWorker, test } from './fixtures';
import type { PanelPage } from './panel';

const ORIGIN = new URL(INBOX_URL).origin;
const SITE = new URL(INBOX_URL).host;

const card = (panel: PanelPage) => panel.page.getByRole('region', { name: /This chat/ });

async function chatInView(context: BrowserContext): Promise<{ tabId?: number; chat?: unknown } | null> {
  const worker = await serviceWorker(context);
  return worker.evaluate(async () => (await chrome.storage.session.get('chatInView')).chatInView ?? null);
}

/**
 * Opens `url` in a new tab and waits until its own script has reported the conversation (a new tab id with a
 * chat), so the insert goes to this page's script and not to a page closed before.
 */
async function openConversation(panel: PanelPage, url: string, first: boolean): Promise<Page> {
  const before = (await chatInView(panel.context))?.tabId;
  const page = await panel.context.newPage();
  // An inbox's window, not the panel's 360 px: the readers read only what is inside the viewport.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(url);
  if (first) {
    await panel.page.getByRole('button', { name: `Use with ${SITE}` }).click();
    await expect(card(panel)).toBeVisible();
  }
  await expect.poll(async () => {
    const view = await chatInView(panel.context);
    return view?.tabId !== before && view?.chat !== undefined;
  }, { intervals: [50, 100] }).toBe(true);
  await expect(card(panel).getByRole('button', { name: 'Send invite link…' })).toBeVisible();
  return page;
}

async function sendLink(panel: PanelPage, group: string) {
  await panel.page.bringToFront(); // the panel takes the focus, as the side panel does
  await card(panel).getByRole('button', { name: 'Send invite link…' }).click();
  await panel.page.getByRole('dialog', { name: "Put a group's link in the reply box" }).getByRole('button', { name: group }).click();
}

/** The text in the editor at `selector` (the page's first editor without one), read from the editor's own state. */
function editorText(page: Page, selector?: string): Promise<string> {
  return page.evaluate((s) => {
    const read = (window as unknown as { fixtureEditorText: (el?: Element | null) => string }).fixtureEditorText;
    return read(s ? document.querySelector(s) : undefined);
  }, selector);
}

/** Puts `text` on the system clipboard from a page on the sandbox's origin (the extension cannot be granted that). */
async function setClipboard(panel: PanelPage, text: string) {
  await panel.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: SANDBOX_URL });
  const writer = await panel.context.newPage();
  await writer.goto(`${SANDBOX_URL}/__sandbox/ping`);
  await writer.bringToFront();
  await writer.evaluate((t) => navigator.clipboard.writeText(t), text);
  await writer.close();
}

const linkOf = async (store: SandboxControl, subject: string) =>
  (await store.state()).groups.find((g) => g.subject === subject)!.invite_link;
const message = (subject: string, link: string) => `Join ${subject} on WhatsApp: ${link}`;

/** A page to put the link into: its reply box (by its accessible name) and, for a rich editor, which one it is. */
interface Inbox {
  url: string;
  box: string;
  /** The fixture editor's host (fixtureEditorText reads it); none for a text area. */
  editor?: string;
  /** How many editors the page mounts (hidden tickets' too). */
  editors?: number;
  /** A conversation search on the page, checked untouched (or holding what the agent typed in it). */
  search?: string;
  rtl?: boolean;
}

/** Each way the agent comes to the reply box, each with its own group so each case's sentence is its own. */
interface Way {
  way: string;
  group: string;
  /** `back` is the key that moves the cursor one character back (ArrowRight in a right-to-left box). */
  before: (page: Page, box: Locator, back: string) => Promise<unknown>;
  expected: (m: string) => string;
  searched?: string;
}

const OPENED: Way = { way: 'the page just opened, never focused', group: 'VIP Customers', before: async () => {}, expected: (m) => m };
const CLICKED: Way = { way: 'the agent clicked into the empty box', group: 'Wholesale Buyers', before: (_page, box) => box.click(), expected: (m) => m };
const TYPED: Way = {
  way: 'the agent typed first, the cursor between two words', group: 'Bengaluru Pickup Point',
  before: async (page, box, back) => {
    await box.click();
    await page.keyboard.type('Hello, here:  See you!');
    for (let i = 0; i < ' See you!'.length; i++) await page.keyboard.press(back);
  },
  expected: (m) => `Hello, here: ${m} See you!`,
};
/** The search is the box the agent was in last, not where the reply goes. */
const SEARCHED: Way = {
  way: 'the agent typed, then searched the conversation list', group: 'Loyalty Club Gold',
  before: async (page, box) => {
    await box.click();
    await page.keyboard.type('Hi! ');
    await page.getByRole('searchbox', { name: 'Search conversations' }).click();
    await page.keyboard.type('Rahul');
  },
  expected: (m) => `Hi! ${m}`,
  searched: 'Rahul',
};

/** Each way on a page opened afresh: the link in the editor's own state once, shown once, and the panel's sentence. */
async function putLinkEachWay(panel: PanelPage, store: SandboxControl, inbox: Inbox, ways: Way[]) {
  const sentinel = `the agent's own clipboard (${inbox.url})`;
  await setClipboard(panel, sentinel);
  for (const [i, { way, group, before, expected, searched = '' }] of ways.entries()) {
    const page = await openConversation(panel, inbox.url, i === 0);
    if (inbox.editor) await expect(page.locator('[data-fixture-mounted]')).toHaveCount(inbox.editors ?? 1);
    await page.bringToFront();
    const box = page.getByRole('textbox', { name: inbox.box, exact: true });
    await before(page, box, inbox.rtl ? 'ArrowRight' : 'ArrowLeft');
    await sendLink(panel, group);
    await expect(card(panel), way).toContainText(`The link to ${group} is in the reply box. Check it, then send.`);
    const want = expected(message(group, await linkOf(store, group)));
    if (!inbox.editor) await expect(box, way).toHaveValue(want);
    else {
      expect(await editorText(page, inbox.editor), way).toBe(want);
      // What the agent sees is what the editor holds (Draft.js can show text twice that its state has once).
      await expect(box, way).toHaveText(want);
    }
    if (inbox.search) await expect(page.getByRole('searchbox', { name: inbox.search }), way).toHaveValue(searched);
    await page.close();
  }
  // Every time, the panel knew the link was in: it never copied it over the agent's clipboard.
  expect(await panel.clipboard()).toBe(sentinel);
  expect((await store.log()).filter((r) => r.method !== 'GET')).toEqual([]);
}

for (const editor of ['lexical', 'prosemirror', 'draft', 'quill', 'textarea'] as const) {
  test(`${editor}: the link is in the editor's own state once, however the agent came to the box, and the panel says so`, async ({ panel, store }) => {
    test.setTimeout(60_000);
    await putLinkEachWay(panel, store, {
      url: `${ORIGIN}/demo/editors/${editor}`, box: 'Reply', search: 'Search conversations',
      ...(editor !== 'textarea' && { editor: '[data-fixture-editor]' }),
    }, [OPENED, CLICKED, TYPED, SEARCHED]);
  });
}

/** The fixtures modelled on real inboxes (dev/sandbox/inboxes, sources in its README) with a customer the panel is sure of. */
const REAL_INBOXES: (Inbox & { name: string })[] = [
  { name: 'WhatsApp Web, saved contact (Lexical)', url: `${INBOX_URL}/whatsapp?chat=saved`, box: 'Type a message', editor: '#main footer [data-tab="10"]' },
  { name: 'WhatsApp Web, @lid chat with Contact info open (Lexical)', url: `${INBOX_URL}/whatsapp?chat=lid-drawer`, box: 'Type a message', editor: '#main footer [data-tab="10"]' },
  { name: 'Chatwoot (ProseMirror)', url: `${INBOX_URL}/chatwoot`, box: 'Reply', editor: '.reply-box [data-fixture-editor]' },
  { name: 'Zendesk, two tickets, one hidden (Draft.js)', url: `${INBOX_URL}/zendesk`, box: 'Public reply', editor: '[data-ticket-id="1042"] [data-fixture-editor]', editors: 2 },
  { name: 'Kommo (Quill)', url: `${INBOX_URL}/kommo`, box: 'Message', editor: '.feed-compose [data-fixture-editor]' },
  { name: 'an Arabic inbox, right to left (text area)', url: `${INBOX_URL}/rtl?chat=1`, box: 'الرد', rtl: true },
];

for (const inbox of REAL_INBOXES) {
  test(`${inbox.name}: the link in the right editor, in its own state, page just opened / clicked into / typed first`, async ({ panel, store }) => {
    test.setTimeout(60_000);
    await putLinkEachWay(panel, store, inbox, [OPENED, CLICKED, TYPED]);
  });
}

test('WhatsApp Web: the chat search was the last box the agent was in; the link goes to the composer, not the search', async ({ panel, store }) => {
  const inbox = await openConversation(panel, `${INBOX_URL}/whatsapp?chat=saved`, true);
  await expect(inbox.locator('[data-fixture-mounted]')).toHaveCount(1);
  await inbox.bringToFront();
  const composer = inbox.locator('#main footer [data-tab="10"]');
  const search = inbox.locator('#side [data-tab="3"]');
  await composer.click();
  await inbox.keyboard.type('Hi Meera! ');
  await search.click();
  await inbox.keyboard.type('Meera');
  await sendLink(panel, 'VIP Customers');
  await expect(card(panel)).toContainText('The link to VIP Customers is in the reply box. Check it, then send.');
  expect(await editorText(inbox, '#main footer [data-tab="10"]')).toBe(`Hi Meera! ${message('VIP Customers', await linkOf(store, 'VIP Customers'))}`);
  await expect(search).toHaveText('Meera');

  // Never in the composer yet on a page just opened, with the search focused: the composer still.
  await inbox.close();
  const fresh = await openConversation(panel, `${INBOX_URL}/whatsapp?chat=saved`, false);
  await expect(fresh.locator('[data-fixture-mounted]')).toHaveCount(1);
  await fresh.bringToFront();
  await fresh.locator('#side [data-tab="3"]').click();
  await sendLink(panel, 'Wholesale Buyers');
  await expect(card(panel)).toContainText('The link to Wholesale Buyers is in the reply box. Check it, then send.');
  expect(await editorText(fresh, '#main footer [data-tab="10"]')).toBe(message('Wholesale Buyers', await linkOf(store, 'Wholesale Buyers')));
  await expect(fresh.locator('#side [data-tab="3"]')).toHaveText('');
});

test('Zendesk: the hidden ticket\'s composer (first in the page) never gets the link; the open ticket\'s does', async ({ panel, store }) => {
  const inbox = await openConversation(panel, `${INBOX_URL}/zendesk`, true);
  await expect(inbox.locator('[data-fixture-mounted]')).toHaveCount(2);
  await sendLink(panel, 'VIP Customers');
  await expect(card(panel)).toContainText('The link to VIP Customers is in the reply box. Check it, then send.');
  expect(await editorText(inbox, '[data-ticket-id="1042"] [data-fixture-editor]')).toBe(message('VIP Customers', await linkOf(store, 'VIP Customers')));
  expect(await editorText(inbox, '[data-ticket-id="1041"] [data-fixture-editor]')).toBe('');
});

test('Kommo: the lead-name input the agent clicked last never gets the link; the chat composer does', async ({ panel, store }) => {
  const inbox = await openConversation(panel, `${INBOX_URL}/kommo`, true);
  await expect(inbox.locator('[data-fixture-mounted]')).toHaveCount(1);
  await inbox.bringToFront();
  const leadName = inbox.getByRole('textbox', { name: 'Lead name' });
  await leadName.click();
  await sendLink(panel, 'VIP Customers');
  await expect(card(panel)).toContainText('The link to VIP Customers is in the reply box. Check it, then send.');
  expect(await editorText(inbox, '.feed-compose')).toBe(message('VIP Customers', await linkOf(store, 'VIP Customers')));
  await expect(leadName).toHaveValue('Wholesale order #58213');
  await expect(inbox.getByRole('textbox', { name: 'Work phone' })).toHaveValue('+7 912 345-67-89');
});

// Which element is the reply box, rule by rule: the inbox script's findReplyBox bundled into a plain page in the
// same browser (no extension in the way), each row a page where the box is `#reply`, or where there is none.
const NOT_HERE = '<textarea id="reply" aria-label="Reply"></textarea>';
const BOX_RULES: { what: string; html: string; box: string | null }[] = [
  { what: 'a type=search input first', html: `<input type="search" aria-label="Find">${NOT_HERE}`, box: 'reply' },
  { what: 'WhatsApp Web: the chat search (data-tab=3) before the composer', box: 'reply',
    html: '<div id="side"><div contenteditable="true" role="textbox" data-tab="3" aria-label="Search input textbox"></div></div>'
      + '<div id="main"><footer><div id="reply" contenteditable="true" role="textbox" data-tab="10" aria-label="Type a message"></div></footer></div>' },
  { what: 'a role=searchbox editable first', html: `<div contenteditable="true" role="searchbox"></div>${NOT_HERE}`, box: 'reply' },
  { what: 'an editable labelled as a search first', html: `<div contenteditable="true" role="textbox" aria-label="Search messages"></div>${NOT_HERE}`, box: 'reply' },
  { what: 'a box inside role=search first', html: `<div role="search"><div contenteditable="true" role="textbox"></div></div>${NOT_HERE}`, box: 'reply' },
  { what: 'a hidden ticket\'s composer (display: none) first', html: `<div style="display:none"><div contenteditable="true" role="textbox"></div></div>${NOT_HERE}`, box: 'reply' },
  { what: 'a composer under visibility: hidden first', html: `<div style="visibility:hidden"><div contenteditable="true" role="textbox"></div></div>${NOT_HERE}`, box: 'reply' },
  { what: 'a transparent composer first', html: `<div style="opacity:0"><div contenteditable="true" role="textbox"></div></div>${NOT_HERE}`, box: 'reply' },
  { what: 'an inert composer first', html: `<div inert><div contenteditable="true" role="textbox"></div></div>${NOT_HERE}`, box: 'reply' },
  { what: 'an editable parked off the page (a clipboard helper) first',
    html: `<div contenteditable="true" role="textbox" style="position:absolute;left:-10000px;top:0;width:50px;height:20px"></div>${NOT_HERE}`, box: 'reply' },
  { what: 'a CRM lead-name input only', html: '<input type="text" aria-label="Lead name" value="Order #1">', box: null },
  { what: 'a phone field written as a text input only', html: '<input type="text" name="phone" value="+7 912 345-67-89">', box: null },
  { what: 'a type=tel input only', html: '<input type="tel" aria-label="Message">', box: null },
  { what: 'a subject input before the composer', html: `<input aria-label="Subject" value="Refund">${NOT_HERE}`, box: 'reply' },
  { what: 'a text area labelled Subject before a rich composer',
    html: '<textarea aria-label="Subject"></textarea><div id="reply" contenteditable="true" role="textbox" aria-label="Reply"></div>', box: 'reply' },
  { what: 'a one-line input that says it is the message box', html: '<input id="reply" type="text" placeholder="Type a message">', box: 'reply' },
  { what: 'a message input inside a contact form of several fields',
    html: '<form><input aria-label="Your name"><input type="email" aria-label="E-mail"><input aria-label="Message"></form>', box: null },
  { what: 'the outermost editing host of nested editables', html: '<div id="reply" contenteditable="true"><p><span contenteditable="true">x</span></p></div>', box: 'reply' },
];

let replyBoxScript: Promise<string> | undefined;
const bundleReplyBox = () => (replyBoxScript ??= build({
  stdin: { contents: "export { findReplyBox } from './utils/content/reply-box';", resolveDir: resolve(import.meta.dirname, '../..'), loader: 'ts' },
  bundle: true, format: 'iife', globalName: 'zokoReplyBox', target: 'chrome120', write: false,
}).then((r) => r.outputFiles[0]!.text));

for (const rule of BOX_RULES) {
  test(`which box: ${rule.what} → ${rule.box === null ? 'no reply box' : 'the reply box'}`, async ({ extContext }) => {
    const page = await extContext.newPage();
    await page.setViewportSize({ width: 800, height: 600 });
    await page.setContent(`<!doctype html><body>${rule.html}</body>`);
    await page.addScriptTag({ content: await bundleReplyBox() });
    const found = await page.evaluate(() => {
      const { findReplyBox } = (globalThis as unknown as { zokoReplyBox: { findReplyBox: (d: Document, last: null) => HTMLElement | null } }).zokoReplyBox;
      const el = findReplyBox(document, null);
      return el ? el.id || el.outerHTML : null;
    });
    expect(found).toBe(rule.box);
    await page.close();
  });
}
