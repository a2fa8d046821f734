// The page readers on every fixture inbox, in plain Chromium: the inbox script's readers bundled into one
// script (dev/content-bundle.ts) and run in the page as the extension runs them. Each row says what a
// person sees on that page: the numbers, whether the reader may be sure, the name, and the kind of chat.
// Journeys through the built extension are in beside-the-inbox.spec.ts.
import { chromium, expect, test, type Browser } from '@playwright/test';
import { bundleReaders } from '../../dev/content-bundle';
import { findChromium } from '../../dev/chromium';
import { HIDDEN_FAKES } from '../../dev/sandbox/inboxes/hostile';
import type { ChatSeen } from '../../utils/inbox';
import { INBOX_URL } from './extension';

interface Row { page: string; what: string; seen: ChatSeen }

const page = (numbers: string[], sure: boolean, name?: string, kind?: ChatSeen['kind']): ChatSeen => ({ numbers, sure, name, kind, reader: 'page' });
const wa = (numbers: string[], sure: boolean, name?: string, kind?: ChatSeen['kind']): ChatSeen => ({ numbers, sure, name, kind, reader: 'whatsapp' });
const EVE = '<img src=x onerror="window.pwned=1">Eve';

const ROWS: Row[] = [
  { page: 'generic?chat=1', what: 'a tel: link in the header whose text is its number', seen: page(['+919876543210'], true, 'Priya Sharma') },
  { page: 'generic?chat=3', what: 'two numbers in the header: ask', seen: page(['+919811122334', '+919811155667'], false, 'Anita Desai') },
  { page: 'whatsapp?chat=saved', what: 'a saved contact: the number from the chat id, the name from the header', seen: wa(['+919812345678'], true, 'Meera Iyer') },
  { page: 'whatsapp?chat=unsaved', what: 'an unsaved contact: the title is the number, inside direction marks and no-break spaces', seen: wa(['+919876500000'], true) },
  { page: 'whatsapp?chat=unsaved-rlo', what: 'a title that reads as a number through an RLO: asked, not sure', seen: wa(['+919876501234'], false) },
  { page: 'whatsapp?chat=lid', what: 'a privacy id (@lid) with Contact info closed: the number is not shown', seen: wa([], false, 'Kavya', 'numberHidden') },
  { page: 'whatsapp?chat=lid-drawer', what: 'a privacy id with Contact info open: the number from the drawer', seen: wa(['+919988776655'], true, 'Kavya') },
  { page: 'whatsapp?chat=group', what: 'a group chat: no customer, not a member, not the group\'s name', seen: wa([], false, undefined, 'group') },
  { page: 'chatwoot', what: 'the number in the contact panel\'s tel: row, the name in its heading (the header\'s is a button)', seen: page(['+919845012345'], true, 'Aarav Mehta') },
  { page: 'zendesk', what: 'two tickets in the DOM, one hidden: the open one\'s "Phone" row and requester; never a top-bar button', seen: page(['+393123456789'], true, 'Sofia Rossi') },
  { page: 'kommo', what: 'a CRM phone field (a text input) and the contact\'s name field, not the lead\'s title', seen: page(['+79123456789'], true, 'Olga Petrova') },
  { page: 'rtl?chat=1', what: 'Arabic-Indic digits in a left-to-right span', seen: page(['+966501234567'], true, 'أحمد الفارسي') },
  { page: 'rtl?chat=2', what: 'Persian digits bare in a right-to-left run: digit groups may show reordered, so ask', seen: page(['09123456789'], false, 'سارا محمدی') },
  { page: 'rtl?chat=3', what: 'fullwidth digits and plus', seen: page(['+919876543210'], true, 'ليلى حسن') },
  { page: 'hostile', what: 'every hidden fake at once, the site\'s banner with its support line, markup in the name', seen: page(['+919000000001'], true, EVE) },
  { page: 'hostile?case=bdo', what: 'a <bdo dir=rtl> inside the number: drawn +91 98765 43210, written …01234', seen: page(['+919876501234'], false, EVE) },
  { page: 'hostile?case=override', what: 'unicode-bidi: bidi-override inside the number', seen: page(['+919876501234'], false, EVE) },
  { page: 'hostile?case=rlo', what: 'an RLO character inside the number', seen: page(['+919876501234'], false, EVE) },
  { page: 'hostile?case=tel-mismatch', what: 'a tel: link whose text and address disagree', seen: page(['+919876543210', '+919000012345'], false, EVE) },
  { page: 'hostile?case=name-only', what: 'a name-only header under the site\'s banner with a number: no number', seen: page([], false, EVE) },
  { page: 'hostile?case=wa-me', what: 'a wa.me link in a customer\'s message, name-only header: a candidate, never sure', seen: page(['+919123456780'], false, EVE) },
  { page: 'hostile?contact=9123456780', what: '?contact= in the address is not a phone key: the header wins', seen: page(['+919000000001'], true, EVE) },
  { page: 'hostile?phone=%2B919123456780', what: 'the address\'s ?phone= and the header disagree: ask', seen: page(['+919000000001', '+919123456780'], false, EVE) },
  ...Object.keys(HIDDEN_FAKES).map((fake) => ({
    page: `hostile?fake=${encodeURIComponent(fake)}`, what: `a fake number hidden by ${fake} is not read`, seen: page(['+919000000001'], true, EVE),
  })),
];

let browser: Browser;
let readers: string;
test.beforeAll(async () => {
  [readers, browser] = await Promise.all([bundleReaders(), chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] })]);
});
test.afterAll(() => browser.close());

for (const row of ROWS) {
  test(`${row.page}: ${row.what}`, async () => {
    const tab = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await tab.goto(`${INBOX_URL}/${row.page}`);
    await tab.addScriptTag({ content: readers });
    // The inbox script reads again after every change; a page still settling (its editor mounting) is read again too.
    await expect.poll(() => tab.evaluate(() => (globalThis as unknown as { zokoReaders: { readChat: (d: Document, h: string) => ChatSeen } })
      .zokoReaders.readChat(document, location.href))).toEqual(row.seen);
    await tab.close();
  });
}
