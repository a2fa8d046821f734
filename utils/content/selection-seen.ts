/**
 * What a person sees of the page's selection when they pick "Invite … to ‹group›" in the context menu. The
 * browser's `selectionText` is the DOM's text: it holds digits the page hides (off-screen, transparent) and
 * lacks digits the page draws with CSS (`::after`), and a page may move the selection in its `contextmenu`
 * handler. The background invites directly only when what is seen here is the number it was about to invite.
 */
import type { SelectionSeen } from '../inbox';
import { REORDERING } from './phone-text';
import { isShown, textShown } from './visible';

type TextField = HTMLInputElement | HTMLTextAreaElement;

/** Whether `el` shows its text in written order: no override, and left to right. */
function plainDirection(el: Element): boolean {
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  if (!style) return true;
  return !/override/.test(style.unicodeBidi) && style.direction !== 'rtl';
}

/** The seen text of the selection in `doc` (an input's selected value, or the page's ranges); null when nothing is selected. */
export function seenSelection(doc: Document): SelectionSeen | null {
  const active = doc.activeElement;
  if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) {
    const field = active as TextField;
    const start = field.selectionStart ?? 0;
    const end = field.selectionEnd ?? 0;
    if (end > start) {
      const text = isShown(field) ? field.value.slice(start, end) : '';
      return { text, plain: !REORDERING.test(text) && plainDirection(field) };
    }
  }
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const parts: string[] = [];
  let plain = true;
  for (let i = 0; i < selection.rangeCount; i++) {
    const range = selection.getRangeAt(i);
    const root = range.commonAncestorContainer;
    const walker = doc.createTreeWalker(root.nodeType === Node.TEXT_NODE ? root.parentNode ?? root : root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!range.intersectsNode(node)) continue;
      const parent = node.parentElement;
      if (!parent || /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(parent.tagName)) continue;
      if (!textShown(node as Text)) continue;
      const full = node.textContent ?? '';
      const start = node === range.startContainer ? range.startOffset : 0;
      const end = node === range.endContainer ? range.endOffset : full.length;
      const text = full.slice(start, end);
      if (!text) continue;
      if (text.trim() && (REORDERING.test(text) || !plainDirection(parent))) plain = false;
      parts.push(text);
    }
  }
  return { text: parts.join(''), plain };
}
