/**
 * Any web inbox: the number in the page address, `tel:` and wa.me links, and phone-like text in the
 * conversation's header. Sure only when one number stands out (the address, or one number in all);
 * otherwise the panel asks "Is this the customer?".
 */
import { parseUrl, type ChatSeen } from '../../inbox';
import { compactNumber, mergeNumbers, numberFromLink, phoneNumbersIn, plainName } from '../phone-text';
import { isShown, visibleText } from '../visible';

/** Where inboxes put the open conversation's header. */
const HEADER = [
  '[data-conversation-header]', '[class*="conversation-header" i]', '[class*="chat-header" i]', '[class*="contact-header" i]',
  'main header', '[role="main"] header', 'header',
].join(', ');

/** Query keys inboxes name a customer's number with. */
const NUMBER_KEY = /phone|mobile|msisdn|whatsapp|wa_?id|tel|contact|number/i;

/**
 * A number in the address, only where it cannot be an id: a path segment or value written with its +, or a
 * query value under a number-like key (`?phone=…`). `/conversations/123456789` is a conversation, not a customer.
 */
export function numberInUrl(href: string): string | null {
  const url = parseUrl(href);
  if (!url) return null;
  const decode = (p: string) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  };
  // A + in a query reads as a space ("?phone=+91…" arrives as " 91…"): it was a +.
  const query = [...url.searchParams].map(([k, v]) => [k, v.replace(/^ (?=\d)/, '+')] as const);
  const withPlus = [...url.pathname.split('/').map(decode), ...query.map(([, v]) => v), decode(url.hash.slice(1))]
    .filter((p) => /^\+\d{8,15}$/.test(p));
  const keyed = query.filter(([k, v]) => NUMBER_KEY.test(k) && /^\+?\d{8,15}$/.test(v)).map(([, v]) => v);
  const found = [...new Set([...withPlus, ...keyed].map(compactNumber).filter((n): n is string => n !== null))];
  return found.length === 1 ? found[0]! : null;
}

export function readGeneric(doc: Document, href: string): ChatSeen {
  const header = [...doc.querySelectorAll(HEADER)].find(isShown);
  const links = [...doc.querySelectorAll('a[href^="tel:"], a[href*="wa.me/"], a[href*="api.whatsapp.com/send"]')]
    .filter(isShown).slice(0, 20)
    .map((a) => numberFromLink(a.getAttribute('href') ?? '')).filter((n): n is string => n !== null);
  const inHeader = header ? phoneNumbersIn(visibleText(header)) : [];
  const fromUrl = numberInUrl(href);
  const numbers = mergeNumbers(fromUrl ? [fromUrl] : [], links, inHeader);
  const heading = header && [...header.querySelectorAll('h1, h2, h3, [data-contact-name], [title]')].find(isShown);
  const name = plainName(heading?.getAttribute('data-contact-name') || heading?.textContent);
  return {
    numbers,
    // A heading that is only the number is not a name.
    name: name && compactNumber(name) === null ? name : undefined,
    reader: 'page',
    sure: numbers.length === 1 || (fromUrl !== null && numbers[0] === fromUrl),
  };
}
