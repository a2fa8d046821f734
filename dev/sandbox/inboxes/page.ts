/** The frame every fixture inbox page shares: escaping, the document, and the real editors' loader. */

export const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface PageOptions {
  lang?: string;
  dir?: 'ltr' | 'rtl';
  style?: string;
  /** An inline script (the fixture's own behaviour). */
  script?: string;
  /**
   * Load /demo/editors.js, which mounts the real editor from npm (lexical, prosemirror, draft-js, quill) into
   * every `[data-fixture-editor]` host and exposes `window.fixtureEditorText(el)`.
   */
  editors?: boolean;
}

export function page(title: string, body: string, o: PageOptions = {}) {
  return `<!doctype html><html lang="${o.lang ?? 'en'}"${o.dir ? ` dir="${o.dir}"` : ''}><head><meta charset="utf-8">`
    + `<title>${escape(title)}</title>${o.style ? `<style>${o.style}</style>` : ''}</head>`
    + `<body>${body}${o.script ? `<script>${o.script}</script>` : ''}`
    + `${o.editors ? '<script type="module" src="/demo/editors.js"></script>' : ''}</body></html>`;
}
