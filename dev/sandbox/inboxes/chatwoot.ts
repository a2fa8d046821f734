/**
 * Chatwoot's dashboard with a conversation open, after chatwoot/chatwoot's own Vue templates (README.md):
 * the conversation header (ConversationHeader.vue: no header element or class, the contact's name inside a
 * link-styled button that toggles the panel), the message list, the ProseMirror reply box, and the contact
 * panel (ContactInfo.vue: the name in an `h3` titled "Click to edit"; ContactInfoRow.vue: the phone as a
 * `tel:` link with an icon and a copy button).
 */
import { page } from './page';

const STYLE = `
  body { margin: 0; font: 14px system-ui, sans-serif; color: #1f2d3d; }
  .app-wrapper { display: grid; grid-template-columns: 56px 260px 1fr 280px; height: 100vh; }
  .woot-sidebar, .conversations-list-wrap { border-right: 1px solid #e0e6ed; padding: 8px; }
  .conversation-details-wrap { display: grid; grid-template-rows: auto 1fr auto; min-width: 0; }
  .conv-header { display: flex; gap: 8px; align-items: center; padding: 8px 16px; border-bottom: 1px solid #e0e6ed; }
  .conv-header button { border: 0; background: none; font: inherit; padding: 0; }
  .conversation-panel { padding: 16px; overflow: auto; }
  .conversation-panel li { list-style: none; margin: 6px 0; }
  .reply-box { border-top: 1px solid #e0e6ed; padding: 12px; }
  .ProseMirror { min-height: 40px; border: 1px solid #c0ccda; border-radius: 4px; padding: 8px; }
  .contact--panel { border-left: 1px solid #e0e6ed; padding: 16px; }
  .contact--panel h3 { margin: 8px 0; font-size: 16px; }
  .contact--panel a { display: flex; gap: 8px; align-items: center; color: inherit; }
`;

export function chatwoot() {
  return page('Chatwoot', '<div id="app"><div class="app-wrapper">'
    + '<aside class="woot-sidebar"><nav aria-label="Primary"><a href="#" title="Conversations">💬</a> <a href="#" title="Contacts">👥</a></nav></aside>'
    + '<div class="conversations-list-wrap"><h1>Conversations</h1><div class="conversation active"><h4 class="conversation--user">Aarav Mehta</h4>'
    + '<p>Where is my parcel?</p></div><div class="conversation"><h4 class="conversation--user">Zoya Khan</h4><p>Thanks!</p></div></div>'
    + '<section class="conversation-details-wrap">'
    // ConversationHeader.vue: the name is the text of a button (it opens the contact panel).
    + '<div class="conv-header flex flex-col items-center justify-between px-4 py-2 bg-white border-b md:flex-row">'
    + '<span class="avatar" title="Aarav Mehta">AM</span><div class="flex flex-col items-start min-w-0 ml-2">'
    + '<button type="button" class="button link secondary"><span class="text-base font-medium leading-tight">Aarav Mehta</span></button>'
    + '<div class="conversation--header--actions text-xs"><span class="inbox--name">WhatsApp · +91 80 4718 0000</span>'
    + '<button type="button" class="button link small">Close details</button></div></div>'
    + '<div class="header-actions-wrap"><button type="button" title="Resolve">✓ Resolve</button><button type="button" title="More actions">⋯</button></div></div>'
    + '<ul class="conversation-panel"><li class="left"><p>Hi, where is my parcel? Order 40021887.</p></li>'
    + '<li class="right"><p>Let me check, Aarav.</p></li></ul>'
    + '<div class="reply-box"><div class="editor-root" data-fixture-editor="prosemirror">'
    + '<div class="ProseMirror ProseMirror-woot-style" contenteditable="true" role="textbox" aria-label="Reply" translate="no"><p><br></p></div>'
    + '</div></div></section>'
    // ContactInfo.vue / ContactInfoRow.vue
    + '<div class="contact--panel" aria-label="Contact"><div class="relative items-center w-full p-4">'
    + '<h3 class="group/name text-base capitalize" title="Click to edit">Aarav Mehta <span class="i-lucide-pencil"></span></h3>'
    + '<a href="mailto:aarav@example.com"><span class="i-lucide-mail">✉️</span><span title="aarav@example.com">aarav@example.com</span></a>'
    + '<a href="tel:+919845012345"><span class="i-lucide-call">📞</span><span title="+919845012345">+919845012345</span>'
    + '<button type="button" class="i-lucide-clipboard" aria-label="Copy">⧉</button></a>'
    + '<div><span class="i-lucide-building-bank">🏢</span><span>Mehta Textiles</span></div></div></div>'
    + '</div></div>', { style: STYLE, editors: true });
}
