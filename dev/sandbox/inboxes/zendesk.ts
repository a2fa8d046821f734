/**
 * Zendesk's agent workspace with two tickets open in tabs: both tickets' panes stay in the DOM, the one in the
 * background hidden. Selectors as public extensions for the workspace use them (README.md): the top bar
 * `header[data-test-id="header-toolbar"]` with icon buttons carrying `title`, per ticket the `omni-header`
 * with the subject input, the conversation log (`omni-log`, `omni-log-item-sender`), the composer, and the
 * context panel with the requester (a "Phone" row).
 */
import { escape, page } from './page';

interface Ticket { id: string; subject: string; requester: string; phone: string; email: string; message: string }

const TICKETS: Ticket[] = [
  { id: '1041', subject: 'Refund for order 20240115', requester: 'Oliver Brown', phone: '+44 7700 900123', email: 'oliver@example.co.uk',
    message: 'I returned the parcel last week.' },
  { id: '1042', subject: 'Which size fits me?', requester: 'Sofia Rossi', phone: '+39 312 345 6789', email: 'sofia@example.it',
    message: 'Ciao! Is the M size fitted or loose?' },
];

const STYLE = `
  body { margin: 0; font: 14px system-ui, sans-serif; color: #2f3941; }
  header[data-test-id="header-toolbar"] { display: flex; gap: 8px; padding: 8px 16px; border-bottom: 1px solid #d8dcde; }
  header[data-test-id="header-toolbar"] button { border: 0; background: none; font-size: 16px; }
  main { height: calc(100vh - 50px); }
  .ticket-panes-grid-layout { display: grid; grid-template-columns: 1fr 300px; height: 100%; }
  [data-test-id="omni-header"] { display: flex; gap: 8px; padding: 8px 16px; border-bottom: 1px solid #d8dcde; }
  [data-test-id="omni-header"] input { flex: 1; font: inherit; border: 0; }
  [data-test-id="omni-log"] { padding: 16px; }
  .composer { border-top: 1px solid #d8dcde; padding: 12px 16px; }
  .composer [contenteditable] { min-height: 48px; border: 1px solid #87929d; border-radius: 4px; padding: 8px; }
  aside { border-left: 1px solid #d8dcde; padding: 16px; }
  aside dl > div { display: flex; gap: 8px; }
  aside dt { color: #68737d; min-width: 60px; }
`;

function ticketPane(t: Ticket, shown: boolean) {
  return `<div class="ticket-panes-grid-layout" data-ticket-id="${t.id}"${shown ? '' : ' style="display:none"'}>`
    + `<div data-test-id="column-2"><header data-test-id="omni-header"><input data-test-id="omni-header-subject" aria-label="Subject" value="${escape(t.subject)}">`
    + `<button type="button" title="Ticket actions" data-test-id="omni-header-ticket-actions-trigger">⋯</button></header>`
    + `<div data-test-id="omni-log"><article data-test-id="omni-log-comment-item"><span data-test-id="omni-log-item-sender">${escape(t.requester)}</span>`
    + `<div data-test-id="omni-log-message-content"><p>${escape(t.message)}</p></div></article></div>`
    + `<div class="composer" data-test-id="ticket-editor"><div data-fixture-editor="draft" data-test-id="omnicomposer-rich-text-ckeditor" `
    + `contenteditable="true" role="textbox" aria-label="Public reply"></div></div></div>`
    + `<div data-test-id="column-3"><aside data-test-id="customer-context-panel" aria-label="Customer context">`
    + `<h2 data-test-id="customer-context-username">${escape(t.requester)}</h2><dl>`
    + `<div><dt>Email</dt><dd>${escape(t.email)}</dd></div><div><dt>Phone</dt><dd>${escape(t.phone)}</dd></div>`
    + `<div><dt>Language</dt><dd>English</dd></div></dl></aside></div></div>`;
}

export function zendesk() {
  return page('Zendesk Agent Workspace', '<header data-test-id="header-toolbar">'
    + '<button type="button" title="Search Zendesk" data-test-id="header-toolbar-search-button">🔍</button>'
    + '<button type="button" title="Notifications" data-test-id="global-notifications-button">🔔</button>'
    + '<button type="button" title="Zendesk products">▦</button></header>'
    + '<main data-garden-id="navigation.main"><div role="tablist">'
    + TICKETS.map((t, i) => `<button role="tab" aria-selected="${i === 1}">#${t.id} ${escape(t.subject)}</button>`).join('') + '</div>'
    + TICKETS.map((t, i) => ticketPane(t, i === 1)).join('') + '</main>', { style: STYLE, editors: true });
}
