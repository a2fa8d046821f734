/**
 * WhatsApp Web's open chat, as extensions that target it read it (sources in README.md): `#side` with the
 * chat search (`[contenteditable][data-tab="3"]`), `#main` with a `header` whose title is `span[dir="auto"][title]`,
 * message rows `[data-id]` carrying wa-js's serialized ids, the Lexical composer in `#main footer`
 * (`[contenteditable][data-tab="10"]`), and the Contact info drawer `[data-animate-drawer-right]`.
 * WhatsApp writes numbers inside U+202A…U+202C, with no-break spaces.
 */
import { escape, page } from './page';

const LRE = '\u202a', PDF = '\u202c', NBSP = '\u00a0';
/** "+91 98765 00000" as WhatsApp writes it: left-to-right embedding, no-break spaces. */
const waNumber = (groups: string[]) => `${LRE}${groups.join(NBSP)}${PDF}`;

interface WaChat { title: string; ids: string[]; messages: string[]; drawer?: string; note: string }

const CHATS: Record<string, WaChat> = {
  // A saved contact: the header shows the name; the number is in the message ids.
  saved: { title: 'Meera Iyer', ids: ['false_919812345678@c.us_3EB0C4F1', 'true_919812345678@c.us_3EB0C4F2'],
    messages: ['Hi, is the sale still on?', 'Yes, until Sunday.'], note: 'saved contact' },
  // An unsaved contact with no message loaded yet: only the header's title, written WhatsApp's way.
  unsaved: { title: waNumber(['+91', '98765', '00000']), ids: [], messages: [], note: 'unsaved contact, no message loaded' },
  // A saved name made to look like a number, drawn through an RLO: +91 98765 43210 on screen, …01234 written.
  'unsaved-rlo': { title: `+91 98765 \u202e01234\u202c`, ids: [], messages: [], note: 'a name drawn through an RLO' },
  // A privacy id: no number anywhere until the agent opens Contact info.
  lid: { title: 'Kavya', ids: ['false_104857600123456@lid_3EB0D1A1', 'true_104857600123456@lid_3EB0D1A2'],
    messages: ['Hello! Do you ship to Pune?', 'We do, in 2 days.'], note: '@lid chat, Contact info closed' },
  'lid-drawer': { title: 'Kavya', ids: ['false_104857600123456@lid_3EB0D1A1', 'true_104857600123456@lid_3EB0D1A2'],
    messages: ['Hello! Do you ship to Pune?', 'We do, in 2 days.'], drawer: waNumber(['+91', '99887', '76655']),
    note: '@lid chat, Contact info open' },
  // A group: ids end with the member who wrote; the chat itself is @g.us.
  group: { title: 'Diwali Sale Buyers', ids: ['false_120363025246125486@g.us_3EB0AA01_919811122233@c.us',
    'false_120363025246125486@g.us_3EB0AA02_919844455566@c.us', 'true_120363025246125486@g.us_3EB0AA03'],
    messages: ['When does the sale start?', 'Is COD available?', 'Friday 10 am, COD yes.'], note: 'group chat' },
};

const STYLE = `
  body { margin: 0; font: 14px system-ui, sans-serif; color: #111b21; }
  #app { display: grid; grid-template-columns: minmax(0, 30%) minmax(0, 1fr) auto; height: 100vh; }
  #side { border-right: 1px solid #d1d7db; display: flex; flex-direction: column; }
  #side .search { margin: 8px; padding: 6px 10px; background: #f0f2f5; border-radius: 8px; min-height: 20px; }
  #pane-side [role="row"] { padding: 10px 12px; border-bottom: 1px solid #f0f2f5; }
  #main { display: grid; grid-template-rows: auto 1fr auto; min-width: 0; background: #efeae2; }
  #main header { display: flex; align-items: center; gap: 12px; padding: 10px 16px; background: #f0f2f5; }
  #main header button { border: 0; background: none; font-size: 18px; }
  .messages { padding: 16px; overflow: auto; }
  .message-in, .message-out { padding: 6px 10px; margin: 4px 0; border-radius: 8px; max-width: 60%; background: #fff; }
  .message-out { margin-left: auto; background: #d9fdd3; }
  footer { padding: 10px 16px; background: #f0f2f5; }
  footer [contenteditable] { background: #fff; border-radius: 8px; padding: 9px 12px; min-height: 20px; }
  [data-animate-drawer-right] { width: 280px; border-left: 1px solid #d1d7db; padding: 16px; background: #fff; }
`;

export function whatsapp(chatKey: string) {
  const key = chatKey in CHATS ? chatKey : 'saved';
  const chat = CHATS[key]!;
  const list = Object.entries(CHATS).map(([k, c]) =>
    `<div role="row" aria-selected="${k === key}"><a href="?chat=${k}"><span dir="auto" title="${escape(c.title)}">${escape(c.title)}</span></a></div>`).join('');
  const rows = chat.ids.map((id, i) => `<div role="row"><div data-id="${escape(id)}" class="${id.startsWith('true_') ? 'message-out' : 'message-in'}">`
    + `<div class="copyable-text"><span class="selectable-text" dir="ltr">${escape(chat.messages[i] ?? '')}</span></div></div></div>`).join('');
  const drawer = chat.drawer ? `<div data-animate-drawer-right="true"><header><h1>Contact info</h1></header>`
    + `<section><h2 dir="auto">${escape(chat.title)}</h2><span class="selectable-text copyable-text" dir="auto">${chat.drawer}</span></section></div>` : '';
  return page(`WhatsApp — ${chat.note}`, `<div id="app">`
    + `<div id="side"><div class="search" contenteditable="true" role="textbox" data-tab="3" aria-label="Search or start a new chat"><p><br></p></div>`
    + `<div id="pane-side" aria-label="Chat list">${list}</div></div>`
    + `<div id="main"><header><button type="button" title="Profile details" aria-label="Profile details">👤</button>`
    + `<div><span dir="auto" title="${escape(chat.title)}">${escape(chat.title)}</span></div>`
    + `<button type="button" title="Search" aria-label="Search">🔍</button><button type="button" title="Menu" aria-label="Menu">⋮</button></header>`
    + `<div class="messages" role="application">${rows}</div>`
    + `<footer><div class="copyable-area"><div contenteditable="true" role="textbox" aria-label="Type a message" data-tab="10" `
    + `data-lexical-editor="true" data-fixture-editor="lexical" class="reply"><p><br></p></div></div></footer></div>`
    + `${drawer}</div>`, { style: STYLE, editors: true });
}
