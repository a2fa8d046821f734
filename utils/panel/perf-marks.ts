/**
 * Named performance marks at the moments agents feel (first rows painted, a group loaded). They cost
 * nothing measurable and let `npm run bench` time the real panel instead of guessing from outside.
 */
export const MARK = {
  firstRows: 'zoko:first-rows',
  listReceived: 'zoko:list-received',
  openGroup: 'zoko:open-group',
  groupLoaded: 'zoko:group-loaded',
  openWaiting: 'zoko:open-waiting',
  waitingRows: 'zoko:waiting-rows',
} as const;

/** Marks a moment once per page (later calls are ignored). */
export function markOnce(name: string) {
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
}

export function mark(name: string) {
  performance.mark(name);
}
