/** How long someone has waited, for the panel's rows, the badge's tooltip and notifications alike. */

/** "14 min", "2 hr", "3 days" (at least a minute), through Intl so it follows the agent's language. */
export function waitedFor(since: number, now = Date.now(), locale?: string): string {
  const ms = Math.max(60_000, now - since);
  const [unit, size] = ms >= 86_400_000 ? ['day', 86_400_000] as const : ms >= 3_600_000 ? ['hour', 3_600_000] as const : ['minute', 60_000] as const;
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(Math.floor(ms / size));
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
