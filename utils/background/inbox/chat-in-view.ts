/**
 * Which conversation the agent is looking at: the active tab of the focused window (never one of the
 * extension's own pages), its site, whether the agent uses the panel there, and what its script last
 * reported. Written to one session item that the panel follows; every write goes through one queue.
 */
import { browser, type Browser } from 'wxt/browser';
import { offerableOrigin, type ChatInView } from '../../inbox';
import { chatInViewItem, inboxChatsItem, inboxSitesItem } from '../../storage';
import type { ChatReport } from './chat-report';
import { oneAtATime } from '../one-at-a-time';

const serial = oneAtATime();

/** The tab's address where the extension may see it (the optional "tabs" permission, or a granted site). */
const addressOf = (tab: Browser.tabs.Tab) => tab.url || tab.pendingUrl || undefined;

/**
 * The extension's own pages open in tabs (the options page; the panel in tests): not conversations. Their
 * addresses are hidden without the "tabs" permission, so Chrome's list of the extension's contexts says which.
 */
async function isOwnPage(tab: Browser.tabs.Tab, url: string | undefined) {
  if (url?.startsWith(browser.runtime.getURL('/'))) return true;
  // Firefox has no getContexts: there, its pages' addresses are visible and the check above decides.
  const contexts = await Promise.resolve()
    .then(() => browser.runtime.getContexts?.({ contextTypes: ['TAB' as Browser.runtime.ContextType] }))
    .catch(() => undefined);
  return (contexts ?? []).some((c) => c.tabId === tab.id);
}

/** Tabs shown lately, newest last: a new tab is shown before it is known to be one of the extension's pages. */
let shown: number[] = [];

/** Written only when it changes: every write wakes the open panel. */
async function setView(next: ChatInView | null) {
  if (JSON.stringify(next) !== JSON.stringify(await chatInViewItem.getValue())) await chatInViewItem.setValue(next);
}

async function show(tabId: number): Promise<void> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!tab) return;
  const url = addressOf(tab);
  if (await isOwnPage(tab, url)) {
    // Keep showing the conversation before; if this page was shown while it loaded, go back to that one.
    shown = shown.filter((id) => id !== tabId);
    const previous = shown.at(-1);
    if ((await current()) === tabId) await (previous === undefined ? setView(null) : show(previous));
    return;
  }
  shown = [...shown.filter((id) => id !== tabId).slice(-4), tabId];
  const site = offerableOrigin(url);
  const granted = site !== null && (await inboxSitesItem.getValue()).includes(site);
  const chat = granted ? (await inboxChatsItem.getValue())[tabId] : undefined;
  await setView({ tabId, addressKnown: url !== undefined, site, granted, ...(chat !== undefined && { chat }) });
}

async function showActive(windowId?: number) {
  const [tab] = await browser.tabs.query(windowId === undefined ? { active: true, lastFocusedWindow: true } : { active: true, windowId });
  if (tab?.id !== undefined) await show(tab.id);
}

async function current() {
  return (await chatInViewItem.getValue())?.tabId;
}

export const chatInView = {
  /** Reads the tab in view again (after a site is granted or forgotten, or a permission changes). */
  refresh: () => serial(async () => {
    const tabId = await current();
    await (tabId === undefined ? showActive() : show(tabId));
  }),
  onActivated: ({ tabId }: { tabId: number }) => void serial(() => show(tabId)),
  onFocusChanged: (windowId: number) => {
    if (windowId !== browser.windows.WINDOW_ID_NONE) void serial(() => showActive(windowId));
  },
  onUpdated: (tabId: number, change: { url?: string; status?: string }, tab: { active?: boolean }) => {
    if (change.url === undefined && change.status !== 'complete') return;
    void serial(async () => {
      if (tab.active || (await current()) === tabId) await show(tabId);
    });
  },
  onRemoved: (tabId: number) => void serial(async () => {
    shown = shown.filter((id) => id !== tabId);
    const { [String(tabId)]: _gone, ...rest } = await inboxChatsItem.getValue();
    await inboxChatsItem.setValue(rest);
    if ((await current()) === tabId) await setView(null);
  }),
  /** A granted tab's script read its conversation. */
  report: ({ tabId, chat }: ChatReport) => serial(async () => {
    await inboxChatsItem.setValue({ ...(await inboxChatsItem.getValue()), [tabId]: chat });
    const inView = await current();
    if (inView === tabId || inView === undefined) await show(tabId);
  }),
};
