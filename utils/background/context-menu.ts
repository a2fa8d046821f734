/**
 * "Invite this number" on selected text and on phone links, and "Invite “‹selection›” to ‹group›".
 *
 * The rule: nothing is invited for a number the agent has not seen. A direct invite happens only when
 *  - the agent picked it on a selection (never on a link: a link's address is not what it shows),
 *  - the item's own title showed the selection (Chrome and Firefox put the selected text in for `%s`),
 *  - that selection is one clear international number, agreeing with the link it sits in, if any,
 *  - and the clicked frame confirms a person sees exactly those digits (no hidden text, no CSS-drawn digits,
 *    no bidi reordering, not moved by the page's `contextmenu` handler).
 * Anything else opens the panel's hand-off, which shows the number(s) before anything is sent.
 *
 * A click opens the side panel first and synchronously: an `await` before `sidePanel.open` loses the user
 * gesture and Chrome refuses to open it.
 */
import { i18n } from '#i18n';
import { browser, type Browser } from 'wxt/browser';
import { readGroupCache } from '../group-cache';
import { openPanel } from './open-panel';
import { clearInternationalNumber } from '../clear-number';
import type { SelectionSeen } from '../inbox';
import { handoffItem, recentGroupsItem, type Handoff } from '../storage';

export const MENU_INVITE = 'invite-number';
export const MENU_INVITE_TO = 'invite-to';
const LINK_PATTERNS = ['tel:*', 'https://wa.me/*', 'https://api.whatsapp.com/send*'];
/** Selections longer than this are cut, not parsed whole: a phone number is short. */
export const MAX_SELECTION = 200;

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
    browser.contextMenus.create({
      id: `${MENU_INVITE_TO}:${g!.id}`, parentId: MENU_INVITE_TO, title: i18n.t('menu.inviteNumberTo', ['%s', g!.subject.replaceAll('%s', '% s')]), contexts: ['selection'],
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
  /** The number needs the agent's eyes: the hand-off is waiting in the panel. */
  askToCheck: (text: string) => Promise<void>;
}

/**
 * The digits "Invite … to" may invite without asking, decided synchronously: a selection that is one clear
 * international number, inside no link or inside a phone link to the same number. Undefined: ask.
 */
export function directCandidate(info: Pick<MenuInfo, 'linkUrl' | 'selectionText'>): string | undefined {
  if (!info.selectionText) return undefined;
  const waId = clearInternationalNumber(info.selectionText.slice(0, MAX_SELECTION));
  if (!waId || !info.linkUrl) return waId;
  const linked = clearInternationalNumber(info.linkUrl);
  // A selection inside a tel:/wa.me link that calls another number: the page says two things.
  if (linked !== undefined && linked !== waId) return undefined;
  return waId;
}

/** Whether what a person sees is the number about to be invited, digit for digit, in written order. */
export function seenAs(seen: SelectionSeen | null, waId: string): boolean {
  return seen !== null && seen.plain && clearInternationalNumber(seen.text) === waId;
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
      void (async () => {
        if (seenAs(await handlers.seenSelection(tab.id!, info.frameId ?? 0), waId)) return handlers.inviteDirectly(groupId, waId);
        // The page shows something other than it selected. The gesture is spent, so the panel may not open
        // by itself: the hand-off waits there, and a notification says to look.
        await handoffItem.setValue({ text, at: Date.now(), source, groupId, unseen: true });
        openPanel(tab.windowId).catch(() => undefined);
        await handlers.askToCheck(text);
      })();
      return;
    }
    if (id.startsWith(MENU_INVITE)) handOver();
  };
}
