/**
 * Reading phone numbers out of whatever an agent pastes or selects, into Zoko's `wa_id` form
 * (digits only, country code first). Parsing is libphonenumber-js's; this module only splits and explains.
 */
import { i18n } from '#i18n';
import { findPhoneNumbersInText, parsePhoneNumberWithError, ParseError, type CountryCode } from 'libphonenumber-js/min';
import { decodeLoosely } from './clear-number';

export interface ParsedNumber { input: string; waId: string; country?: string }
export interface RejectedNumber { input: string; reason: string }

export interface PastedNumbers {
  valid: ParsedNumber[];
  invalid: RejectedNumber[];
  /** Numbers given more than once (after normalising); only the first is kept in `valid`. */
  duplicates: ParsedNumber[];
  /** True when the paste had more candidates than we read. */
  truncated: boolean;
}

/** Bounds that keep a huge paste (or selection) fast: we read this much and say so. */
export const MAX_NUMBERS = 1000;
export const MAX_TEXT = 100_000;
const MAX_TOKEN = 40;

const REASONS: Record<string, () => string> = {
  INVALID_COUNTRY: () => i18n.t('phone.noCountry'),
  NOT_A_NUMBER: () => i18n.t('phone.notNumber'),
  TOO_SHORT: () => i18n.t('phone.tooShort'),
  TOO_LONG: () => i18n.t('phone.tooLong'),
  INVALID_LENGTH: () => i18n.t('phone.wrongLength'),
};

/** Parses one candidate; a number that only reads right with its own country code (digits without `+`) is accepted too. */
export function parseNumber(raw: string, defaultCountry?: string): ParsedNumber | RejectedNumber {
  const input = raw.trim();
  if (input.length > MAX_TOKEN) return { input: `${input.slice(0, MAX_TOKEN)}…`, reason: i18n.t('phone.tooLong') };
  const country = (defaultCountry || undefined) as CountryCode | undefined;
  const digits = input.replace(/\D/g, '');
  if (digits.length > 0 && digits.length < 6) return { input, reason: i18n.t('phone.tooShort') };
  try {
    const parsed = parsePhoneNumberWithError(input, country);
    if (parsed.isValid()) return { input, waId: parsed.number.slice(1), country: parsed.country };
    if (!input.startsWith('+') && digits.length >= 10) {
      const international = parsePhoneNumberWithError(`+${digits}`);
      if (international.isValid()) return { input, waId: international.number.slice(1), country: international.country };
    }
    return { input, reason: parsed.country ? i18n.t('phone.notValidFor', [parsed.country]) : i18n.t('phone.notValid') };
  } catch (error) {
    const code = error instanceof ParseError ? error.message : '';
    if (code === 'INVALID_COUNTRY' && /^(\+|00)/.test(input)) return { input, reason: i18n.t('phone.unknownCountry') };
    return { input, reason: (REASONS[code] ?? REASONS.NOT_A_NUMBER!)() };
  }
}

export const isParsed = (n: ParsedNumber | RejectedNumber): n is ParsedNumber => 'waId' in n;

/** Splits pasted text (lines, CSV cells, tabs, semicolons) into numbers: valid, invalid with why, duplicates. */
export function parsePastedNumbers(text: string, defaultCountry?: string): PastedNumbers {
  const tokens = text.slice(0, MAX_TEXT).split(/[\n\r,;\t|]+/);
  // Cells without a digit are names or headers in a CSV, not numbers.
  const candidates = tokens.map((t) => t.trim()).filter((t) => /\d/.test(t));
  const result: PastedNumbers = {
    valid: [], invalid: [], duplicates: [],
    truncated: text.length > MAX_TEXT || candidates.length > MAX_NUMBERS,
  };
  const seen = new Set<string>();
  for (const token of candidates.slice(0, MAX_NUMBERS)) {
    const n = parseNumber(token, defaultCountry);
    if (!isParsed(n)) result.invalid.push(n);
    else if (seen.has(n.waId)) result.duplicates.push(n);
    else {
      seen.add(n.waId);
      result.valid.push(n);
    }
  }
  return result;
}

const LINK = /^(?:tel:|https?:\/\/(?:wa\.me\/|api\.whatsapp\.com\/send\/?\?phone=))([^?&#/]+)/i;
/** Text that is nothing but a number: digits with the usual separators, an optional leading `+`. */
const ONLY_A_NUMBER = /^\+?[\d\s().\-/]{6,}$/;


/** What a selection (or a `tel:`/`wa.me` link) holds: every number in it, and the one it clearly is, if any. */
export interface SelectionReading {
  input: string;
  /** Set only when there is exactly one clear number: a link, a `+` number alone in the text, or text that is nothing but a number. */
  clear?: ParsedNumber;
  /** Every valid number found, in order, without repeats: the agent picks when there is no clear one. */
  candidates: ParsedNumber[];
  /** Why nothing could be invited, when there is no candidate. */
  reason?: string;
}

/**
 * Reads a selection without guessing: "Order 2024011512 — call +91 98765 43210" holds two number-like
 * runs, so it is not clear, and the agent is asked which one (a direct invite would reach a stranger).
 */
export function readSelection(text: string, defaultCountry?: string): SelectionReading {
  const input = text.slice(0, 200).trim();
  const link = LINK.exec(input);
  if (link || ONLY_A_NUMBER.test(input)) {
    const n = parseNumber(link ? decodeLoosely(link[1]!) : input, defaultCountry);
    return isParsed(n) ? { input, clear: n, candidates: [n] } : { input, candidates: [], reason: n.reason };
  }
  if (!/\d/.test(input)) return { input: input.slice(0, 60), candidates: [], reason: i18n.t('phone.noNumberInSelection') };
  const found = findPhoneNumbersInText(input, defaultCountry as CountryCode | undefined);
  const candidates: ParsedNumber[] = [];
  const add = (n: ParsedNumber) => {
    if (!candidates.some((c) => c.waId === n.waId)) candidates.push(n);
  };
  for (const f of found) add({ input: input.slice(f.startsAt, f.endsAt), waId: f.number.number.slice(1), country: f.number.country });
  // Other runs of digits libphonenumber did not take (an order number, a date) still make the selection unclear.
  const rest = found.reduceRight((t, f) => t.slice(0, f.startsAt) + ' '.repeat(f.endsAt - f.startsAt) + t.slice(f.endsAt), input);
  const others = rest.match(/\+?\d[\d\s().\-]{5,}\d/g) ?? [];
  for (const run of others) {
    const n = parseNumber(run, defaultCountry);
    if (isParsed(n)) add(n);
  }
  const only = candidates.length === 1 && others.length === 0 ? candidates[0] : undefined;
  const clear = only && only.input.trim().startsWith('+') ? only : undefined;
  if (candidates.length > 0) return { input, candidates, ...(clear ? { clear } : {}) };
  const single = parseNumber(input, defaultCountry);
  return { input, candidates: [], reason: isParsed(single) ? i18n.t('phone.notValid') : single.reason };
}

/** Reads the one number in a selection or link (`tel:`, `wa.me/…`, `api.whatsapp.com/send?phone=…`). */
export function numberFromSelection(text: string, defaultCountry?: string): ParsedNumber | RejectedNumber {
  const reading = readSelection(text, defaultCountry);
  const first = reading.clear ?? reading.candidates[0];
  return first ? { ...first, input: reading.input } : { input: reading.input, reason: reading.reason ?? i18n.t('phone.notValid') };
}

/** `919876543210` → `+91 98765 43210`, for display. */
export function formatWaId(waId: string): string {
  try {
    return parsePhoneNumberWithError(`+${waId}`).formatInternational();
  } catch {
    return `+${waId}`; // not parseable: show it as Zoko sent it
  }
}
