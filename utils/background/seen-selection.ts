/**
 * Asks the clicked frame what a person sees of its selection (entrypoints/selection.ts), through the
 * `activeTab` grant of the menu click. Null when the page cannot be read (a browser page, a PDF, a frame of
 * another site): then nothing is invited without the agent seeing the number in the panel first.
 */
import { browser } from 'wxt/browser';
import type { SelectionSeen } from '../inbox';

/** Where the build puts the script (entrypoints/selection.ts, an unlisted script). */
export const SELECTION_SCRIPT_FILE = '/selection.js';

export async function readSeenSelection(tabId: number, frameId = 0): Promise<SelectionSeen | null> {
  try {
    const [first] = await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [SELECTION_SCRIPT_FILE] });
    const r = first?.result as Partial<SelectionSeen> | null | undefined;
    // Our own script's answer, but about the page's DOM: taken only in the shape it has, and short.
    return r && typeof r.text === 'string' && typeof r.plain === 'boolean' && typeof r.dom === 'string'
      ? { text: r.text.slice(0, 200), plain: r.plain, dom: r.dom.slice(0, 200) }
      : null;
  } catch {
    return null; // no access to this page: the caller asks the agent instead
  }
}
