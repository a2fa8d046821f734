/** What the agent can see on the page: a hostile page hides fake numbers, so hidden text is never read. */

/** Rendered, not transparent, not clipped to a speck, and at least partly on screen horizontally. */
export function isShown(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: (o: object) => boolean }).checkVisibility;
  if (check && !check.call(el, { opacityProperty: true, visibilityProperty: true, checkOpacity: true, checkVisibilityCSS: true })) return false;
  if (el.closest('[aria-hidden="true"], [hidden]')) return false;
  const rect = el.getBoundingClientRect();
  return rect.width > 2 && rect.height > 2 && rect.right > 0 && rect.left < (el.ownerDocument.defaultView?.innerWidth ?? Infinity);
}

/** The visible text under `root`, text node by text node (hidden ones skipped), up to `maxChars`. */
export function visibleText(root: Element, maxChars = 2_000): string {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  let length = 0;
  const shown = new Map<Element, boolean>();
  for (let node = walker.nextNode(); node && length < maxChars; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(parent.tagName)) continue;
    if (!shown.has(parent)) shown.set(parent, isShown(parent));
    if (!shown.get(parent)) continue;
    const text = node.textContent ?? '';
    parts.push(text);
    length += text.length;
  }
  return parts.join(' ').slice(0, maxChars);
}
