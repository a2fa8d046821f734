/** Results cross the messaging boundary as data: `{ ok: true, data }` or `{ ok: false, error }`. */
import { toZokoError, type ErrorData } from './zoko/errors';

export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorData };

export const success = <T>(data: T): Result<T> => ({ ok: true, data });
export const failure = (error: ErrorData): Result<never> => ({ ok: false, error });

/** Runs `fn` and turns any thrown error into a failure value. */
export async function toResult<T>(fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return success(await fn());
  } catch (error) {
    return failure(toZokoError(error).data);
  }
}
