/**
 * Any web inbox: the number in the page address, `tel:` and wa.me links, and phone-like text in the
 * conversation's header. Sure only when one number stands out (the address, or one number in all);
 * otherwise the panel asks "Is this the customer?".
 */
import type { ChatSeen } from '../../inbox';
import { compactNumber, mergeNumbers, numberFromLink, phoneNumbersIn, plainName } from '../phone-text';
import { isShown, visibleText } from '../visible';

/** Where inboxes put the open conversation's header. */
const HEADER = [
  '[data-conversation-header]', '[class*="conversation-header" i]', '[class*="chat-header" i]', '[class*="contact-header" i]',
  'main header', '[role="main"] header', 'header',
].join(', ');

/** A number in the address: a path segment or a query value that is only a phone number. */
export function numberInUrl(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const parts = [...url.pathname.split('/'), ...url.searchParams.values(), url.hash.slice(1)].map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  const found = parts.filter((p) => /^\+?\d{8,15}$/.test(p)).map(compactNumber).filter((n): n is string => n !== null);
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
