/**
 * Opens the extension's panel: Chrome's side panel, or Firefox's sidebar (WXT builds the same page as a
 * sidebar_action there). Call it synchronously from the click: both browsers require the user gesture.
 */
import { browser } from 'wxt/browser';

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

/** The toolbar button opens the panel: Chrome by panel behaviour, Firefox's sidebar by a click listener. */
export function registerPanelOpening() {
  void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true });
  if (needsActionClickHandler()) browser.action.onClicked.addListener(() => void toggleSidebar());
}
