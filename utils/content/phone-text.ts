/**
 * Phone-like text on a page, without phone metadata (the content script stays small): runs of 8–15 digits
 * with the usual separators, as written. The panel parses what it gets with the agent's default country.
 * Every reader normalises first: real inboxes write numbers with direction marks, no-break spaces and
 * hyphens, and Arabic-Indic, Persian or fullwidth digits, which would otherwise fail the phone test.
 */
import { LIMITS, parseUrl } from '../inbox';

const PHONE_LIKE = /\+?\d[\d\s().-]{6,20}\d/g;

/**
 * Characters that reorder what is drawn: text holding one may show digits in another order than they are
 * written, so a number read through it is never sure. (U+202A LRE and U+202C PDF, which WhatsApp Web puts
 * around every number, only keep it left to right: they are not here.)
 */
export const REORDERING = /[\u202b\u202d\u202e\u2067\u2068\u200f\u061c]/;

/** Invisible marks that only steer direction (dropped), and spaces and hyphens that only forbid a line break. */
const MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\u200b\u2060\ufeff]/g;
const SPACES = /[\u00a0\u2007\u202f\u2009\u200a\u3000]/g;
const HYPHENS = /[\u2010-\u2015\u2212\ufe63\uff0d]/g;
/** Arabic-Indic (U+0660), extended Arabic-Indic (Persian, U+06F0) and fullwidth (U+FF10) zeros. */
const DIGIT_ZEROS = [0x0660, 0x06f0, 0xff10];
const OTHER_DIGITS = /[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/g;

/** Page text with its digits, plus, spaces and hyphens in ASCII and its direction marks gone. */
export function normaliseDigits(text: string): string {
  return text.replace(MARKS, '').replace(SPACES, ' ').replace(HYPHENS, '-').replace(/\uff0b/g, '+')
    .replace(OTHER_DIGITS, (d) => {
      const code = d.charCodeAt(0);
      const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9)!;
      return String(code - zero);
    });
}

/** Digits only, with the leading + kept: "+91 98765-43210" → "+919876543210". */
export function compactNumber(text: string): string | null {
  const trimmed = normaliseDigits(text).trim();
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 8 || digits.length > 15) return null;
  return trimmed.startsWith('+') ? `+${digits}` : digits;
}

/** Where each phone-like run sits in `text` (read up to `maxChars`): start, end, and the number compacted. */
export function phoneRunsIn(text: string, maxChars = 2_000): { start: number; end: number; number: string }[] {
  const runs: { start: number; end: number; number: string }[] = [];
  for (const match of text.slice(0, maxChars).matchAll(PHONE_LIKE)) {
    const n = compactNumber(match[0]);
    if (n) runs.push({ start: match.index, end: match.index + match[0].length, number: n });
  }
  return runs;
}

/** Every phone-like run in `text` (read up to `maxChars`), compacted, first seen first, without repeats. */
export function phoneNumbersIn(text: string, maxChars = 2_000): string[] {
  return [...new Set(phoneRunsIn(normaliseDigits(text), maxChars).map((r) => r.number))];
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

/** The same number, however written: its digits. */
export const sameNumber = (a: string, b: string) => a.replace(/\D/g, '') === b.replace(/\D/g, '');

/** Merges candidates in order, without repeats (the same digits with and without + count once), capped. */
export function mergeNumbers(...lists: string[][]): string[] {
  const out: string[] = [];
  for (const n of lists.flat()) {
    if (!out.some((m) => sameNumber(m, n))) out.push(n.slice(0, LIMITS.numberChars));
  }
  return out.slice(0, LIMITS.numbers);
}

/** Page text as a short plain name: control characters, direction marks and runs of spaces gone, capped. */
export function plainName(text: string | null | undefined): string | undefined {
  const name = (text ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').replace(MARKS, '').replace(/\s+/g, ' ').trim()
    .slice(0, LIMITS.nameChars);
  return name || undefined;
}

/** True when `text` is a phone number and nothing else (so it is not a name). */
export const isOnlyNumber = (text: string) => /^\+?[\d\s().-]+$/.test(normaliseDigits(text).trim()) && compactNumber(text) !== null;
