/**
 * Phone-like text on a page, without phone metadata (the content script stays small): runs of 8–15 digits
 * with the usual separators, as written. The panel parses what it gets with the agent's default country.
 */
import { LIMITS, parseUrl } from '../inbox';

const PHONE_LIKE = /\+?\d[\d\s().-]{6,20}\d/g;

/** Digits only, with the leading + kept: "+91 98765-43210" → "+919876543210". */
export function compactNumber(text: string): string | null {
  const trimmed = text.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 8 || digits.length > 15) return null;
  return trimmed.startsWith('+') ? `+${digits}` : digits;
}

/** Every phone-like run in `text` (read up to `maxChars`), compacted, first seen first, without repeats. */
export function phoneNumbersIn(text: string, maxChars = 2_000): string[] {
  const found: string[] = [];
  for (const match of text.slice(0, maxChars).matchAll(PHONE_LIKE)) {
    const n = compactNumber(match[0]);
    if (n && !found.includes(n)) found.push(n);
  }
  return found;
}

/** A number from a `tel:` or wa.me link: wa.me numbers are always international, so they get their +. */
export function numberFromLink(href: string): string | null {
  const url = parseUrl(href);
  if (!url) return null;
  if (url.protocol === 'tel:') return compactNumber(decodeURIComponent(url.pathname));
  if (url.hostname === 'wa.me' || url.hostname === 'api.whatsapp.com') {
    const raw = url.hostname === 'wa.me' ? url.pathname.slice(1) : url.searchParams.get('phone') ?? '';
    const n = compactNumber(raw);
    return n && !n.startsWith('+') ? `+${n}` : n;
  }
  return null;
}

/** Merges candidates in order, without repeats (the same digits with and without + count once), capped. */
export function mergeNumbers(...lists: string[][]): string[] {
  const out: string[] = [];
  for (const n of lists.flat()) {
    const digits = n.replace(/\D/g, '');
    if (!out.some((m) => m.replace(/\D/g, '') === digits)) out.push(n.slice(0, LIMITS.numberChars));
  }
  return out.slice(0, LIMITS.numbers);
}

/** Page text as a short plain name: control characters and runs of spaces gone, capped. */
export function plainName(text: string | null | undefined): string | undefined {
  const name = (text ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, LIMITS.nameChars);
  return name || undefined;
}
