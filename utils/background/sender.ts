/** Which message senders may use the background: only this extension's own pages, as top-level documents. */
import { browser } from 'wxt/browser';

export interface SenderLike {
  id?: string;
  url?: string;
  /** The sending document's origin (Chrome 80+; Firefox sets `url` only). */
  origin?: string;
  /** 0 for a tab's top frame; undefined for documents outside tabs, such as the side panel. */
  frameId?: number;
  tab?: unknown;
}

/**
 * True for this extension's own pages (side panel, options) as top-level documents. Fails closed: a sender
 * without an id or URL, another extension, a web page or content script, or one of our pages framed
 * inside another document is refused. `frameId` alone proves nothing for the side panel (it is undefined
 * there), so the origin is compared too, and a sender inside a tab must be that tab's top frame.
 */
export function isInternalSender(
  sender: SenderLike | undefined,
  runtimeId: string = browser.runtime.id,
  base: string = browser.runtime.getURL('/'),
): boolean {
  if (!sender?.id || sender.id !== runtimeId) return false;
  if (!sender.url?.startsWith(base)) return false;
  const origin = base.replace(/\/$/, ''); // not new URL().origin: it is "null" for extension schemes outside Chrome
  if (sender.origin !== undefined && sender.origin !== origin) return false;
  if (sender.tab !== undefined) return sender.frameId === 0;
  return sender.frameId === undefined || sender.frameId === 0;
}
