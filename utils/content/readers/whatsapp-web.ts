/**
 * WhatsApp Web: the open chat is `#main`. Its messages carry ids `(true|false)_<chat>_<msg>`, and in groups
 * `_<participant>` after that (wa-js's serialized MsgKey). Only a `<chat>` ending `@c.us` is a person's
 * number, and it is the customer's even when the header shows a saved name; an unsaved contact's header
 * title is the number itself. A group (`@g.us`) has no customer. A privacy id (`@lid`) hides the number:
 * WhatsApp shows it only in the Contact info drawer (`[data-animate-drawer-right]`) once the agent opens it.
 */
import type { ChatSeen } from '../../inbox';
import { compactNumber, isOnlyNumber, mergeNumbers, plainName, REORDERING } from '../phone-text';
import { isShown, numbersSeen } from '../visible';

type ChatId = { kind: 'person'; number: string } | { kind: 'group' | 'numberHidden' | 'other' };

/** The chat a message id belongs to: `false_919876543210@c.us_3EB0…` → the person +919876543210. */
export function chatOfMessageId(id: string): ChatId | null {
  const m = /^(?:true|false)_([^_@]+)@(c\.us|g\.us|lid|newsletter|broadcast)_[^_]+(?:_|$)/.exec(id);
  if (!m) return null;
  if (m[2] === 'c.us') return /^\d{8,15}$/.test(m[1]!) ? { kind: 'person', number: `+${m[1]}` } : null;
  if (m[2] === 'g.us') return { kind: 'group' };
  return { kind: m[2] === 'lid' ? 'numberHidden' : 'other' };
}

export function readWhatsAppWeb(doc: Document): ChatSeen | null {
  const main = doc.querySelector('#main');
  const header = main?.querySelector('header');
  if (!main || !header) return null;
  // The chat's title is a span with its full text in `title`; buttons in the header (search, menu) are not it.
  const titleEl = [...header.querySelectorAll('span[title], span[dir="auto"]')]
    .find((el) => !el.closest('button, [role="button"]') && isShown(el));
  const rawTitle = titleEl?.getAttribute('title') || titleEl?.textContent;
  const title = plainName(rawTitle);
  // A saved name can hold anything, an RLO included: a title drawn in another order is never sure.
  const titlePlain = !REORDERING.test(rawTitle ?? '');
  // The newest messages are last: a few are enough, and all carry the same chat id.
  const chats = [...main.querySelectorAll('[data-id]')].slice(-20)
    .map((el) => chatOfMessageId(el.getAttribute('data-id') ?? '')).filter((c): c is ChatId => c !== null);
  const chat = chats.at(-1);
  const base = { reader: 'whatsapp' as const };
  if (chat?.kind === 'group') return { ...base, numbers: [], sure: false, kind: 'group' };
  // A channel or a broadcast list: nobody to invite, and no group either.
  if (chat?.kind === 'other') return { ...base, numbers: [], sure: false };
  const fromTitle = title && isOnlyNumber(title) ? compactNumber(title) : null;
  const name = fromTitle ? undefined : title;
  if (chat?.kind === 'numberHidden') {
    const drawer = [...doc.querySelectorAll('[data-animate-drawer-right]')].find((el) => isShown(el));
    const shown = drawer ? numbersSeen(drawer) : [];
    const numbers = mergeNumbers(fromTitle ? [fromTitle] : [], shown.map((n) => n.number));
    if (numbers.length === 0) return { ...base, numbers, name, sure: false, kind: 'numberHidden' };
    return { ...base, numbers, name, sure: numbers.length === 1 && shown.every((n) => n.plain) && (!fromTitle || titlePlain) };
  }
  const fromId = chat?.kind === 'person' ? chat.number : null;
  const numbers = mergeNumbers(fromId ? [fromId] : [], fromTitle ? [fromTitle] : []);
  return {
    ...base,
    numbers,
    name,
    // The chat id is WhatsApp's own; a title that is a number is the number WhatsApp shows for this chat.
    sure: numbers.length === 1 && (fromId !== null || titlePlain),
  };
}
