/**
 * What the agent can see on the page. A hostile page hides fake numbers (transparent, white on white, clipped,
 * covered, moved out of view) and can draw digits in another order than it writes them (`<bdo>`, RLO, an RTL
 * run): hidden text is never read, and text whose order on screen may differ is read but never trusted.
 */
import { normaliseDigits, phoneRunsIn, REORDERING } from './phone-text';

type Styles = (el: Element) => CSSStyleDeclaration;

const stylesOf = (doc: Document): Styles => {
  const cache = new Map<Element, CSSStyleDeclaration>();
  return (el) => {
    let s = cache.get(el);
    if (!s) cache.set(el, (s = doc.defaultView!.getComputedStyle(el)));
    return s;
  };
};

type Rgba = number[];

/** A computed colour ("rgb(r, g, b)" / "rgba(r, g, b, a)") as [r, g, b, a]; null for anything else (then it is not judged). */
function parseColor(value: string): Rgba | null {
  const n = value.startsWith('rgb') ? value.match(/[\d.]+/g)?.map(Number) : undefined;
  return n && n.length >= 3 ? [n[0]!, n[1]!, n[2]!, n[3] ?? 1] : null;
}

/** Perceived lightness, 0…1: close enough to tell ink from the paper it is on. */
const lightness = (c: Rgba) => (0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!) / 255;

/** The colour behind `el`: the nearest opaque enough background; null when an image may be behind it. */
function backgroundOf(el: Element, styles: Styles): Rgba | null {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const s = styles(e);
    if (s.backgroundImage !== 'none') return null;
    const c = parseColor(s.backgroundColor);
    if (c && c[3]! >= 0.5) return c;
  }
  return [255, 255, 255]; // the canvas
}

/** The ink of `el`'s text stands out from what is behind it: not transparent, not tiny, not the background's colour. */
function inkShows(el: Element, styles: Styles): boolean {
  const s = styles(el);
  if (parseFloat(s.fontSize) < 6) return false;
  // What is painted is -webkit-text-fill-color (it defaults to the colour).
  const ink = parseColor(s.getPropertyValue('-webkit-text-fill-color') || s.color);
  if (!ink) return true;
  const alpha = ink[3]!;
  const bg = backgroundOf(el, styles);
  if (alpha < 0.1 || !bg) return alpha >= 0.1;
  // Ink drawn at `alpha` over the background, against the background alone.
  return Math.abs(lightness(ink) - lightness(bg)) * alpha >= 0.1;
}

/** Opacity as painted: the product of every ancestor's. */
function opacityOf(el: Element, styles: Styles): number {
  let o = 1;
  for (let e: Element | null = el; e && o >= 0.1; e = e.parentElement) o *= parseFloat(styles(e).opacity) || 0;
  return o;
}

/**
 * A filter (`opacity(0)`, `blur()`), a mask or a blend mode on the text or above it can make it vanish while hit
 * testing still finds it. Inboxes do not draw a customer's number through one: any of them means not shown.
 */
function drawnPlainly(el: Element, styles: Styles): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const s = styles(e);
    const mask = s.getPropertyValue('mask-image') || s.getPropertyValue('-webkit-mask-image');
    if (s.filter !== 'none' || (mask && mask !== 'none') || s.mixBlendMode !== 'normal') return false;
  }
  return true;
}

/** The element the agent would see at (x, y): null outside the viewport. Shadow roots answer for their own nodes. */
const hitAt = (el: Element, x: number, y: number) => (el.getRootNode() as Document).elementFromPoint(x, y);

function rendered(el: Element, styles: Styles): boolean {
  const check = (el as Element & { checkVisibility?: (o: object) => boolean }).checkVisibility;
  // Opacity is judged below, multiplied up the tree.
  if (check && !check.call(el, { visibilityProperty: true, checkVisibilityCSS: true })) return false;
  if (el.closest('[aria-hidden="true"], [hidden], [inert]')) return false;
  return opacityOf(el, styles) >= 0.1 && drawnPlainly(el, styles);
}

/**
 * Rendered, opaque, big enough, inside the viewport, and on top at its centre: no other element covers it
 * there (a page can put a box over a fake number, or clip it away; `elementFromPoint` sees both).
 */
export function isShown(el: Element, styles: Styles = stylesOf(el.ownerDocument)): boolean {
  if (!rendered(el, styles)) return false;
  const view = el.ownerDocument.defaultView;
  const rect = el.getBoundingClientRect();
  if (rect.width <= 2 || rect.height <= 2 || !view) return false;
  const left = Math.max(rect.left, 0), right = Math.min(rect.right, view.innerWidth);
  const top = Math.max(rect.top, 0), bottom = Math.min(rect.bottom, view.innerHeight);
  if (right - left < 2 || bottom - top < 2) return false;
  const hit = hitAt(el, (left + right) / 2, (top + bottom) / 2);
  return hit !== null && (hit === el || el.contains(hit) || (hit.contains(el) && styles(el).pointerEvents === 'none'));
}

/**
 * A text node the agent can read: its parent rendered with ink that stands out, and every line box of the
 * text itself (its own rects, so `text-indent` and transforms are seen) inside the viewport and on top.
 */
export function textShown(node: Text, styles: Styles = stylesOf(node.ownerDocument)): boolean {
  const parent = node.parentElement;
  if (!parent || !rendered(parent, styles) || !inkShows(parent, styles)) return false;
  const range = node.ownerDocument.createRange();
  range.selectNodeContents(node);
  const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
  if (rects.length === 0) return false;
  const passThrough = styles(parent).pointerEvents === 'none';
  return rects.every((r) => {
    const hit = hitAt(parent, r.left + r.width / 2, r.top + r.height / 2);
    // Over a text node, hit testing answers its parent; anything else there covers it.
    return hit !== null && (hit === parent || (passThrough && hit.contains(parent)));
  });
}

/** Whether the text of `node` may show in another order than it is written: an override, or right to left. */
function orderOf(node: Text, styles: Styles): 'override' | 'rtl' | null {
  if (REORDERING.test(node.data)) return 'override';
  // WhatsApp Web wraps each number in LRE…PDF: written left to right on purpose, whatever the page's direction.
  const ltr = /^\s*[\u202a\u2066\u200e]/.test(node.data);
  for (let e = node.parentElement; e; e = e.parentElement) {
    if (e.tagName === 'BDO' || /override/.test(styles(e).unicodeBidi)) return 'override';
  }
  return !ltr && node.parentElement && styles(node.parentElement).direction === 'rtl' ? 'rtl' : null;
}

/** The text the agent sees under `root`, normalised, with the spans whose order on screen may differ. */
export interface SeenText { text: string; reordered: [number, number][]; rtl: [number, number][] }

export function seenText(root: Element, maxChars = 2_000): SeenText {
  const styles = stylesOf(root.ownerDocument);
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const seen: SeenText = { text: '', reordered: [], rtl: [] };
  const parts: string[] = [];
  let at = 0;
  for (let node = walker.nextNode() as Text | null; node && at < maxChars; node = walker.nextNode() as Text | null) {
    const parent = node.parentElement;
    if (!parent || /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(parent.tagName) || !node.data.trim()) continue;
    if (!textShown(node, styles)) continue;
    const text = normaliseDigits(node.data);
    const order = orderOf(node, styles);
    if (order) seen[order === 'override' ? 'reordered' : 'rtl'].push([at, at + text.length]);
    parts.push(text);
    at += text.length + 1;
  }
  seen.text = parts.join(' ').slice(0, maxChars);
  return seen;
}

export interface NumberSeen { number: string; /** Its order on screen is its order in the page. */ plain: boolean }

/**
 * The phone numbers the agent sees under `root`, each once. A number is not plain when any of it sits in an
 * override (`<bdo>`, `unicode-bidi: …-override`, RLO…), or when it has several digit groups in a right-to-left
 * run (the bidi algorithm draws "98765 43210" as "43210 98765" there).
 */
export function numbersSeen(root: Element, maxChars = 2_000): NumberSeen[] {
  const seen = seenText(root, maxChars);
  const overlaps = (spans: [number, number][], s: number, e: number) => spans.some(([a, b]) => a < e && s < b);
  const out: NumberSeen[] = [];
  for (const run of phoneRunsIn(seen.text, maxChars)) {
    const groups = seen.text.slice(run.start, run.end).match(/\d+/g)?.length ?? 0;
    const plain = !overlaps(seen.reordered, run.start, run.end) && !(groups > 1 && overlaps(seen.rtl, run.start, run.end));
    const known = out.find((n) => n.number === run.number);
    if (known) known.plain &&= plain;
    else out.push({ number: run.number, plain });
  }
  return out;
}
