/**
 * Decisions on their way to Zoko, per join request: a request has at most one at a time. Zoko may take
 * seconds to answer, and until it does the request is still listed: without this, a second key press or
 * click decides it again (two POSTs for one request, or a reject sent for someone just approved).
 * Waiting and an open group's join requests both decide through it.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import type { JoinDecision } from '../domain';

export interface DecisionsInFlight {
  /** Request id → the decision on its way for it. */
  deciding: ReadonlySignal<ReadonlyMap<string, JoinDecision>>;
  /** Takes those of `ids` with no decision on its way, for `action`; returns them (the others are left alone). */
  claim: (action: JoinDecision, ids: string[]) => string[];
  /** Zoko answered (or failed) for these: they can be decided again. */
  release: (ids: string[]) => void;
}

export function createDecisionsInFlight(): DecisionsInFlight {
  const deciding = signal<ReadonlyMap<string, JoinDecision>>(new Map());
  return {
    deciding,
    claim(action, ids) {
      const free = [...new Set(ids)].filter((id) => !deciding.value.has(id));
      if (free.length > 0) deciding.value = new Map([...deciding.value, ...free.map((id) => [id, action] as const)]);
      return free;
    },
    release(ids) {
      const next = new Map(deciding.value);
      for (const id of ids) next.delete(id);
      deciding.value = next;
    },
  };
}
