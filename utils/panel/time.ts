/** Dates and ages for display, through Intl so they follow the agent's language. */

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 31_536_000_000], ['month', 2_592_000_000], ['week', 604_800_000], ['day', 86_400_000],
  ['hour', 3_600_000], ['minute', 60_000],
];

/** "3 min ago", "yesterday", "just now". */
export function timeAgo(ms: number, now = Date.now(), locale?: string): string {
  const diff = ms - now;
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size) return rtf.format(Math.round(diff / size), unit);
  }
  return rtf.format(0, 'second') === 'now' ? 'just now' : rtf.format(0, 'second');
}

/** A date as "26 Nov 2026"; empty for a missing or unreadable one. */
export function formatDate(iso: string, locale?: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(t);
}

