/** What every fixture editor mount shares. */

/** Reads the text from the editor's own state (not the page's DOM). */
export type EditorText = () => string;

export interface Host {
  /** For the editable element the editor creates: a textbox, named as the page named its stand-in. */
  attributes: Record<string, string>;
  placeholder?: string;
}

const STAND_IN = ['contenteditable', 'role', 'aria-label', 'aria-multiline', 'aria-placeholder', 'placeholder', 'tabindex'];

/**
 * Takes over a host for an editor that renders its own editable inside it (ProseMirror, Draft.js, Quill).
 * A fixture page may write the composer as the site serves it before its script runs (a contenteditable
 * with a role and a label, or a static copy of the editor's markup): that stand-in gives way, its name and
 * placeholder move to the real editable, so there is one editing host, the editor's own.
 */
export function takeHost(host: HTMLElement): Host {
  const standIn = host.querySelector<HTMLElement>('[contenteditable]') ?? host;
  const attr = (name: string) => host.getAttribute(name) ?? standIn.getAttribute(name);
  const label = host.dataset.label ?? attr('aria-label');
  const placeholder = host.dataset.placeholder ?? attr('aria-placeholder') ?? attr('placeholder') ?? undefined;
  for (const name of STAND_IN) host.removeAttribute(name);
  host.replaceChildren();
  return { attributes: { role: 'textbox', 'aria-multiline': 'true', ...(label ? { 'aria-label': label } : {}) }, placeholder };
}
