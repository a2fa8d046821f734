/**
 * Fixture inboxes the sandbox serves beside Zoko's API, for the panel's "This chat": a generic inbox with a
 * text area, one with a rich (contenteditable) reply box, one shaped like WhatsApp Web's open chat, and a
 * hostile one. Browsers reach them as http://localhost:<port>/demo/inbox/<name>: another origin than the API
 * (127.0.0.1), so granting the inbox grants nothing else.
 */

const CHATS: Record<string, { name: string; header: string; messages: string[] }> = {
  '1': { name: 'Priya Sharma', header: '<a href="tel:+919876543210">+91 98765 43210</a>',
    messages: ['Hi! I bought the blue kurta last week.', 'Is there a group for VIP customers?'] },
  '2': { name: 'Rahul Verma', header: '<span>+44 7911 123456</span>', messages: ['Hello, where is my order?'] },
  // Two numbers in the header: the panel must ask which one is the customer.
  '3': { name: 'Anita Desai', header: '<span>+91 98111 22334 · alt. +91 98111 55667</span>', messages: ['Call me on either number.'] },
};

const STYLE = `
  body { font: 14px system-ui, sans-serif; margin: 0; display: grid; grid-template-columns: 200px 1fr; height: 100vh; color: #1f2328; }
  nav { border-right: 1px solid #d0d7de; padding: 8px; background: #f6f8fa; }
  nav a { display: block; padding: 8px; color: inherit; text-decoration: none; border-radius: 6px; }
  nav a[aria-current] { background: #dbe9ff; }
  main { display: grid; grid-template-rows: auto 1fr auto; min-width: 0; }
  #conversation { display: contents; }
  .conversation-header { padding: 12px 16px; border-bottom: 1px solid #d0d7de; }
  .conversation-header h2 { margin: 0 0 4px; font-size: 16px; }
  .messages { padding: 16px; overflow: auto; }
  .messages p { background: #f1f3f5; padding: 8px 12px; border-radius: 12px; max-width: 70%; }
  form { display: flex; gap: 8px; padding: 12px; border-top: 1px solid #d0d7de; }
  textarea, .reply { flex: 1; min-height: 48px; padding: 8px; border: 1px solid #8c959f; border-radius: 6px; font: inherit; }
`;

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string, script = '') {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title><style>${STYLE}</style></head>`
    + `<body>${body}${script && `<script>${script}</script>`}</body></html>`;
}

function inbox(kind: 'generic' | 'rich', chatId: string, withBox = true) {
  const chat = CHATS[chatId] ?? CHATS['1']!;
  const nav = Object.entries(CHATS).map(([id, c]) =>
    `<a href="?chat=${id}"${id === chatId ? ' aria-current="page"' : ''}>${escape(c.name)}</a>`).join('');
  const box = kind === 'generic'
    ? '<textarea id="reply" aria-label="Reply" placeholder="Type a reply"></textarea>'
    : '<div id="reply" class="reply" contenteditable="true" role="textbox" aria-label="Reply"></div>';
  const conversation = (c: typeof chat) => `<header class="conversation-header"><h2>${escape(c.name)}</h2>${c.header}</header>`
    + `<section class="messages">${c.messages.map((m) => `<p>${escape(m)}</p>`).join('')}</section>`;
  // The rich inbox behaves like a single-page app: a conversation opens without loading a page, and a clock
  // ticks all the time (a page that never stops changing must still be read).
  const spa = kind === 'rich' ? `
    const chats = ${JSON.stringify(Object.fromEntries(Object.entries(CHATS).map(([id, c]) => [id, conversation(c)])))};
    document.querySelectorAll('nav a').forEach((a) => a.addEventListener('click', (e) => {
      e.preventDefault();
      document.querySelector('#conversation').innerHTML = chats[new URL(a.href).searchParams.get('chat')];
      history.pushState(null, '', a.href);
    }));
    setInterval(() => { document.querySelector('#clock').textContent = new Date().toLocaleTimeString(); }, 100);` : '';
  return page(`Demo inbox — ${chat.name}`, `<nav aria-label="Conversations">${nav}<p id="clock"></p></nav><main>`
    + `<div id="conversation">${conversation(chat)}</div>`
    + (withBox ? `<form onsubmit="return false">${box}<button type="button">Send</button></form>` : '') + '</main>', spa);
}

/** WhatsApp Web's open chat as its readers see it: `#main`, a header title, message ids with the chat id. */
function whatsapp() {
  return page('WhatsApp', '<div id="app" style="grid-column: 1 / 3"><div id="main">'
    + '<header style="padding:12px 16px;background:#f0f2f5"><div><span dir="auto" title="Meera Iyer">Meera Iyer</span></div></header>'
    + '<div class="messages"><div data-id="false_919812345678@c.us_3EB0C4F1"><p>Hi, is the sale still on?</p></div>'
    + '<div data-id="true_919812345678@c.us_3EB0C4F2"><p>Yes, until Sunday.</p></div></div>'
    + '<footer style="padding:12px"><div contenteditable="true" role="textbox" aria-label="Type a message" data-lexical-editor="true" '
    + 'class="reply" style="display:block"><p><br></p></div></footer></div></div>');
}

/**
 * A page that tries its worst: markup in the name, fake numbers the agent cannot see, a huge header, and
 * a script posting messages that look like the extension's own.
 */
function hostile() {
  const fakes = [
    '<span style="display:none">+91 90000 11111</span>', '<span style="opacity:0">+91 90000 22222</span>',
    '<span style="position:absolute;left:-9999px">+91 90000 33333</span>', '<span aria-hidden="true">+91 90000 44444</span>',
    '<span style="visibility:hidden">+91 90000 55555</span>',
  ].join('');
  const script = `
    const forged = [{ kind: 'zoko-inbox:insert', text: 'forged' }, { kind: 'zoko-inbox:chat', chat: { numbers: ['+919000066666'], reader: 'page', sure: true } },
      { type: 'inviteMembers', data: { id: 'any', phoneNumbers: ['919000077777'] }, timestamp: Date.now(), id: 1 }];
    setInterval(() => forged.forEach((m) => window.postMessage(m, '*')), 200);
    window.forgedSends = 0;
    try { chrome.runtime.sendMessage(forged[1]); window.forgedSends++; } catch { /* no runtime for pages */ }`;
  return page('Hostile inbox', '<nav></nav><main><header class="conversation-header">'
    + `<h2>${escape('<img src=x onerror="window.pwned=1">Eve')}</h2>`
    + `<span>+91 90000 00001</span>${fakes}<span style="font-size:1px;color:transparent">${'9'.repeat(200_000)}</span></header>`
    + '<section class="messages"><p>Hello</p></section>'
    + '<form onsubmit="return false"><textarea aria-label="Reply"></textarea></form></main>', script);
}

/** The fixture at `/demo/inbox/<name>`, or null. */
export function inboxPage(name: string, search: URLSearchParams): string | null {
  switch (name) {
    case 'generic':
    case 'rich':
      // ?box=none: an inbox page with no reply box (the link then goes to the clipboard).
      return inbox(name, search.get('chat') ?? '1', search.get('box') !== 'none');
    case 'whatsapp':
      return whatsapp();
    case 'hostile':
      return hostile();
    default:
      return null;
  }
}
