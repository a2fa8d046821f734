/**
 * What a person sees of the page's selection when they pick "Invite … to ‹group›" in the context menu. The
 * browser's `selectionText` is the DOM's text: it holds digits the page hides (off-screen, transparent) and
 * lacks digits the page draws with CSS (`::after`), and a page may move the selection in its `contextmenu`
 * handler. The background invites directly only when what is seen here is the number it was about to invite.
 *
 * The test is per digit, not per line: each selected digit must be drawn at a readable size, on top at its
 * centre (not clipped by an overflow, not covered), and to the right of the digit before it on its line —
 * so flex `order`, `row-reverse`, absolute positions and bidi cannot show the digits in another order.
 */
import type { SelectionSeen } from '../inbox';
import { normaliseDigits, REORDERING } from './phone-text';
import { textShown } from './visible';

const SKIPPED = /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/;
/** Digits of any script: a person reads them as digits, whatever the DOM calls them. */
const DIGIT = /\p{Nd}/u;

/** Where each selected digit is drawn, in DOM order; null when one of them cannot be read as drawn. */
function digitBoxes(doc: Document, node: Text, start: number, end: number): DOMRect[] | null {
  const parent = node.parentElement!;
  const fontSize = parseFloat(doc.defaultView!.getComputedStyle(parent).fontSize) || 16;
  const boxes: DOMRect[] = [];
  const range = doc.createRange();
  for (let i = start; i < end; i++) {
    if (!DIGIT.test(node.data[i]!)) continue;
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    const box = range.getBoundingClientRect();
    // A digit scaled to a speck, or squeezed, is not one a person reads.
    if (box.width < fontSize * 0.3 || box.height < fontSize * 0.5) return null;
    const hit = doc.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    // Over text, hit testing answers its parent: anything else (an overflow's edge, a cover, nothing) hides it.
    if (hit !== parent) return null;
    boxes.push(box);
  }
  return boxes;
}

/** Each digit right of the one before on its line, and lines going down: the order drawn is the order written. */
function inWrittenOrder(boxes: DOMRect[]): boolean {
  return boxes.every((b, i) => {
    const prev = boxes[i - 1];
    if (!prev) return true;
    const sameLine = Math.abs(b.top - prev.top) < Math.min(b.height, prev.height) / 2;
    return sameLine ? b.left >= prev.left + prev.width / 2 : b.top > prev.top;
  });
}

/** Digits CSS draws in or beside the selection (`::before`, `::after`, list markers): not part of the DOM's text. */
function drawsDigits(doc: Document, range: Range): boolean {
  const near = range.commonAncestorContainer;
  const block = (near instanceof Element ? near : near.parentElement)?.closest('p, li, td, th, div, section, article, body') ?? doc.body;
  const elements = [block, ...block.querySelectorAll('*')].slice(0, 300);
  const view = doc.defaultView!;
  return elements.some((el) => ['::before', '::after', '::marker'].some((pseudo) => DIGIT.test(view.getComputedStyle(el, pseudo).content)));
}

/** The selected text a person sees in `doc`, with whether its digits show in written order; null when nothing is selected. */
export function seenSelection(doc: Document): SelectionSeen | null {
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const parts: string[] = [];
  const boxes: DOMRect[] = [];
  let plain = selection.rangeCount === 1;
  for (let i = 0; i < selection.rangeCount; i++) {
    const range = selection.getRangeAt(i);
    if (drawsDigits(doc, range)) plain = false;
    const root = range.commonAncestorContainer;
    const walker = doc.createTreeWalker(root.nodeType === Node.TEXT_NODE ? root.parentNode ?? root : root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (!range.intersectsNode(node) || !node.parentElement || SKIPPED.test(node.parentElement.tagName)) continue;
      const start = node === range.startContainer ? range.startOffset : 0;
      const end = node === range.endContainer ? range.endOffset : node.data.length;
      const text = node.data.slice(start, end);
      // Shown or not: a hidden control character still reorders what is drawn after it.
      if (REORDERING.test(text)) plain = false;
      if (!text || !textShown(node)) continue;
      const drawn = digitBoxes(doc, node, start, end);
      if (!drawn) continue; // a digit of this node is hidden: none of its text counts as seen
      boxes.push(...drawn);
      parts.push(text);
    }
  }
  return {
    text: normaliseDigits(parts.join('')).slice(0, 200),
    plain: plain && inWrittenOrder(boxes),
    dom: selection.toString().slice(0, 200),
  };
}
