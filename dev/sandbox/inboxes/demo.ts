/**
 * The demo inbox (ours, not modelled on anyone's): a text area reply box (`generic`) or a contenteditable one
 * in a single-page app with a ticking clock (`rich`), three conversations.
 */
import { escape, page } from './page';

const CHATS: Record<string, { name: string; header: string; messages: string[] }> = {
  '1': { name: 'Priya Sharma', header: '<a href="tel:+919876543210">+91 98765 43210</a>',
    messages: ['Hi! I bought the blue kurta last week.', 'Is there a group for VIP customers?'] },
  '2': { name: 'Rahul Verma', header: '<span>+44 7911 123456</span>', messages: ['Hello, where is my order?'] },
  // Two numbers in the header: the panel must ask which one is the customer.
  '3': { name: 'Anita Desai', header: '<span>+91 98111 22334 · alt. +91 98111 55667</span>', messages: ['Call me on either number.'] },
};

export const DEMO_STYLE = `
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

export function demoInbox(kind: 'generic' | 'rich', chatId: string, withBox = true) {
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
    + (withBox ? `<form onsubmit="return false">${box}<button type="button">Send</button></form>` : '') + '</main>',
    { style: DEMO_STYLE, script: spa });
}

