/**
 * The reply box and where the agent's cursor was in it. Text goes in where the cursor was, as if typed,
 * so the inbox's own editor (React, Lexical, …) sees an ordinary edit; nothing is ever sent.
 */

type TextField = HTMLInputElement | HTMLTextAreaElement;

const TEXT_INPUT = /^(text|search|email|url|tel)?$/;

/** Reply boxes when the agent has not clicked in one yet: a rich editor's textbox, else a text area. */
const LIKELY_BOX = [
  'footer [contenteditable="true"][role="textbox"]', '[contenteditable="true"][role="textbox"]', '[contenteditable="true"]',
  'textarea', 'input[type="text"]',
].join(', ');

function isTextField(el: Element): el is TextField {
  return el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && TEXT_INPUT.test(el.type));
}

/** The editable element at `el`: a text field, or the editing host of a rich editor. */
function editableAt(el: EventTarget | null): HTMLElement | null {
  if (!(el instanceof HTMLElement)) return null;
  if (isTextField(el)) return el.disabled || el.readOnly ? null : el;
  return el.isContentEditable ? (el.closest<HTMLElement>('[contenteditable]:not([contenteditable="false"])') ?? el) : null;
}

export interface ReplyBox {
  /** Puts `text` where the cursor was (or at the end of the likely reply box); false when there is none. */
  insert(text: string): boolean;
}

export function watchReplyBox(doc: Document): ReplyBox {
  let box: HTMLElement | null = null;
  /** In a rich editor, the selection lives in the document and is lost when the panel takes the focus. */
  let range: Range | null = null;
  doc.addEventListener('focusin', (e) => {
    const el = editableAt(e.target);
    if (el) box = el;
  }, true);
  doc.addEventListener('selectionchange', () => {
    const sel = doc.getSelection();
    if (box && !isTextField(box) && sel && sel.rangeCount > 0 && box.contains(sel.anchorNode)) range = sel.getRangeAt(0).cloneRange();
  });

  function intoField(el: TextField, text: string) {
    const start = el.selectionStart ?? el.value.length;
    const end = el.selectionEnd ?? start;
    el.focus();
    el.setRangeText(text, start, end, 'end');
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    return true;
  }

  function intoEditor(el: HTMLElement, text: string) {
    el.focus();
    const sel = doc.getSelection();
    if (!sel) return false;
    const r = range && el.contains(range.startContainer) ? range : null;
    if (r) {
      sel.removeAllRanges();
      sel.addRange(r);
    } else if (sel.rangeCount === 0 || !el.contains(sel.anchorNode)) {
      const end = doc.createRange();
      end.selectNodeContents(el);
      end.collapse(false);
      sel.removeAllRanges();
      sel.addRange(end);
    }
    const before = el.textContent ?? '';
    // insertText runs the editor's own input handling (beforeinput), as typing does; a paste is the fallback.
    if (doc.execCommand('insertText', false, text) && el.textContent !== before) return true;
    const data = new DataTransfer();
    data.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    return el.textContent !== before;
  }

  return {
    insert(text) {
      const remembered = box?.isConnected ? box : null;
      const el = remembered ?? editableAt(doc.querySelector(LIKELY_BOX));
      if (!el) return false;
      return isTextField(el) ? intoField(el, text) : intoEditor(el, text);
    },
  };
}
