/**
 * A bare inbox per editor at /demo/editors/<name> (lexical, prosemirror, draft, quill, textarea): one open
 * conversation whose header shows the customer's number, a chat search above the list, and the composer,
 * the real editor from npm. The pages modelled on real inboxes (dev/sandbox/inboxes) use the same editors.
 */
import { page } from '../inboxes/page';

const EDITORS = ['lexical', 'prosemirror', 'draft', 'quill'] as const;

const STYLE = `
  body { margin: 0; font: 14px system-ui, sans-serif; }
  .app { display: grid; grid-template-columns: 220px 1fr; height: 100vh; }
  nav { border-right: 1px solid #ccc; padding: 8px; }
  nav input { width: 100%; box-sizing: border-box; }
  main { display: grid; grid-template-rows: auto 1fr auto; }
  main header { padding: 10px 16px; border-bottom: 1px solid #ccc; }
  .log { padding: 16px; }
  footer { padding: 10px 16px; border-top: 1px solid #ccc; }
  footer [contenteditable], footer textarea { display: block; width: 100%; box-sizing: border-box; min-height: 40px;
    border: 1px solid #888; border-radius: 6px; padding: 8px; font: inherit; background: #fff; }
`;

/** The page for `name`, or null. */
export function editorPage(name: string): string | null {
  const editor = (EDITORS as readonly string[]).includes(name) ? name : null;
  if (!editor && name !== 'textarea') return null;
  const composer = editor
    ? `<div data-fixture-editor="${editor}" contenteditable="true" role="textbox" aria-label="Reply" data-tab="10"></div>`
    : '<textarea aria-label="Reply" rows="3"></textarea>';
  return page(`Inbox with ${name}`, '<div class="app">'
    + '<nav><input type="search" aria-label="Search conversations" placeholder="Search"><ul><li>Priya Sharma</li><li>Rahul Verma</li></ul></nav>'
    + `<main><header><h1>Priya Sharma</h1><span>+91 98765 43210</span></header>`
    + '<div class="log"><p>Hi! Is there a group for VIP customers?</p></div>'
    + `<footer>${composer}</footer></main></div>`, { style: STYLE, editors: editor !== null });
}
