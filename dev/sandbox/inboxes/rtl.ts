/**
 * An inbox in Arabic (right to left): numbers in Arabic-Indic, Persian and fullwidth digits. Written inside a
 * left-to-right span (as WhatsApp and most inboxes do) a number reads as written; written bare in the RTL
 * flow, its digit groups are drawn in another order than the DOM's, so the reader must not be sure of it.
 */
import { escape, page } from './page';

const CHATS: Record<string, { name: string; number: string; ltr: boolean; message: string }> = {
  '1': { name: 'أحمد الفارسي', number: '+٩٦٦ ٥٠ ١٢٣ ٤٥٦٧', ltr: true, message: 'مرحبا، هل الطلب جاهز؟' },
  '2': { name: 'سارا محمدی', number: '۰۹۱۲ ۳۴۵ ۶۷۸۹', ltr: false, message: 'سلام، سفارش من کجاست؟' },
  '3': { name: 'ليلى حسن', number: '＋９１ ９８７６５ ４３２１０', ltr: true, message: 'شكرا!' },
};

const STYLE = `
  body { margin: 0; font: 15px system-ui, sans-serif; display: grid; grid-template-columns: 220px 1fr; height: 100vh; }
  nav { border-inline-end: 1px solid #ddd; padding: 8px; }
  nav a { display: block; padding: 8px; }
  main { display: grid; grid-template-rows: auto 1fr auto; }
  .chat-header { padding: 12px 16px; border-bottom: 1px solid #ddd; }
  .chat-header h2 { margin: 0 0 4px; font-size: 17px; }
  .messages { padding: 16px; }
  form { padding: 12px; border-top: 1px solid #ddd; }
  textarea { width: 90%; min-height: 48px; font: inherit; }
`;

export function rtl(chatId: string) {
  const chat = CHATS[chatId] ?? CHATS['1']!;
  const nav = Object.entries(CHATS).map(([id, c]) => `<a href="?chat=${id}">${escape(c.name)}</a>`).join('');
  const number = chat.ltr ? `<span dir="ltr">${escape(chat.number)}</span>` : `<span>${escape(chat.number)}</span>`;
  return page(`صندوق الوارد — ${chat.name}`, `<nav aria-label="المحادثات">${nav}</nav><main>`
    + `<div class="chat-header"><h2>${escape(chat.name)}</h2>${number}</div>`
    + `<section class="messages"><p>${escape(chat.message)}</p></section>`
    + '<form onsubmit="return false"><textarea aria-label="الرد"></textarea></form></main>', { lang: 'ar', dir: 'rtl', style: STYLE });
}
