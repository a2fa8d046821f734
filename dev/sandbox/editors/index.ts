/**
 * The fixture editors: the real editors from npm, mounted into the sandbox's fixture inbox pages, so the reply
 * box is tested against what inboxes really run, and the result read from each editor's own state.
 *
 * Contract (served as the ES module `/demo/editors.js`, bundled by ./bundle.ts):
 * - On load it mounts an editor into every element with `data-fixture-editor="lexical|prosemirror|draft|quill"`,
 *   and into such elements added later (a single-page inbox opening another conversation).
 *   - `lexical`: the host itself becomes the editable root (contenteditable, role=textbox unless set, and
 *     Lexical's own data-lexical-editor), rich text, one empty paragraph: put WhatsApp Web's attributes on the
 *     host (`aria-label="Type a message" data-tab="10"`, inside `#main footer`).
 *   - `prosemirror` (basic schema), `draft` (Draft.js on React 18), `quill` (Quill 2, no toolbar): the editor
 *     renders its own editable inside the host. The page may write the composer as the site serves it (the
 *     host a contenteditable with role and aria-label, a static copy of the editor inside): the host's
 *     contenteditable, role and children give way, and the `aria-label` (or `data-label`) and `aria-placeholder`
 *     (or `data-placeholder`) of the host or of the stand-in editable inside it go to the editor's editable
 *     (role=textbox), so there is one editing host, named as the page named it.
 *   Each mounted host gets `data-fixture-mounted="true"`; `document` then gets a `fixture-editors` event.
 * - `window.fixtureEditorText(el?)`: the text in the editor's own state — Lexical's root text content,
 *   ProseMirror's paragraphs joined by "\n", Draft.js's plain text, Quill's text without its final newline.
 *   `el` is the host, the editable or anything inside or around one editor; without it, the page's first editor.
 *   Throws when there is no mounted editor there (a test asking the wrong element should fail loudly).
 */
import type { EditorText } from './host';
import { mountDraft } from './draft';
import { mountLexical } from './lexical';
import { mountProseMirror } from './prosemirror';
import { mountQuill } from './quill';

/** Quill's, Draft.js's and ProseMirror's own style sheets (white-space rules they rely on), inlined by the bundler. */
declare const FIXTURE_EDITOR_CSS: string;

const MOUNTS: Record<string, (host: HTMLElement) => EditorText> = {
  lexical: mountLexical,
  prosemirror: mountProseMirror,
  draft: mountDraft,
  quill: mountQuill,
};

const HOST = '[data-fixture-editor]';
const editors = new WeakMap<Element, EditorText>();

function mountAll(root: ParentNode) {
  const hosts = [...root.querySelectorAll<HTMLElement>(HOST)];
  if (root instanceof HTMLElement && root.matches(HOST)) hosts.unshift(root);
  let mounted = 0;
  for (const host of hosts) {
    const mount = MOUNTS[host.dataset.fixtureEditor ?? ''];
    if (editors.has(host) || !mount) continue;
    editors.set(host, mount(host));
    host.dataset.fixtureMounted = 'true';
    mounted++;
  }
  if (mounted) document.dispatchEvent(new CustomEvent('fixture-editors'));
}

function fixtureEditorText(el?: Element): string {
  const host = el ? (el.closest(HOST) ?? el.querySelector(HOST)) : document.querySelector(HOST);
  const read = host && editors.get(host);
  if (!read) throw new Error('fixtureEditorText: no mounted fixture editor there');
  return read();
}

const style = document.createElement('style');
style.textContent = FIXTURE_EDITOR_CSS;
document.head.append(style);
Object.assign(window, { fixtureEditorText });
mountAll(document);
new MutationObserver((records) => {
  for (const r of records) for (const n of r.addedNodes) if (n instanceof HTMLElement) mountAll(n);
}).observe(document.documentElement, { childList: true, subtree: true });
