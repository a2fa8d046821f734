/** Failures the background finds by itself (bad input, a refused sender), apart from Zoko's own. */
import type { ErrorData, ErrorKind } from '../errors';
import { toZokoError } from './zoko/errors';

export class LocalError extends Error {
  readonly data: ErrorData;
  constructor(kind: ErrorKind, message: string) {
    super(message);
    this.name = 'LocalError';
    this.data = { kind, message };
  }
}

/** Input the agent can fix: the message is the sentence to show. */
export const invalidInput = (message: string) => new LocalError('invalidInput', message);

/** Anything thrown while handling a message, as data for the reply. */
export function toErrorData(error: unknown): ErrorData {
  return error instanceof LocalError ? error.data : toZokoError(error).data;
}
