/** One user action with its pending flag and last error, so each button can show its own state. */
import { signal, type ReadonlySignal } from '@preact/signals';
import type { Result } from '../result';
import type { ErrorData } from '../errors';

export interface Action<A extends unknown[], T> {
  pending: ReadonlySignal<boolean>;
  error: ReadonlySignal<ErrorData | null>;
  /** Runs the action; resolves to its data, or undefined when it failed (the error is in `error`). */
  run: (...args: A) => Promise<T | undefined>;
  clearError: () => void;
}

export function createAction<A extends unknown[], T>(fn: (...args: A) => Promise<Result<T>>): Action<A, T> {
  const pending = signal(false);
  const error = signal<ErrorData | null>(null);
  return {
    pending,
    error,
    clearError: () => (error.value = null),
    async run(...args) {
      pending.value = true;
      error.value = null;
      try {
        const r = await fn(...args);
        if (r.ok) return r.data;
        error.value = r.error;
        return undefined;
      } finally {
        pending.value = false;
      }
    },
  };
}
