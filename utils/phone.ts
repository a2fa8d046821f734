/**
 * Reading phone numbers out of whatever an agent pastes or selects, into Zoko's `wa_id` form
 * (digits only, country code first). Parsing is libphonenumber-js's; this module only splits and explains.
 */
import { i18n } from '#i18n';
import { findPhoneNumbersInText, parsePhoneNumberWithError, ParseError, type CountryCode } from 'libphonenumber-js/min';

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

/** Reads the one number in a selection or link (`tel:`, `wa.me/…`, `api.whatsapp.com/send?phone=…`). */
export function numberFromSelection(text: string, defaultCountry?: string): ParsedNumber | RejectedNumber {
  let candidate = text.slice(0, 200).trim();
  const link = /^(?:tel:|https?:\/\/(?:wa\.me\/|api\.whatsapp\.com\/send\/?\?phone=))([^?&#/]+)/i.exec(candidate);
  if (link) candidate = decodeURIComponent(link[1]!);
  if (!/\d/.test(candidate)) return { input: candidate.slice(0, 60), reason: i18n.t('phone.noNumberInSelection') };
  // A number inside a sentence ("call me on 098765 11122 after 5pm"): let libphonenumber find it.
  const [found] = findPhoneNumbersInText(candidate, defaultCountry as CountryCode | undefined);
  if (found) return { input: candidate, waId: found.number.number.slice(1), country: found.number.country };
  return parseNumber(candidate, defaultCountry);
}

/** `919876543210` → `+91 98765 43210`, for display. */
export function formatWaId(waId: string): string {
  try {
    return parsePhoneNumberWithError(`+${waId}`).formatInternational();
  } catch {
    return `+${waId}`; // not parseable: show it as Zoko sent it
  }
}
