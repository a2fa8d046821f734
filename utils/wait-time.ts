/** How long someone has waited, for the panel's rows, the badge's tooltip and notifications alike. */

const formats = new Map<string, Intl.NumberFormat>();

/** "14 min", "2 hr", "3 days" (at least a minute), through Intl so it follows the agent's language. */
export function waitedFor(since: number, now = Date.now(), locale?: string): string {
  const ms = Math.max(60_000, now - since);
  const [unit, size] = ms >= 86_400_000 ? ['day', 86_400_000] as const : ms >= 3_600_000 ? ['hour', 3_600_000] as const : ['minute', 60_000] as const;
  // Building a formatter costs far more than using one: a queue of 2,000 rows reuses three.
  const key = `${locale ?? ''}|${unit}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' })));
  return format.format(Math.floor(ms / size));
}

/** The request that has waited longest in each group (creation time in ms). */
export function oldestWaits(people: Record<string, { createdAt: number }[]>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [groupId, requests] of Object.entries(people)) {
    const times = requests.map((r) => r.createdAt).filter((t) => t > 0);
    if (times.length > 0) out[groupId] = Math.min(...times);
  }
  return out;
}
