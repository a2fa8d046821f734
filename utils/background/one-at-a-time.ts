/**
 * Read-modify-write of a stored item, one at a time: the worker handles messages, alarms and tab events
 * concurrently, and two interleaved updates of one item lose one of them. A failed task does not stop the next.
 */
export interface Serial {
  <T>(task: () => Promise<T>): Promise<T>;
  /** Resolves once every task queued so far has settled (for reads that must see them). */
  settled(): Promise<unknown>;
}

export function oneAtATime(): Serial {
  let queue: Promise<unknown> = Promise.resolve();
  const run = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task);
    queue = next.catch(() => undefined);
    return next;
  };
  return Object.assign(run, { settled: () => queue });
}
