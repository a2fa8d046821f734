/**
 * "Invite this number" on selected text and on phone links, and "Invite “‹selection›” to ‹group›".
 *
 * The rule: nothing is invited for a number the agent has not seen. A direct invite happens only when
 *  - the agent picked it on a selection in the page itself (never on a link: a link's address is not what it
 *    shows; never in a text field or a frame, whose drawing the page around them controls),
 *  - the item's own title showed the whole selection (browsers put the selected text in for `%s`; Chromium
 *    cuts it at 50 characters and the whole title at 75, so the selection must be short and the subject fit),
 *  - that selection is one clear international number in ASCII digits, with no direction marks, agreeing with
 *    every number in the link it sits in, if any,
 *  - and the clicked frame confirms, digit by digit, that a person sees exactly those digits in that order, and
 *    that the selection is still the one the menu showed (entrypoints/selection.ts).
 * Anything else opens the panel's hand-off, which shows the number(s) before anything is sent.
 *
 * A click opens the side panel first and synchronously: an `await` before `sidePanel.open` loses the user
 * gesture and Chrome refuses to open it.
 */
import { i18n } from '#i18n';
import { browser, type Browser } from 'wxt/browser';
import { readGroupCache } from '../group-cache';
import { groupBlock } from '../group-state';
import { openPanel } from './open-panel';
import { clearInternationalNumber, decodeLoosely } from '../clear-number';
import type { SelectionSeen } from '../inbox';
import { handoffItem, recentGroupsItem, type Handoff } from '../storage';

export const MENU_INVITE = 'invite-number';
export const MENU_INVITE_TO = 'invite-to';
const LINK_PATTERNS = ['tel:*', 'https://wa.me/*', 'https://api.whatsapp.com/send*'];
/** Selections longer than this are cut, not parsed whole: a phone number is short. */
export const MAX_SELECTION = 200;
/** The longest selection "Invite “%s” to …" may invite directly: its title shows all of it. */
export const MAX_DIRECT_SELECTION = 40;
/** Chromium's cut of an extension menu item's title (kMaxExtensionItemTitleLength), the selection put in. */
const MAX_TITLE = 75;
/** Marks that steer the direction text is drawn in: a selection holding one is never invited without a look. */
const DIRECTION_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/;
const digitsOf = (text: string) => text.replace(/\D/g, '');

type MenuInfo = Browser.contextMenus.OnClickData;
type Tab = Browser.tabs.Tab | undefined;

/** The raw text of a click: the selection, else the link (for tel: and wa.me links), cut to a sane length. */
export function clickedText(info: Pick<MenuInfo, 'linkUrl' | 'selectionText'>): string {
  return (info.selectionText || info.linkUrl || '').slice(0, MAX_SELECTION);
}

/** (Re)builds the menu: the main item plus an "Invite to" submenu of recent groups, on selections only. */
export async function buildMenus() {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_INVITE, title: i18n.t('menu.invite'), contexts: ['selection'] });
  try {
    browser.contextMenus.create({
      id: `${MENU_INVITE}:link`, title: i18n.t('menu.invite'), contexts: ['link'], targetUrlPatterns: LINK_PATTERNS,
    });
  } catch {
    // Firefox refuses the tel: pattern: offer the item on WhatsApp links only.
    browser.contextMenus.create({
      id: `${MENU_INVITE}:link`, title: i18n.t('menu.invite'), contexts: ['link'], targetUrlPatterns: LINK_PATTERNS.slice(1),
    });
  }
  const [recent, cache] = await Promise.all([recentGroupsItem.getValue(), readGroupCache()]);
  const groups = recent.map((id) => cache.groups.find((g) => g.id === id)).filter((g) => g && !g.suspended);
  if (groups.length === 0) return;
  // Selections only, and the selection in each title ("%s"): the agent reads the number before the click.
  browser.contextMenus.create({ id: MENU_INVITE_TO, title: i18n.t('menu.inviteTo'), contexts: ['selection'] });
  for (const g of groups.slice(0, 6)) {
    // A full group stays listed, marked and greyed out: the agent sees why before any click, and nothing is sent.
    const full = groupBlock(g!) === 'full';
    browser.contextMenus.create({
      id: `${MENU_INVITE_TO}:${g!.id}`, parentId: MENU_INVITE_TO, title: inviteToTitle(g!.subject, full), contexts: ['selection'], enabled: !full,
    });
  }
}

/** Registers the menu's listeners (synchronously, with the worker's first turn) and keeps its groups current. */
export function registerContextMenu(handlers: MenuHandlers) {
  browser.runtime.onInstalled.addListener(() => void buildMenus());
  browser.contextMenus.onClicked.addListener(createMenuClickHandler(handlers));
  recentGroupsItem.watch(() => void buildMenus());
}

export interface MenuHandlers {
  /** "Invite to <group>" with one clear, seen number (its digits): invite directly, report by notification. */
  inviteDirectly: (groupId: string, waId: string) => Promise<void>;
  /** What a person sees of the selection in the clicked frame; null when the page cannot be read. */
  seenSelection: (tabId: number, frameId: number) => Promise<SelectionSeen | null>;
  /** The number needs the agent's eyes: the hand-off is waiting in the panel of that window. */
  askToCheck: (text: string, windowId?: number) => Promise<void>;
}

/**
 * "Invite “%s” to ‹subject›" (with "— full" when the group is full), the subject cut so that a selection of
 * MAX_DIRECT_SELECTION characters and the mark still show whole within Chromium's 75; a subject's own "%s" is
 * not taken for the selection.
 */
export function inviteToTitle(subject: string, full = false): string {
  const title = (selection: string, name: string) =>
    full ? i18n.t('menu.inviteNumberToFull', [selection, name]) : i18n.t('menu.inviteNumberTo', [selection, name]);
  const room = MAX_TITLE - title('', '').length - MAX_DIRECT_SELECTION;
  const cut = subject.length > room ? `${subject.slice(0, room - 1)}…` : subject;
  return title('%s', cut.replaceAll('%s', '% s'));
}

type ClickFacts = Pick<MenuInfo, 'linkUrl' | 'selectionText' | 'editable' | 'frameId'>;

/**
 * The digits "Invite … to" may invite without asking, decided synchronously (the gesture must still be there
 * for the panel when the answer is no). Undefined: ask.
 */
export function directCandidate(info: ClickFacts): string | undefined {
  const selected = info.selectionText ?? '';
  if (!selected || info.editable || (info.frameId ?? 0) !== 0) return undefined;
  if (selected.length > MAX_DIRECT_SELECTION || /[\r\n]/.test(selected) || DIRECTION_MARKS.test(selected)) return undefined;
  // Digits of other scripts are read by the panel, with full metadata: here they could be dropped unseen.
  if (/\p{Nd}/u.test(selected.replace(/[0-9]/g, ''))) return undefined;
  const waId = clearInternationalNumber(selected);
  if (!waId || !info.linkUrl) return waId;
  // Inside a link that names any other number (tel:, wa.me, ?phone=…, sms:): the page says two things.
  const linked = decodeLoosely(info.linkUrl).match(/\d[\d\s().\-]{6,}\d/g)?.map(digitsOf) ?? [];
  return linked.every((n) => n === waId) ? waId : undefined;
}

/**
 * Whether what a person sees is the number about to be invited, digit for digit, in written order, and the
 * selection is still the one the menu showed (a page may move it between the click and the look).
 */
export function seenAs(seen: SelectionSeen | null, waId: string, selectionText: string): boolean {
  return seen !== null && seen.plain && clearInternationalNumber(seen.text) === waId && digitsOf(seen.dom) === digitsOf(selectionText);
}

/** The click handler. Must stay synchronous up to `sidePanel.open`. */
export function createMenuClickHandler(handlers: MenuHandlers) {
  return (info: MenuInfo, tab: Tab) => {
    const id = String(info.menuItemId);
    const text = clickedText(info);
    const source: Handoff['source'] = info.selectionText ? 'selection' : 'link';
    const handOver = (groupId?: string) => {
      // First, before any await: this call needs the user gesture of the click.
      openPanel(tab?.windowId).catch(() => undefined); // already open: fine
      void handoffItem.setValue({ text, at: Date.now(), source, ...(groupId ? { groupId } : {}) });
    };
    if (id.startsWith(`${MENU_INVITE_TO}:`)) {
      const groupId = id.slice(MENU_INVITE_TO.length + 1);
      const waId = directCandidate(info);
      if (!waId || tab?.id === undefined) return handOver(groupId);
      const at = Date.now();
      void (async () => {
        const seen = await handlers.seenSelection(tab.id!, 0);
        if (seenAs(seen, waId, text)) return handlers.inviteDirectly(groupId, waId);
        // The page shows something other than it selected, or could not be read. The gesture is spent, so the
        // panel may not open by itself: the hand-off waits there, and a notification says to look.
        const newer = await handoffItem.getValue();
        if (newer && newer.at > at) return; // the agent picked again meanwhile: that one stands
        await handoffItem.setValue({ text, at, source, groupId, check: seen ? 'unseen' : 'unreadable' });
        openPanel(tab.windowId).catch(() => undefined);
        await handlers.askToCheck(text, tab.windowId);
      })();
      return;
    }
    if (id.startsWith(MENU_INVITE)) handOver();
  };
}
