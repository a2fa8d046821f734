/** Results cross the messaging boundary as data: `{ ok: true, data }` or `{ ok: false, error }`. */
import type { ErrorData } from './errors';

export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorData };

export const success = <T>(data: T): Result<T> => ({ ok: true, data });
export const failure = (error: ErrorData): Result<never> => ({ ok: false, error });
