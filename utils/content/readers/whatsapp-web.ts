/**
 * WhatsApp Web: the open chat is `#main`. Its messages carry the chat's id (`…_919876543210@c.us_…`), which
 * is the customer's number even when the header shows a saved name; an unsaved contact's header title is the
 * number itself. Chats with a privacy id (`@lid`) or groups (`@g.us`) give no number: the reader says so.
 */
import type { ChatSeen } from '../../inbox';
import { compactNumber, mergeNumbers, plainName } from '../phone-text';
import { isShown } from '../visible';

const CHAT_ID = /(?:^|_)(\d{8,15})@c\.us(?:_|$)/;

export function readWhatsAppWeb(doc: Document): ChatSeen | null {
  const main = doc.querySelector('#main');
  const header = main?.querySelector('header');
  if (!main || !header) return null;
  const titleEl = [...header.querySelectorAll('span[title], span[dir="auto"]')].find(isShown);
  const title = plainName(titleEl?.getAttribute('title') || titleEl?.textContent);
  const fromIds: string[] = [];
  // The newest messages are last: a few are enough, and all carry the same chat id.
  for (const el of [...main.querySelectorAll('[data-id]')].slice(-20)) {
    const id = CHAT_ID.exec(el.getAttribute('data-id') ?? '');
    if (id) fromIds.push(`+${id[1]}`);
  }
  const fromTitle = title && /^\+?[\d\s().-]+$/.test(title) ? compactNumber(title) : null;
  const numbers = mergeNumbers(fromIds.slice(0, 1), fromTitle ? [fromTitle] : []);
  return {
    numbers,
    name: fromTitle ? undefined : title,
    reader: 'whatsapp',
    // The chat id is WhatsApp's own; a title that is a number is the number WhatsApp shows for this chat.
    sure: numbers.length === 1,
  };
}
