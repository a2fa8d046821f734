/**
 * The reply box: the visible composer of the open conversation, and where the agent's cursor was in it.
 * Not the first editable in page order: inboxes keep a chat search (WhatsApp Web's is a contenteditable too),
 * hidden tickets' composers and CRM forms on the same page, and a link put there is a link lost.
 */
import { insertText, isTextField } from './insert-text';

/** WhatsApp Web's composer (its chat search is the same kind of box, `data-tab="3"`, in the side pane). */
const WHATSAPP_COMPOSER = '#main footer [contenteditable][data-tab="10"]';

/** Where a composer is, most telling first, when the agent has not been in one yet. */
const LIKELY_BOXES = [
  WHATSAPP_COMPOSER, 'footer [contenteditable][role="textbox"]', '[contenteditable][role="textbox"]', '[contenteditable]',
  'textarea', 'input',
];

const SEARCH = /search|\bfind\b|filter|buscar|busca|pesquis|recherch|such|cerca/i;
/** A field about the customer or the ticket, not a message: never the reply box. */
const RECORD_FIELD = /\b(name|phone|mobile|tel|e-?mail|subject|title|address|company)\b|nombre|tel[ée]fono|telefone|asunto|correo/i;
/** One-line inputs are reply boxes only when they say they are. */
const MESSAGE = /message|reply|respon|answer|mensaje|mensagem|nachricht|messaggio|\bchat\b|comment/i;

/** What the page says an element is for: its labels, placeholder, name and id. */
function purposeOf(el: HTMLElement): string {
  const labelled = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)
    .map((id) => el.ownerDocument.getElementById(id)?.textContent ?? '');
  const labels = isTextField(el) ? [...(el.labels ?? [])].map((l) => l.textContent ?? '') : [];
  return [
    ...['aria-label', 'placeholder', 'aria-placeholder', 'data-placeholder', 'title', 'name', 'id'].map((a) => el.getAttribute(a) ?? ''),
    ...labelled, ...labels,
  ].join(' ');
}

function isSearchBox(el: HTMLElement): boolean {
  if (el instanceof HTMLInputElement && el.type === 'search') return true;
  if (el.getAttribute('data-tab') === '3' || el.closest('[role="search"], search, [role="searchbox"]')) return true;
  return SEARCH.test(purposeOf(el));
}

/** Text fields in `el`'s form that a person fills in (hidden and button inputs are not). */
function fieldsInForm(el: HTMLInputElement): number {
  if (!el.form) return 1;
  return [...el.form.elements].filter((f) => f instanceof HTMLTextAreaElement || f instanceof HTMLSelectElement
    || (f instanceof HTMLInputElement && !/^(hidden|submit|button|reset|image|checkbox|radio|file)$/.test(f.type))).length;
}

/** The page could mean `el` for a reply: not a search box, not a field of a record (a name, a phone, a subject). */
export function mayBeReplyBox(el: HTMLElement): boolean {
  if (isSearchBox(el)) return false;
  const purpose = purposeOf(el);
  if (RECORD_FIELD.test(purpose)) return false;
  if (el instanceof HTMLInputElement) return !/^(tel|email|url|number)$/.test(el.type) && MESSAGE.test(purpose) && fieldsInForm(el) === 1;
  return true;
}

/**
 * Rendered where the agent can see it: not in a hidden ticket or tab (display, visibility, opacity, `inert`),
 * with a size, and not moved off the page's top or left (where pages park helpers, e.g. Quill 1's clipboard).
 * Lighter than the readers' test of what a person reads: a composer may lie under its own placeholder, below
 * the fold or right of a narrow window.
 */
function isShown(el: HTMLElement): boolean {
  if (!el.isConnected || el.closest('[inert]')) return false;
  if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
  const rect = el.getBoundingClientRect();
  const scrolled = el.ownerDocument.defaultView;
  return rect.width >= 4 && rect.height >= 4 && rect.right + (scrolled?.scrollX ?? 0) > 0 && rect.bottom + (scrolled?.scrollY ?? 0) > 0;
}

/** The editable element at `el`: a text field, or the outermost editing host of a rich editor. */
function editableAt(el: EventTarget | null): HTMLElement | null {
  if (!(el instanceof HTMLElement)) return null;
  if (isTextField(el)) return el.disabled || el.readOnly ? null : el;
  if (!el.isContentEditable) return null;
  let host = el;
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  return host;
}

const usable = (el: HTMLElement | null): el is HTMLElement => el !== null && mayBeReplyBox(el) && isShown(el);

/** The reply box now: the one the agent was last in while it is still shown, else the likeliest shown one. */
export function findReplyBox(doc: Document, last: HTMLElement | null): HTMLElement | null {
  if (usable(last)) return last;
  for (const selector of LIKELY_BOXES) {
    for (const found of doc.querySelectorAll(selector)) {
      const el = editableAt(found);
      if (usable(el)) return el;
    }
  }
  return null;
}

export interface ReplyBox {
  /**
   * Puts `text` where the cursor was (or at the end of the reply box) and says whether it is in the box
   * once, judged after the editor applied it, and whether there was a reply box at all (its editor may refuse).
   */
  insert(text: string): Promise<{ inserted: boolean; found: boolean }>;
}

export function watchReplyBox(doc: Document): ReplyBox {
  let last: HTMLElement | null = null;
  /** In a rich editor, the selection lives in the document and is lost when the panel takes the focus. */
  let range: Range | null = null;
  doc.addEventListener('focusin', (e) => {
    // A search box or a form field the agent clicked is not where replies go: the box before it still is.
    const el = editableAt(e.target);
    if (el && mayBeReplyBox(el)) last = el;
  }, true);
  doc.addEventListener('selectionchange', () => {
    const sel = doc.getSelection();
    if (last && !isTextField(last) && sel && sel.rangeCount > 0 && last.contains(sel.anchorNode)) range = sel.getRangeAt(0).cloneRange();
  });

  return {
    async insert(text) {
      const box = findReplyBox(doc, last);
      if (!box) return { inserted: false, found: false };
      const visited = box === last;
      const inserted = await insertText(box, text, visited && range && box.contains(range.startContainer) ? range : null, visited);
      return { inserted, found: true };
    },
  };
}
