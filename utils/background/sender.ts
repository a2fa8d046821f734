/** Which message senders may use the background: only this extension's own pages. */
import { browser } from 'wxt/browser';

export interface SenderLike {
  id?: string;
  url?: string;
  frameId?: number;
}

/**
 * True for this extension's own pages (side panel, options) in a top frame. Fails closed: a sender
 * without an id or URL, another extension, a web page or a content script (there are none) is refused.
 */
export function isInternalSender(
  sender: SenderLike | undefined,
  runtimeId: string = browser.runtime.id,
  origin: string = browser.runtime.getURL('/'),
): boolean {
  if (!sender?.id || sender.id !== runtimeId) return false;
  if (!sender.url?.startsWith(origin)) return false;
  return sender.frameId === undefined || sender.frameId === 0;
}
