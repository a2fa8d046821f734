/**
 * Whether a selection is one clear international number, decided without phone metadata (libphonenumber's
 * is 36 KB gzip, too heavy for the background, which needs this answer synchronously in a menu click).
 * Clear means: a `tel:`/`wa.me` link, or a `+` number that is the only run of digits in the text. Anything
 * else — a national number, two numbers, an order id beside a number — goes to the panel, which parses it
 * with full metadata and lets the agent pick.
 */

const LINK = /^(?:tel:|https?:\/\/(?:wa\.me\/|api\.whatsapp\.com\/send\/?\?phone=))([^?&#/]+)/i;
/** A run of digits with the usual separators, as a phone number is written. */
const DIGIT_RUN = /\+?\d[\d\s().\-/]*\d/g;

/** A percent-escape that does not decode (`%zz`) is kept as typed rather than thrown. */
export function decodeLoosely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The digits of the one clear international number in `text` (country code first), or undefined. */
export function clearInternationalNumber(text: string): string | undefined {
  const input = text.slice(0, 200).trim();
  const link = LINK.exec(input);
  const runs = (link ? decodeLoosely(link[1]!) : input).match(DIGIT_RUN) ?? [];
  if (runs.length !== 1) return undefined;
  const run = runs[0]!;
  const international = link ? !/^0/.test(run.replace(/^\+/, '')) : run.startsWith('+');
  const digits = run.replace(/\D/g, '');
  // E.164: at most 15 digits; fewer than 8 is no one's full number.
  return international && digits.length >= 8 && digits.length <= 15 && !digits.startsWith('0') ? digits : undefined;
}
