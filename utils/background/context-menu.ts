/**
 * "Invite this number" on selected text and on phone links. The click opens the side panel first and
 * synchronously (an `await` before `sidePanel.open` loses the user gesture and Chrome refuses to open it),
 * then hands the raw text to the panel through session storage. "Invite to" lists recent groups and invites
 * directly, reporting by notification.
 */
import { i18n } from '#i18n';
import { browser, type Browser } from 'wxt/browser';
import { readGroupCache } from '../group-cache';
import { openPanel } from './open-panel';
import { clearInternationalNumber } from '../clear-number';
import { handoffItem, recentGroupsItem } from '../storage';

export const MENU_INVITE = 'invite-number';
export const MENU_INVITE_TO = 'invite-to';
const LINK_PATTERNS = ['tel:*', 'https://wa.me/*', 'https://api.whatsapp.com/send*'];
/** Selections longer than this are cut, not parsed whole: a phone number is short. */
export const MAX_SELECTION = 200;

type MenuInfo = Browser.contextMenus.OnClickData;
type Tab = Browser.tabs.Tab | undefined;

/** The raw text of a click: the link (for tel: and wa.me links) or the selection, cut to a sane length. */
export function clickedText(info: Pick<MenuInfo, 'linkUrl' | 'selectionText'>): string {
  return (info.selectionText || info.linkUrl || '').slice(0, MAX_SELECTION);
}

/** (Re)builds the menu: the main item plus an "Invite to" submenu of recent groups. */
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
  browser.contextMenus.create({ id: MENU_INVITE_TO, title: i18n.t('menu.inviteTo'), contexts: ['selection', 'link'] });
  for (const g of groups.slice(0, 6)) {
    browser.contextMenus.create({ id: `${MENU_INVITE_TO}:${g!.id}`, parentId: MENU_INVITE_TO, title: g!.subject, contexts: ['selection', 'link'] });
  }
}

/** Registers the menu's listeners (synchronously, with the worker's first turn) and keeps its groups current. */
export function registerContextMenu(handlers: MenuHandlers) {
  browser.runtime.onInstalled.addListener(() => void buildMenus());
  browser.contextMenus.onClicked.addListener(createMenuClickHandler(handlers));
  recentGroupsItem.watch(() => void buildMenus());
}

export interface MenuHandlers {
  /** "Invite to <group>" with one clear number (its digits): invite directly, report by notification. */
  inviteDirectly: (groupId: string, waId: string) => Promise<void>;
}

/** The click handler. Must stay synchronous up to `sidePanel.open`. */
export function createMenuClickHandler(handlers: MenuHandlers) {
  return (info: MenuInfo, tab: Tab) => {
    const id = String(info.menuItemId);
    const text = clickedText(info);
    const handOver = (groupId?: string) => {
      // First, before any await: this call needs the user gesture of the click.
      openPanel(tab?.windowId).catch(() => undefined); // already open: fine
      void handoffItem.setValue({ text, at: Date.now(), ...(groupId ? { groupId } : {}) });
    };
    if (id.startsWith(`${MENU_INVITE_TO}:`)) {
      const groupId = id.slice(MENU_INVITE_TO.length + 1);
      // Decided synchronously, so that an unclear selection can still open the panel within the gesture.
      // Only one clear number is invited without asking; anything else goes to the panel, to pick from.
      const waId = clearInternationalNumber(text);
      if (waId) void handlers.inviteDirectly(groupId, waId);
      else handOver(groupId);
      return;
    }
    if (id.startsWith(MENU_INVITE)) handOver();
  };
}
