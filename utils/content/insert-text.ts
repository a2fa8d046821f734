/**
 * Text put into an editable as if typed, so the page's own editor (React, Lexical, ProseMirror, Draft.js,
 * Quill, …) makes the change in its own state; and whether it landed, judged once the editor has applied it.
 * Editors apply an edit in their own update, after the call that asked for it returned: Lexical a task later
 * (so `execCommand` returns true while the box is still empty), ProseMirror and Quill from a MutationObserver.
 * Asking right after and pasting "again" put the link in twice; a second way is tried only when the first one
 * was refused outright (`execCommand` returned false), never after it was accepted.
 */

export type TextField = HTMLInputElement | HTMLTextAreaElement;

const TEXT_INPUT = /^(text|search|email|url|tel)?$/;

export function isTextField(el: Element): el is TextField {
  return el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && TEXT_INPUT.test(el.type));
}

/**
 * A task later: after microtasks, MutationObserver callbacks and an editor's batched update. A message, not a
 * timer or a frame: the inbox's tab may be in the background, where timers wait a second and frames never come.
 */
const nextTask = () => new Promise<void>((resolve) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    resolve();
  };
  channel.port2.postMessage(null);
});

/** How long an editor may take to show an accepted edit before we say it is not there. */
const SETTLE_MS = 600;

/** Spaces and line breaks as editors write them (no-break spaces, paragraphs, zero-width marks) do not count. */
const squash = (s: string) => s.replace(/[\s\u200b\u2060\ufeff]+/g, '');

/** How many times `text` is in `el`, as the agent would read it there. */
function countIn(el: HTMLElement, text: string): number {
  const needle = squash(text);
  const hay = squash(isTextField(el) ? el.value : (el.textContent ?? ''));
  if (!needle) return 0;
  let n = 0;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** Waits for the editor to apply the edit: true once `text` is in `el` more often than `before`. */
async function landed(el: HTMLElement, text: string, before: number): Promise<boolean> {
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    await nextTask();
    if (countIn(el, text) > before) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function paste(el: HTMLElement, text: string) {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
}

/**
 * Draft.js shows text inserted into an empty editor twice while its state holds it once, and the second copy
 * cannot be deleted (facebookarchive/draft-js#36); its own paste handler inserts cleanly (as PixieBrix does,
 * pixiebrix/pixiebrix-extension#7862).
 */
const isEmptyDraft = (el: HTMLElement) => el.closest('.DraftEditor-root') !== null && squash(el.textContent ?? '') === '';

function placeCaret(el: HTMLElement, sel: Selection, cursor: Range | null) {
  if (cursor) {
    sel.removeAllRanges();
    sel.addRange(cursor);
  } else if (sel.rangeCount === 0 || !el.contains(sel.anchorNode)) {
    const end = el.ownerDocument.createRange();
    end.selectNodeContents(el);
    end.collapse(false);
    sel.removeAllRanges();
    sel.addRange(end);
  }
}

async function intoEditor(el: HTMLElement, text: string, cursor: Range | null): Promise<boolean> {
  const doc = el.ownerDocument;
  const sel = doc.getSelection();
  if (!sel) return false;
  el.focus({ preventScroll: true });
  placeCaret(el, sel, cursor);
  // Editors keep their own copy of the selection, updated on selectionchange (Lexical inserts nothing
  // without it): let that run before typing.
  await nextTask();
  const before = countIn(el, text);
  if (isEmptyDraft(el)) {
    paste(el, text);
    return landed(el, text, before);
  }
  // insertText runs the editor's own input handling (beforeinput), as typing does.
  if (doc.execCommand('insertText', false, text)) return landed(el, text, before);
  paste(el, text);
  return landed(el, text, before);
}

async function intoField(el: TextField, text: string, visited: boolean): Promise<boolean> {
  const before = countIn(el, text);
  // A field keeps its selection when it loses the focus; one the agent never was in gets the text at its end.
  const start = visited ? (el.selectionStart ?? el.value.length) : el.value.length;
  const end = visited ? (el.selectionEnd ?? start) : start;
  el.focus({ preventScroll: true });
  el.setRangeText(text, start, end, 'end');
  el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  // A controlled field (React) may put its own value back: judge after its render.
  return landed(el, text, before);
}

/**
 * Puts `text` into `el` where the agent's cursor was: `cursor` in a rich editor, the field's own selection when
 * `visited`; at the end otherwise. True when the text is there once the editor has applied it.
 */
export function insertText(el: HTMLElement, text: string, cursor: Range | null, visited: boolean): Promise<boolean> {
  return isTextField(el) ? intoField(el, text, visited) : intoEditor(el, text, cursor);
}
