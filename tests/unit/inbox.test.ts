// Beside the inbox: what a page's script may report, how the background takes it, the sites the agent grants
// (the browser's prompt is the page's to ask: the request path is covered here, the prompt itself in e2e
// builds is pre-answered), and the panel's "This chat" model over a fake transport.
import { signal } from '@preact/signals';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { acceptChatReport } from '../../utils/background/inbox/chat-report';
import { chatInView } from '../../utils/background/inbox/chat-in-view';
import { inboxHandlers } from '../../utils/background/inbox/handlers';
import { forgetSite, syncInboxScript, useSite } from '../../utils/background/inbox/sites';
import { compactNumber, mergeNumbers, normaliseDigits, numberFromLink, phoneNumbersIn, plainName } from '../../utils/content/phone-text';
import { numberInUrl } from '../../utils/content/readers/generic';
import { chatOfMessageId } from '../../utils/content/readers/whatsapp-web';
import { validateConfig } from '../../utils/config';
import { DEFAULT_SETTINGS } from '../../utils/config';
import type { ActivityEntry, Group, JoinRequest } from '../../utils/domain';
import { CHAT_MESSAGE, INBOX_SCRIPT_ID, LIMITS, offerableOrigin, type ChatInView } from '../../utils/inbox';
import type { MessageName } from '../../utils/messaging';
import { createChatModel } from '../../utils/panel/chat-model';
import { linkMessage } from '../../utils/panel/link-message';
import { createPort, type Transport } from '../../utils/panel/port';
import type { Result } from '../../utils/result';
import { activityItem, chatInViewItem, inboxSitesItem, knownMembersItem } from '../../utils/storage';

const SITE = 'https://inbox.example.com';

beforeEach(() => fakeBrowser.reset());

describe('numbers on a page (content script, no phone metadata)', () => {
  it('compacts phone-like text and keeps a written +', () => {
    expect(compactNumber(' +91 98765-43210 ')).toBe('+919876543210');
    expect(compactNumber('(020) 7946 0958')).toBe('02079460958');
    expect(compactNumber('1234567')).toBeNull(); // too short for a phone number
    expect(compactNumber('1234567890123456')).toBeNull(); // longer than E.164
  });

  it('finds each number once, in order, reading no further than asked', () => {
    expect(phoneNumbersIn('Call +91 98765 43210 or +91 98765 43210, alt 020 7946 0958')).toEqual(['+919876543210', '02079460958']);
    expect(phoneNumbersIn(`${'x'.repeat(3000)} +91 98765 43210`)).toEqual([]);
  });

  it('reads tel: and WhatsApp links (wa.me numbers are international)', () => {
    expect(numberFromLink('tel:+91%2098765%2043210')).toBe('+919876543210');
    expect(numberFromLink('https://wa.me/447911123456?text=hi')).toBe('+447911123456');
    expect(numberFromLink('https://api.whatsapp.com/send?phone=919876543210')).toBe('+919876543210');
    expect(numberFromLink('https://example.com/919876543210')).toBeNull();
    expect(numberFromLink('not a url')).toBeNull();
  });

  it('merges candidates without repeats and caps them', () => {
    expect(mergeNumbers(['+919876543210'], ['919876543210', '+447911123456'])).toEqual(['+919876543210', '+447911123456']);
    expect(mergeNumbers(Array.from({ length: 9 }, (_, i) => `+9198765432${10 + i}`))).toHaveLength(LIMITS.numbers);
  });

  it('keeps a name as short plain text', () => {
    expect(plainName('  Priya\n\tSharma ')).toBe('Priya Sharma');
    expect(plainName('x'.repeat(500))).toHaveLength(LIMITS.nameChars);
    expect(plainName('   ')).toBeUndefined();
  });

  it('takes a number from the address only where it cannot be an id', () => {
    expect(numberInUrl('https://inbox.example.com/chats/+919876543210')).toBe('+919876543210');
    expect(numberInUrl('https://inbox.example.com/chat?phone=%2B919876543210')).toBe('+919876543210');
    expect(numberInUrl('https://inbox.example.com/chat?phone=+919876543210')).toBe('+919876543210');
    expect(numberInUrl('https://inbox.example.com/chat?wa_id=919876543210')).toBe('919876543210');
    expect(numberInUrl('https://inbox.example.com/conversations/123456789')).toBeNull();
    expect(numberInUrl('https://inbox.example.com/orders/2024011512?id=919876543210')).toBeNull();
    expect(numberInUrl('https://inbox.example.com/a/+919876543210/b/+447911123456')).toBeNull(); // two: not sure
  });

  it('takes query values only under keys that name a phone, not contact or number (ids, orders)', () => {
    for (const key of ['phone', 'mobile', 'msisdn', 'whatsapp', 'wa_id', 'phone_number', 'contactPhone']) {
      expect(numberInUrl(`https://inbox.example.com/c?${key}=919876543210`), key).toBe('919876543210');
    }
    for (const key of ['contact', 'number', 'tel', 'id', 'customer']) {
      expect(numberInUrl(`https://inbox.example.com/c?${key}=9123456780`), key).toBeNull();
      expect(numberInUrl(`https://inbox.example.com/c?${key}=%2B919123456780`), key).toBeNull();
    }
  });

  it('normalises what real inboxes write before matching: direction marks, no-break spaces and hyphens, other digits', () => {
    const cases: [string, string][] = [
      ['\u202a+91\u00a098765\u00a043210\u202c', '+919876543210'], // WhatsApp Web
      ['+91\u202f98765\u201143210', '+919876543210'], // narrow no-break space, no-break hyphen
      ['+٩١ ٩٨٧٦٥ ٤٣٢١٠', '+919876543210'], // Arabic-Indic
      ['۰۹۱۲ ۳۴۵ ۶۷۸۹', '09123456789'], // Persian
      ['＋９１ ９８７６５ ４３２１０', '+919876543210'], // fullwidth
      ['\u200e+44 7911 123456\u200f', '+447911123456'],
    ];
    for (const [written, number] of cases) {
      expect(compactNumber(written), JSON.stringify(written)).toBe(number);
      expect(phoneNumbersIn(`Call ${written} today`), JSON.stringify(written)).toEqual([number]);
    }
    expect(normaliseDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ ０１２３４５６７８９')).toBe('0123456789 0123456789 0123456789');
    expect(plainName('\u202aPriya\u202c')).toBe('Priya');
  });

  it('reads WhatsApp Web message ids: only a chat ending @c.us is a person, groups and privacy ids say so', () => {
    expect(chatOfMessageId('false_919876543210@c.us_3EB0C4F1')).toEqual({ kind: 'person', number: '+919876543210' });
    expect(chatOfMessageId('true_919876543210@c.us_3EB0C4F2')).toEqual({ kind: 'person', number: '+919876543210' });
    // A group message ends with the member who wrote it: that member is not the customer.
    expect(chatOfMessageId('false_120363025246125486@g.us_3EB0AA01_919811122233@c.us')).toEqual({ kind: 'group' });
    expect(chatOfMessageId('true_120363407443598263@g.us_3EB0A878_255524885028964@lid')).toEqual({ kind: 'group' });
    expect(chatOfMessageId('false_104857600123456@lid_3EB0D1A1')).toEqual({ kind: 'numberHidden' });
    expect(chatOfMessageId('false_120363000000000001@newsletter_ABC')).toEqual({ kind: 'other' });
    expect(chatOfMessageId('not an id')).toBeNull();
    expect(chatOfMessageId('false_12@c.us_3EB0')).toBeNull(); // too short to be a number
  });
});

describe('sites the panel may be offered on', () => {
  it('offers https sites and local http only', () => {
    expect(offerableOrigin('https://app.zoko.io/inbox/1')).toBe('https://app.zoko.io');
    expect(offerableOrigin('http://localhost:3000/x')).toBe('http://localhost:3000');
    expect(offerableOrigin('http://shop.example.com/')).toBeNull();
    expect(offerableOrigin('chrome://extensions')).toBeNull();
    expect(offerableOrigin('nonsense')).toBeNull();
    expect(offerableOrigin(undefined)).toBeNull();
  });
});

describe('the one message a page script may send', () => {
  const chat = { numbers: ['+919876543210'], name: 'Priya', reader: 'page', sure: true };
  const message = { kind: CHAT_MESSAGE, chat };
  const sender = { id: fakeBrowser.runtime.id, url: `${SITE}/chat/1`, origin: SITE, frameId: 0, tab: { id: 7 } };

  beforeEach(() => inboxSitesItem.setValue([SITE]));

  it('is taken from the top frame of a tab on a granted site', async () => {
    expect(await acceptChatReport(message, sender)).toEqual({ tabId: 7, chat });
    expect(await acceptChatReport({ kind: CHAT_MESSAGE, chat: null }, sender)).toEqual({ tabId: 7, chat: null });
  });

  it('is dropped from anywhere else', async () => {
    expect(await acceptChatReport(message, { ...sender, origin: 'https://evil.example', url: 'https://evil.example/' })).toBeNull();
    expect(await acceptChatReport(message, { ...sender, frameId: 3 })).toBeNull(); // an iframe inside the inbox
    expect(await acceptChatReport(message, { ...sender, tab: undefined })).toBeNull();
    expect(await acceptChatReport(message, { ...sender, id: 'another-extension' })).toBeNull();
    await inboxSitesItem.setValue([]);
    expect(await acceptChatReport(message, sender)).toBeNull(); // the agent stopped using the site
  });

  it('carries the kind of chat: a group or a hidden number, with no number to be sure of', async () => {
    const group = { numbers: [], reader: 'whatsapp', sure: false, kind: 'group' };
    expect(await acceptChatReport({ kind: CHAT_MESSAGE, chat: group }, sender)).toEqual({ tabId: 7, chat: group });
    const hidden = { numbers: [], name: 'Kavya', reader: 'whatsapp', sure: false, kind: 'numberHidden' };
    expect(await acceptChatReport({ kind: CHAT_MESSAGE, chat: hidden }, sender)).toEqual({ tabId: 7, chat: hidden });
    for (const chat of [{ ...group, numbers: ['+919811122233'] }, { ...hidden, sure: true }, { ...group, kind: 'channel' }]) {
      expect(await acceptChatReport({ kind: CHAT_MESSAGE, chat }, sender), JSON.stringify(chat)).toBeNull();
    }
  });

  it('is dropped when it is not exactly its shape, or too big', async () => {
    const bad = [
      { ...message, extra: 1 },
      { kind: CHAT_MESSAGE, chat: { ...chat, numbers: ['<b>1</b>'] } },
      { kind: CHAT_MESSAGE, chat: { ...chat, numbers: Array(6).fill('+919876543210') } },
      { kind: CHAT_MESSAGE, chat: { ...chat, name: 'a\u0000b' } },
      { kind: CHAT_MESSAGE, chat: { ...chat, name: 'x'.repeat(81) } },
      { kind: CHAT_MESSAGE, chat: { ...chat, reader: 'evil' } },
      { kind: CHAT_MESSAGE, chat: { ...chat, insert: 'text' } },
      { kind: CHAT_MESSAGE, chat, padding: 'x'.repeat(LIMITS.messageChars) },
    ];
    for (const m of bad) expect(await acceptChatReport(m, sender), JSON.stringify(m).slice(0, 80)).toBeNull();
  });
});

describe('granting and forgetting a site (background)', () => {
  let granted: Set<string>;
  let registered: { id: string; matches: string[] }[];
  beforeEach(() => {
    granted = new Set();
    registered = [];
    Object.assign(fakeBrowser.permissions, {
      contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o))),
      remove: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.delete(o))),
    });
    Object.assign(fakeBrowser.scripting, {
      getRegisteredContentScripts: vi.fn(async () => registered),
      registerContentScripts: vi.fn(async (s: typeof registered) => void registered.push(...s)),
      updateContentScripts: vi.fn(async (s: typeof registered) => void (registered = s)),
      unregisterContentScripts: vi.fn(async () => void (registered = [])),
      executeScript: vi.fn(async () => []),
    });
    Object.assign(fakeBrowser.tabs, { query: vi.fn(async () => [{ id: 4 }]) });
  });

  it('uses a site the browser granted: one script for exactly the granted sites, and open tabs get it now', async () => {
    granted.add(`${SITE}/*`);
    expect(await useSite(SITE)).toEqual([SITE]);
    expect(registered).toEqual([expect.objectContaining({ id: INBOX_SCRIPT_ID, matches: [`${SITE}/*`] })]);
    expect(fakeBrowser.scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 4 }, files: ['/inbox.js'] });
  });

  it('refuses a site the browser did not grant, and one that cannot be offered', async () => {
    await expect(useSite(SITE)).rejects.toMatchObject({ data: { kind: 'forbidden' } });
    await expect(useSite('http://shop.example.com')).rejects.toMatchObject({ data: { kind: 'invalidInput' } });
    expect(await inboxSitesItem.getValue()).toEqual([]);
    expect(registered).toEqual([]);
  });

  it('forgets a site: the script goes and the browser\'s grant is given back', async () => {
    granted.add(`${SITE}/*`);
    await useSite(SITE);
    expect(await forgetSite(SITE)).toEqual([]);
    expect(registered).toEqual([]);
    expect(fakeBrowser.permissions.remove).toHaveBeenCalledWith({ origins: [`${SITE}/*`] });
  });

  it('drops sites whose permission the agent took back in the browser', async () => {
    granted.add(`${SITE}/*`).add('https://other.example/*');
    await useSite(SITE);
    await useSite('https://other.example');
    granted.delete(`${SITE}/*`);
    await syncInboxScript();
    expect(await inboxSitesItem.getValue()).toEqual(['https://other.example']);
    expect(registered[0]!.matches).toEqual(['https://other.example/*']);
  });
});

const ok = <T>(data: T): Result<T> => ({ ok: true, data });
const group = (id: string, subject: string, inviteLink = `https://chat.whatsapp.com/${id}Link0000000000`): Group => ({
  id, whatsappGroupId: '', subject, inviteLink, autoApproval: false, participantCount: 1, createdAt: '', updatedAt: '',
});

function chatSetup(view: ChatInView | null, answers: Partial<Record<MessageName, (data: any) => Result<unknown>>> = {}) {
  const asked: { name: MessageName; data: unknown }[] = [];
  const transport = (async (name: MessageName, data: unknown) => {
    asked.push({ name, data });
    return answers[name]?.(data) ?? (name === 'refreshChatInView' ? ok(view) : ok(null));
  }) as Transport;
  const port = { ...createPort(transport), copy: vi.fn(async () => true) };
  const access = { site: vi.fn(async () => true), tabAddresses: vi.fn(async () => true) };
  const people = signal<Record<string, JoinRequest[]>>({});
  const groups = [group('g1', 'VIP Customers'), group('g2', 'Wholesale Buyers', '')];
  const model = createChatModel(port, {
    groups: () => groups, recent: () => ['g2'], people, country: () => 'IN', linkTemplate: () => undefined, access,
  });
  return { model, asked, access, people, port, groups };
}

const granted = (numbers: string[], sure = numbers.length === 1): ChatInView => ({
  tabId: 3, addressKnown: true, site: SITE, granted: true, chat: { numbers, name: 'Priya', reader: 'page', sure },
});

describe('"This chat" (panel model)', () => {
  it('asks the browser for the site first, and tells the background only if the agent allowed it', async () => {
    const { model, asked, access } = chatSetup({ tabId: 3, addressKnown: true, site: SITE, granted: false });
    await model.start();
    access.site.mockResolvedValueOnce(false);
    await model.useSite(SITE);
    expect(access.site).toHaveBeenCalledWith(SITE);
    expect(model.offerError.value).toBe('Access was not allowed, so nothing on that site is read.');
    expect(asked.map((a) => a.name)).not.toContain('useSite');
    await model.useSite(SITE);
    expect(asked).toContainEqual({ name: 'useSite', data: { origin: SITE } });
    expect(model.offerError.value).toBeNull();
  });

  it('asks to see tab addresses before it can offer a site, and says so when refused', async () => {
    const { model, access } = chatSetup({ tabId: 3, addressKnown: false, site: null, granted: false });
    await model.start();
    access.tabAddresses.mockResolvedValueOnce(false);
    await model.allowTabAddresses();
    expect(model.offerError.value).toMatch(/cannot offer it/);
  });

  it('knows the customer only when the reader is sure; otherwise asks, even about one number', async () => {
    const one = chatSetup(granted(['+919876501234'], false)); // e.g. drawn through a <bdo>
    await one.model.start();
    await vi.waitFor(() => expect(one.model.candidates.value).toEqual(['919876501234']));
    expect(one.model.customer.value).toBeNull();
    expect(one.model.unsure.value).toBe(true);
    one.model.choose('919876501234');
    expect(one.model.customer.value?.waId).toBe('919876501234');

    const sure = chatSetup(granted(['+919876543210', '+447911123456'], true));
    await sure.model.start();
    await vi.waitFor(() => expect(sure.model.customer.value).toEqual({ waId: '919876543210', name: 'Priya' }));

    const unsure = chatSetup(granted(['+919876543210', '+447911123456']));
    await unsure.model.start();
    await vi.waitFor(() => expect(unsure.model.candidates.value).toHaveLength(2));
    expect(unsure.model.customer.value).toBeNull();
    expect(unsure.model.unsure.value).toBe(true);
    unsure.model.choose('447911123456');
    expect(unsure.model.customer.value?.waId).toBe('447911123456');
    unsure.model.choose(null); // "None of these": no customer, and the question is answered
    expect(unsure.model.customer.value).toBeNull();
    expect(unsure.model.unsure.value).toBe(false);
  });

  it('says what is known: waiting, member, invited before', async () => {
    await knownMembersItem.setValue({ g2: ['919876543210'] });
    await activityItem.setValue([{ at: 1, action: 'invite', groupId: 'g1', subject: 'VIP Customers', who: ['+919876543210'], outcome: 'done' } satisfies ActivityEntry]);
    const { model, people } = chatSetup(granted(['+91 98765 43210']));
    people.value = { g1: [{ id: 'r1', waId: '919876543210', name: 'Priya', customerId: '', createdAt: 1 }] };
    await model.start();
    await vi.waitFor(() => expect(model.known.value).toEqual({ waiting: ['VIP Customers'], memberOf: ['Wholesale Buyers'], invitedTo: ['VIP Customers'] }));
  });

  it('offers the recently used groups first', async () => {
    const { model } = chatSetup(null);
    expect(model.choices.value.map((g) => g.id)).toEqual(['g2', 'g1']);
  });

  it('puts the link in the reply box, or on the clipboard with a sentence when there is none', async () => {
    const inserted = chatSetup(granted(['+919876543210']), { insertIntoChat: () => ok({ inserted: true }) });
    await inserted.model.start();
    await inserted.model.sendLink(inserted.groups[0]!);
    expect(inserted.asked).toContainEqual({ name: 'insertIntoChat',
      data: { text: 'Join VIP Customers on WhatsApp: https://chat.whatsapp.com/g1Link0000000000', tabId: 3, numbers: ['+919876543210'] } });
    expect(inserted.model.status.value).toEqual({ tone: 'ok', text: 'The link to VIP Customers is in the reply box. Check it, then send.' });

    const none = chatSetup(granted(['+919876543210']), { insertIntoChat: () => ok({ inserted: false }) });
    await none.model.sendLink(none.groups[0]!);
    expect(none.port.copy).toHaveBeenCalledWith('Join VIP Customers on WhatsApp: https://chat.whatsapp.com/g1Link0000000000');
    expect(none.model.status.value?.text).toContain('No reply box found');

    // A reply box whose editor refused the text: said as such, not "no reply box".
    const refused = chatSetup(granted(['+919876543210']), { insertIntoChat: () => ok({ inserted: false, found: true }) });
    await refused.model.sendLink(refused.groups[0]!);
    expect(refused.port.copy).toHaveBeenCalled();
    expect(refused.model.status.value?.text).toBe('The reply box did not take the link to VIP Customers: it is copied. Paste it with Ctrl+V.');
  });

  it('when the background sees another chat than the panel meant, nothing is copied either, and it says the chat changed', async () => {
    const moved = chatSetup(granted(['+919876543210']), { insertIntoChat: () => ok({ inserted: false, changed: true }) });
    await moved.model.start();
    await moved.model.sendLink(moved.groups[0]!);
    expect(moved.port.copy).not.toHaveBeenCalled();
    expect(moved.model.status.value?.text).toContain('The chat changed before the pick');
  });

  it('reads a link the list does not have, and says when there is none', async () => {
    const { model, asked } = chatSetup(granted(['+919876543210']), { getInviteLink: () => ok('') });
    await model.sendLink(group('g2', 'Wholesale Buyers', ''));
    expect(asked.map((a) => a.name)).toEqual(['getInviteLink']);
    expect(model.status.value).toEqual({ tone: 'error', text: 'Wholesale Buyers has no invite link to send yet. Open the group and reset its link.' });
  });

  it('invites the customer and says what happened', async () => {
    const { model, asked } = chatSetup(granted(['+919876543210']), {
      inviteMembers: () => ok({ sent: ['919876543210'], skipped: [], failed: [] }),
    });
    await model.start();
    await vi.waitFor(() => expect(model.customer.value).not.toBeNull());
    await model.invite(group('g1', 'VIP Customers'));
    expect(asked).toContainEqual({ name: 'inviteMembers', data: { id: 'g1', phoneNumbers: ['919876543210'] } });
    expect(model.status.value).toEqual({ tone: 'ok', text: 'Invitation sent to +91 98765 43210 for VIP Customers.' });
  });
});

describe('the message around a link', () => {
  it('fills the agent\'s template, or the locale\'s', () => {
    expect(linkMessage(undefined, 'VIP', 'L')).toBe('Join VIP on WhatsApp: L');
    expect(linkMessage('Hi! {link} ({group})', 'VIP', 'L')).toBe('Hi! L (VIP)');
    expect(linkMessage('no link here', 'VIP', 'L')).toBe('Join VIP on WhatsApp: L');
  });

  it('is checked in settings: it keeps {link}, within 500 characters', () => {
    const check = (linkMessage: string) => validateConfig({ settings: { ...DEFAULT_SETTINGS, linkMessage } }, true).linkMessage;
    expect(check('')).toBeUndefined();
    expect(check('Join {group}: {link}')).toBeUndefined();
    expect(check('Join {group}')).toMatch(/Keep \{link\}/);
    expect(check(`{link}${'x'.repeat(500)}`)).toBeDefined();
  });
});


describe('the chat in view (background)', () => {
  type Tab = { id: number; url?: string; status?: string; active?: boolean };
  let tabs: Tab[];
  let ownTabs: number[];
  beforeEach(async () => {
    tabs = [];
    ownTabs = [];
    Object.assign(fakeBrowser.tabs, {
      get: vi.fn(async (id: number) => {
        const tab = tabs.find((t) => t.id === id);
        if (!tab) throw new Error('No tab');
        return tab;
      }),
      query: vi.fn(async () => tabs.filter((t) => t.active)),
    });
    Object.assign(fakeBrowser.runtime, { getContexts: vi.fn(async () => ownTabs.map((tabId) => ({ tabId }))) });
    await inboxSitesItem.setValue([SITE]);
  });
  const view = () => chatInViewItem.getValue();
  const priya = { numbers: ['+919876543210'], name: 'Priya', reader: 'page' as const, sure: true };

  it('follows the active tab, with what its script reported on a granted site', async () => {
    tabs.push({ id: 1, url: `${SITE}/c/1`, status: 'complete' }, { id: 2, url: 'https://shop.example/', status: 'complete' });
    await chatInView.report({ tabId: 1, chat: priya });
    expect(await view()).toEqual({ tabId: 1, addressKnown: true, site: SITE, granted: true, chat: priya });
    chatInView.onActivated({ tabId: 2 });
    await vi.waitFor(async () => expect(await view()).toEqual({ tabId: 2, addressKnown: true, site: 'https://shop.example', granted: false }));
    // A report from a tab not in view is kept for later, not shown.
    await chatInView.report({ tabId: 1, chat: { ...priya, name: 'Priya S.' } });
    expect((await view())?.tabId).toBe(2);
    chatInView.onActivated({ tabId: 1 });
    await vi.waitFor(async () => expect((await view())?.chat?.name).toBe('Priya S.'));
  });

  it('never takes one of the extension\'s own tabs for a chat, even one shown while it loaded', async () => {
    tabs.push({ id: 1, url: `${SITE}/c/1`, status: 'complete' }, { id: 3, status: 'complete' }); // address hidden
    await chatInView.report({ tabId: 1, chat: priya });
    chatInView.onActivated({ tabId: 3 });
    await vi.waitFor(async () => expect((await view())?.tabId).toBe(3)); // not known yet to be ours
    ownTabs.push(3);
    chatInView.onUpdated(3, { status: 'complete' }, { active: true });
    await vi.waitFor(async () => expect((await view())?.tabId).toBe(1));
  });

  it('says when the address is not visible, and forgets a closed tab', async () => {
    tabs.push({ id: 4, status: 'complete' });
    chatInView.onActivated({ tabId: 4 });
    await vi.waitFor(async () => expect(await view()).toEqual({ tabId: 4, addressKnown: false, site: null, granted: false }));
    chatInView.onRemoved(4);
    await vi.waitFor(async () => expect(await view()).toBeNull());
  });
});

describe('putting text into the reply box (background)', () => {
  const view = (tabId: number, numbers: string[]): ChatInView => ({
    tabId, addressKnown: true, site: SITE, granted: true, chat: { numbers, name: 'Priya', reader: 'page', sure: true },
  });

  it.each([
    ['another tab is in view', view(4, ['+919876543210'])],
    ['the same tab now shows another customer', view(3, ['+447911123456'])],
  ])('refuses when %s than the panel meant, and sends the page nothing', async (_case, now) => {
    await chatInViewItem.setValue(now);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage');
    const reply = await inboxHandlers.insertIntoChat({ text: 'Join VIP', tabId: 3, numbers: ['+919876543210'] });
    expect(reply).toEqual({ inserted: false, changed: true });
    expect(send).not.toHaveBeenCalled();
  });
});
