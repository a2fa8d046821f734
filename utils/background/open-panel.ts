/**
 * Opens the extension's panel: Chrome's side panel, or Firefox's sidebar (WXT builds the same page as a
 * sidebar_action there). Call it synchronously from the click: both browsers require the user gesture.
 */
import { browser } from 'wxt/browser';
import { openWaitingItem } from '../storage';

interface PanelApis {
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void>; toggle?(): Promise<void> };
}

const apis = () => browser as unknown as PanelApis;

export function openPanel(windowId?: number): Promise<void> {
  const { sidePanel, sidebarAction } = apis();
  if (sidePanel && windowId !== undefined) return sidePanel.open({ windowId });
  if (sidebarAction) return sidebarAction.open();
  return Promise.resolve();
}

/** True where the toolbar button must open the panel itself (Firefox); Chrome does it by panel behaviour. */
export const needsActionClickHandler = () => !apis().sidePanel && Boolean(apis().sidebarAction);

export function toggleSidebar(): Promise<void> {
  return apis().sidebarAction?.toggle?.() ?? Promise.resolve();
}

/** The browser command (Alt+Shift+W): the panel opens straight on Waiting. Synchronous up to the open: it needs the gesture. */
export function onPanelCommand(command: string, tab?: { windowId?: number }) {
  if (command !== OPEN_WAITING_COMMAND) return;
  openPanel(tab?.windowId).catch(() => undefined); // already open: fine
  void openWaitingItem.setValue(true);
}

export const OPEN_WAITING_COMMAND = 'open-waiting';

/** The toolbar button opens the panel: Chrome by panel behaviour, Firefox's sidebar by a click listener. */
export function registerPanelOpening() {
  void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true });
  if (needsActionClickHandler()) browser.action.onClicked.addListener(() => void toggleSidebar());
}
