// Journeys beside the agent's inbox: the sandbox serves fixture inboxes on localhost (an origin of its own,
// granted at install in the test build, since a headless browser's permission prompt cannot be clicked;
// tests/unit/inbox.test.ts covers the request path). The agent still chooses "Use with localhost:…".
import type { BrowserContext, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expect, INBOX_URL, SANDBOX_URL, serviceWorker, test } from './fixtures';
import type { PanelPage } from './panel';

const SITE = new URL(INBOX_URL).host;

async function openInbox(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  // An inbox's window, not the panel's 360 px: the readers read only what is inside the viewport.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${INBOX_URL}/${path}`);
  return page;
}

/** "Use with ‹site›" in the panel: one click (the browser's prompt is pre-answered in the test build). */
async function useSite(panel: PanelPage) {
  await panel.page.getByRole('button', { name: `Use with ${SITE}` }).click();
  await expect(panel.page.getByRole('region', { name: /This chat/ })).toBeVisible();
}

const card = (panel: PanelPage) => panel.page.getByRole('region', { name: /This chat/ });

test('grant the demo inbox, see the customer, and invite them to a group in 2 actions', async ({ panel, extContext, store }) => {
  const inbox = await openInbox(extContext, 'generic?chat=1');
  await expect(panel.page.getByText(`Use the panel with ${SITE}?`)).toBeVisible();
  await useSite(panel);
  await expect(card(panel)).toContainText('Priya Sharma');
  await expect(card(panel).getByTestId('chat-number')).toHaveText('+91 98765 43210');

  await card(panel).getByRole('button', { name: 'Invite to…' }).click(); // 1
  await panel.page.getByRole('dialog', { name: 'Invite +91 98765 43210 to' }).getByRole('button', { name: 'VIP Customers' }).click(); // 2
  await expect(card(panel)).toContainText('Invitation sent to +91 98765 43210 for VIP Customers.');
  const vip = (await store.state()).groups.find((g) => g.subject === 'VIP Customers')!;
  expect(vip.invitations).toEqual(['919876543210']);
  // Activity knows now: the card says so.
  await expect(card(panel)).toContainText('Invited to VIP Customers');
  await inbox.close();
});

test('a failed invitation is said in its own chat only: never "Invited to", gone in the next chat', async ({ panel, extContext, store }) => {
  const inbox = await openInbox(extContext, 'generic?chat=1');
  await useSite(panel);
  await expect(card(panel)).toContainText('Priya Sharma');
  await store.fault({ status: 400, method: 'POST', path: '/invitations', times: 3 });
  await card(panel).getByRole('button', { name: 'Invite to…' }).click();
  await panel.page.getByRole('dialog', { name: 'Invite +91 98765 43210 to' }).getByRole('button', { name: 'VIP Customers' }).click();
  await expect(card(panel)).toContainText('+91 98765 43210 was not invited');
  await expect(card(panel)).not.toContainText('Invited to VIP Customers');
  // The agent opens Rahul's chat: Priya's failure is not said above Rahul's card.
  await inbox.goto(`${INBOX_URL}/generic?chat=2`);
  await expect(card(panel)).toContainText('Rahul Verma');
  await expect(card(panel)).not.toContainText('was not invited');
  await inbox.close();
});

test('insert a group link into a text area reply box in 2 actions, where the cursor was', async ({ panel, extContext, store }) => {
  const inbox = await openInbox(extContext, 'generic?chat=2');
  await useSite(panel);
  await expect(card(panel)).toContainText('Rahul Verma');
  const reply = inbox.getByRole('textbox', { name: 'Reply' });
  await reply.fill('Hello Rahul, here you go:  Thanks!');
  await reply.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(26, 26)); // after "go: "
  await panel.page.bringToFront(); // the panel takes the focus, as the side panel does

  await card(panel).getByRole('button', { name: 'Send invite link…' }).click(); // 1
  await panel.page.getByRole('dialog', { name: "Put a group's link in the reply box" }).getByRole('button', { name: 'VIP Customers' }).click(); // 2
  await expect(card(panel)).toContainText('The link to VIP Customers is in the reply box');
  const vip = (await store.state()).groups.find((g) => g.subject === 'VIP Customers')!;
  await expect(reply).toHaveValue(`Hello Rahul, here you go: Join VIP Customers on WhatsApp: ${vip.invite_link} Thanks!`);
  // Nothing was sent: the sandbox saw no write.
  expect((await store.log()).filter((r) => r.method !== 'GET')).toEqual([]);
});

test('keyboard only: l, a few letters of the group, Enter — the link is in the reply box', async ({ panel, extContext, store }) => {
  const inbox = await openInbox(extContext, 'generic?chat=1');
  await useSite(panel);
  await expect(card(panel).getByTestId('chat-number')).toBeVisible();
  await panel.page.getByRole('searchbox', { name: 'Search groups' }).blur();
  await panel.page.keyboard.press('l');
  await expect(panel.page.getByRole('searchbox', { name: 'Find a group' })).toBeFocused();
  await panel.page.keyboard.type('bengal');
  await panel.page.keyboard.press('Enter');
  const link = (await store.state()).groups.find((g) => g.subject === 'Bengaluru Pickup Point')!.invite_link;
  await expect(inbox.getByRole('textbox', { name: 'Reply' })).toHaveValue(`Join Bengaluru Pickup Point on WhatsApp: ${link}`);
});

test('the palette sends a group\'s link to the chat: Ctrl+K, "send whole", Enter', async ({ panel, extContext, store }) => {
  const inbox = await openInbox(extContext, 'generic?chat=2');
  await useSite(panel);
  await expect(card(panel).getByTestId('chat-number')).toBeVisible();
  await panel.page.getByRole('searchbox', { name: 'Search groups' }).blur();
  await panel.page.keyboard.press('Control+K');
  await panel.page.getByRole('combobox').fill('send whole');
  await expect(panel.page.getByRole('option').first()).toHaveText('Send invite link to the chat: Wholesale Buyers');
  await panel.page.keyboard.press('Enter');
  const link = (await store.state()).groups.find((g) => g.subject === 'Wholesale Buyers')!.invite_link;
  await expect(inbox.getByRole('textbox', { name: 'Reply' })).toHaveValue(`Join Wholesale Buyers on WhatsApp: ${link}`);
  await expect(panel.page.getByRole('status').filter({ hasText: 'The link to Wholesale Buyers is in the reply box' }).first()).toBeAttached();
});

test('a rich reply box (contenteditable) gets the link where the cursor was', async ({ panel, extContext, store }) => {
  const inbox = await openInbox(extContext, 'rich?chat=1');
  await useSite(panel);
  const reply = inbox.getByRole('textbox', { name: 'Reply' });
  await reply.click();
  await inbox.keyboard.type('Hi Priya! Link: ');
  await inbox.keyboard.type(' See you there.');
  for (let i = 0; i < ' See you there.'.length; i++) await inbox.keyboard.press('ArrowLeft');
  await panel.page.bringToFront();
  await card(panel).getByRole('button', { name: 'Send invite link…' }).click();
  const picker = panel.page.getByRole('dialog', { name: "Put a group's link in the reply box" });
  // Keyboard: filter, Enter takes the first match.
  await picker.getByRole('searchbox', { name: 'Find a group' }).fill('wholesale');
  await picker.getByRole('searchbox', { name: 'Find a group' }).press('Enter');
  await expect(card(panel)).toContainText('The link to Wholesale Buyers is in the reply box');
  const link = (await store.state()).groups.find((g) => g.subject === 'Wholesale Buyers')!.invite_link;
  await expect(reply).toHaveText(`Hi Priya! Link: Join Wholesale Buyers on WhatsApp: ${link} See you there.`);
});

test('another conversation opened in a single-page inbox (a clock ticking all along) is read at once', async ({ panel, extContext }) => {
  const inbox = await openInbox(extContext, 'rich?chat=1');
  await useSite(panel);
  await expect(card(panel).getByTestId('chat-number')).toHaveText('+91 98765 43210');
  await inbox.getByRole('link', { name: 'Rahul Verma' }).click();
  await expect(card(panel)).toContainText('Rahul Verma');
  await expect(card(panel).getByTestId('chat-number')).toHaveText('+44 7911 123456');
});

test('Invite to… is bound to whom it opened for: another chat opened meanwhile, and the pick invites nobody', async ({ panel, extContext, store }) => {
  const inbox = await openInbox(extContext, 'rich?chat=1');
  await useSite(panel);
  await expect(card(panel).getByTestId('chat-number')).toHaveText('+91 98765 43210');
  await card(panel).getByRole('button', { name: 'Invite to…' }).click();
  const picker = panel.page.getByRole('dialog', { name: 'Invite +91 98765 43210 to' });
  await expect(picker).toBeVisible();

  await inbox.getByRole('link', { name: 'Rahul Verma' }).click(); // the inbox opens another conversation
  // The title keeps whom the picker was opened for, and it says the chat changed.
  await expect(picker.getByRole('alert')).toContainText('The chat changed since this opened: it was for +91 98765 43210');
  await expectAxeClean(panel.page, 'group picker, the chat changed');
  await picker.getByRole('button', { name: 'VIP Customers' }).click(); // the pick: nothing is done, and the card says why
  await expect(picker).toBeHidden();
  await expect(card(panel).getByRole('alert')).toHaveText('The chat changed before the pick: nothing was done for +91 98765 43210.');
  await expect(card(panel).getByTestId('chat-number')).toHaveText('+44 7911 123456');
  expect((await store.state()).groups.flatMap((g) => g.invitations)).toEqual([]);
  expect((await store.log()).filter((r) => r.method === 'POST')).toEqual([]);
});

test('Send invite link… is bound to the chat it opened in: after switching chats the link goes nowhere', async ({ panel, extContext, store }) => {
  const inbox = await openInbox(extContext, 'rich?chat=1');
  await useSite(panel);
  await expect(card(panel).getByTestId('chat-number')).toHaveText('+91 98765 43210');
  await card(panel).getByRole('button', { name: 'Send invite link…' }).click();
  const picker = panel.page.getByRole('dialog', { name: "Put a group's link in the reply box" });
  await inbox.getByRole('link', { name: 'Rahul Verma' }).click();
  await expect(picker.getByRole('alert')).toContainText('The chat changed');
  await picker.getByRole('searchbox', { name: 'Find a group' }).fill('wholesale');
  await picker.getByRole('searchbox', { name: 'Find a group' }).press('Enter'); // Enter picks the first match
  await expect(card(panel).getByRole('alert')).toContainText('The chat changed before the pick');
  await expect(inbox.getByRole('textbox', { name: 'Reply' })).toHaveText('');
  expect((await store.log()).filter((r) => r.method === 'POST')).toEqual([]);
});

test('WhatsApp Web: the open chat\'s number comes from its chat id, and the link goes into its editor', async ({ panel, extContext, store }) => {
  const inbox = await openInbox(extContext, 'whatsapp');
  await useSite(panel);
  await expect(card(panel)).toContainText('Meera Iyer');
  await expect(card(panel).getByTestId('chat-number')).toHaveText('+91 98123 45678');
  await card(panel).getByRole('button', { name: 'Send invite link…' }).click();
  await panel.page.getByRole('dialog', { name: "Put a group's link in the reply box" }).getByRole('button', { name: 'VIP Customers' }).click();
  const link = (await store.state()).groups.find((g) => g.subject === 'VIP Customers')!.invite_link;
  await expect(card(panel)).toContainText('The link to VIP Customers is in the reply box');
  await expect(inbox.getByRole('textbox', { name: 'Type a message' })).toHaveText(`Join VIP Customers on WhatsApp: ${link}`);
  // Once, in Lexical's own state (its composer is the real editor: dev/sandbox/editors).
  expect(await inbox.evaluate(() => (window as unknown as { fixtureEditorText: () => string }).fixtureEditorText()))
    .toBe(`Join VIP Customers on WhatsApp: ${link}`);
});

test('two numbers in the conversation: the panel asks "Is this the customer?" and acts on nothing before', async ({ panel, extContext, store }) => {
  await openInbox(extContext, 'generic?chat=3');
  await useSite(panel);
  const which = card(panel).getByRole('group', { name: 'Is this the customer?' });
  await expect(which).toBeVisible();
  await expect(card(panel).getByRole('button', { name: 'Invite to…' })).toHaveCount(0);
  await which.getByRole('button', { name: '+91 98111 55667' }).click();
  await expect(card(panel).getByTestId('chat-number')).toHaveText('+91 98111 55667');
  expect((await store.log()).filter((r) => r.method === 'POST')).toEqual([]);
});

test('no reply box on the page: the link is copied, and the panel says to paste it', async ({ panel, extContext, store }) => {
  await openInbox(extContext, 'generic?chat=1&box=none');
  await useSite(panel);
  await card(panel).getByRole('button', { name: 'Send invite link…' }).click();
  await panel.page.getByRole('dialog', { name: "Put a group's link in the reply box" }).getByRole('button', { name: 'VIP Customers' }).click();
  await expect(card(panel)).toContainText('No reply box found: the link to VIP Customers is copied. Paste it with Ctrl+V.');
  const link = (await store.state()).groups.find((g) => g.subject === 'VIP Customers')!.invite_link;
  expect(await panel.clipboard()).toBe(`Join VIP Customers on WhatsApp: ${link}`);
});

test('a page the agent did not grant gets nothing and can send the background nothing', async ({ panel, extContext, store }) => {
  // The same fixture on the API's origin (127.0.0.1, plain http): not a site the panel offers or reads.
  const page = await extContext.newPage();
  await page.goto(`${SANDBOX_URL}/demo/inbox/generic?chat=1`);
  await expect.poll(async () => (await getChatInView(extContext))?.tabId).toBeDefined();
  const view = await getChatInView(extContext);
  expect(view).toMatchObject({ granted: false, site: null });
  expect(view.chat).toBeUndefined();
  await expect(panel.page.getByRole('region', { name: /This chat/ })).toHaveCount(0);
  await expect(panel.page.getByRole('button', { name: /^Use with/ })).toHaveCount(0);
  // A web page has no way to the extension: no runtime is exposed to it.
  expect(await page.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage)).toBe('undefined');
  expect((await store.log()).filter((r) => r.method === 'POST')).toEqual([]);
});

test('a hostile page cannot make the extension invite, insert or show markup', async ({ panel, extContext, store }) => {
  const hostile = await openInbox(extContext, 'hostile');
  await useSite(panel);
  // Only the number the agent can see; the name as plain text, never as an element.
  await expect(card(panel).getByTestId('chat-number')).toHaveText('+91 90000 00001');
  await expect(card(panel)).toContainText('<img src=x onerror="window.pwned=1">Eve');
  await expect(card(panel).locator('img')).toHaveCount(0);
  expect(await panel.page.evaluate(() => (globalThis as { pwned?: number }).pwned)).toBeUndefined();
  // Its script keeps posting messages shaped like the extension's own: nothing is inserted or sent.
  await hostile.waitForTimeout(1000);
  await expect(hostile.getByRole('textbox', { name: 'Reply' })).toHaveValue('');
  expect(await hostile.evaluate(() => (globalThis as { forgedSends?: number }).forgedSends)).toBe(0);
  expect((await store.log()).filter((r) => r.method !== 'GET')).toEqual([]);
  const view = await getChatInView(extContext);
  expect(view.chat.numbers).toEqual(['+919000000001']);
});

test('WhatsApp Web group chat: "This is a group chat", no member taken for the customer, nothing to invite', async ({ panel, extContext }) => {
  await openInbox(extContext, 'whatsapp?chat=group');
  await useSite(panel);
  await expect(card(panel)).toContainText('This is a group chat: it has no customer to invite.');
  await expect(card(panel)).not.toContainText('Diwali Sale Buyers');
  await expect(card(panel).getByTestId('chat-number')).toHaveCount(0);
  await expect(card(panel).getByRole('button', { name: 'Invite to…' })).toHaveCount(0);
  expect((await getChatInView(extContext)).chat).toEqual({ numbers: [], reader: 'whatsapp', sure: false, kind: 'group' });
});

test('WhatsApp Web @lid chat: says to open Contact info, then reads the number there once it is open', async ({ panel, extContext }) => {
  const inbox = await openInbox(extContext, 'whatsapp?chat=lid');
  await useSite(panel);
  await expect(card(panel)).toContainText('Kavya');
  await expect(card(panel)).toContainText('Open Contact info in WhatsApp to show the number.');
  await inbox.goto(`${INBOX_URL}/whatsapp?chat=lid-drawer`);
  await expect(card(panel).getByTestId('chat-number')).toHaveText('+91 99887 76655');
});

test('a hostile page draws one number and writes another (<bdo>): the panel asks instead of being sure', async ({ panel, extContext, store }) => {
  await openInbox(extContext, 'hostile?case=bdo');
  await useSite(panel);
  const which = card(panel).getByRole('group', { name: 'Is this the customer?' });
  await expect(which).toBeVisible();
  await expect(which.getByRole('button', { name: '+91 98765 01234' })).toBeVisible();
  await expect(card(panel).getByTestId('chat-number')).toHaveCount(0);
  await expect(card(panel).getByRole('button', { name: 'Invite to…' })).toHaveCount(0);
  expect((await getChatInView(extContext)).chat).toMatchObject({ numbers: ['+919876501234'], sure: false });
  expect((await store.log()).filter((r) => r.method !== 'GET')).toEqual([]);
});

test('a wa.me link in a customer\'s message under a name-only header is only asked about', async ({ panel, extContext }) => {
  await openInbox(extContext, 'hostile?case=wa-me');
  await useSite(panel);
  const which = card(panel).getByRole('group', { name: 'Is this the customer?' });
  await expect(which.getByRole('button', { name: '+91 91234 56780' })).toBeVisible();
  // That number and "None of these": not the site's support line in its banner.
  await expect(which.getByRole('button')).toHaveCount(2);
  await expect(card(panel).getByTestId('chat-number')).toHaveCount(0);
});

test('settings list the sites, and "Stop using" takes one back', async ({ panel, extContext, openPage }) => {
  await openInbox(extContext, 'generic?chat=1');
  await useSite(panel);
  await expect(card(panel).getByTestId('chat-number')).toHaveText('+91 98765 43210');
  const options = await openPage('options.html');
  const sites = options.getByRole('region', { name: 'Beside your inbox' });
  await sites.getByRole('button', { name: `Stop using ${SITE}` }).click();
  await expect(options.getByRole('status').filter({ hasText: `${SITE} is no longer read.` })).toBeVisible();
  await expect(sites).toContainText('No sites yet.');
  const worker = await serviceWorker(extContext);
  expect(await worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length)).toBe(0);
  // The panel stops reading the tab and offers the site again. (A production build also gives the browser's
  // grant back; this build's grant is part of its manifest, which the browser keeps: see tests/unit/inbox.test.ts.)
  await expect(panel.page.getByTestId('chat-number')).toHaveCount(0);
  await expect(panel.page.getByRole('button', { name: `Use with ${SITE}` })).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`${scheme}: the offer, This chat and the group picker pass axe`, async ({ panel, extContext }) => {
    await panel.page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await openInbox(extContext, 'generic?chat=1');
    await expect(panel.page.getByRole('button', { name: `Use with ${SITE}` })).toBeVisible();
    await expectAxeClean(panel.page, 'offer');
    await useSite(panel);
    await expect(card(panel).getByTestId('chat-number')).toBeVisible();
    await expectAxeClean(panel.page, 'this chat');
    await card(panel).getByRole('button', { name: 'Invite to…' }).click();
    await expect(panel.page.getByRole('dialog')).toBeVisible();
    await expectAxeClean(panel.page, 'group picker');
  });
}

async function expectAxeClean(page: Page, screen: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(violations.map((v) => `${screen}: ${v.id} ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function getChatInView(context: BrowserContext): Promise<any> {
  const worker = await serviceWorker(context);
  return worker.evaluate(async () => (await chrome.storage.session.get('chatInView')).chatInView ?? null);
}

test('"Not now" hides the offer on every site until settings bring it back', async ({ panel, extContext, openPage }) => {
  await openInbox(extContext, 'generic?chat=1');
  await panel.page.getByRole('button', { name: 'Hide this offer' }).click();
  await expect(panel.page.getByRole('button', { name: `Use with ${SITE}` })).toHaveCount(0);
  await expect(panel.rows.first()).toBeVisible(); // the list is untouched
  const options = await openPage('options.html');
  const offer = options.getByRole('switch', { name: 'Offer sites at the top of the panel' });
  await expect(offer).not.toBeChecked();
  await offer.check();
  await expect(panel.page.getByRole('button', { name: `Use with ${SITE}` })).toBeVisible();
});

test('a granted tab whose script never reported says to reload it, instead of reading forever', async ({ panel, extContext }) => {
  const worker = await serviceWorker(extContext);
  await worker.evaluate((site) => chrome.storage.session.set({ chatInView: { tabId: 999_999, addressKnown: true, site, granted: true } }), new URL(INBOX_URL).origin);
  await expect(card(panel)).toContainText('Reading the conversation…');
  await expect(card(panel)).toContainText('Nothing read from this tab yet. Reload the inbox page', { timeout: 6_000 });
});
