/** Failures the background finds by itself (bad input, a refused sender), apart from Zoko's own. */
import type { ErrorData, ErrorKind } from '../errors';
import { toZokoError } from './zoko/errors';

export class LocalError extends Error {
  readonly data: ErrorData;
  constructor(kind: ErrorKind, message: string, extra: Partial<ErrorData> = {}) {
    super(message);
    this.name = 'LocalError';
    this.data = { kind, message, ...extra };
  }
}

/** The same failure, with what a re-read found out about it. */
export function withOutcome(error: unknown, outcome: NonNullable<ErrorData['outcome']>): LocalError {
  const data = toErrorData(error);
  return new LocalError(data.kind, data.message, { ...data, outcome });
}

/**
 * Failures after which a write may or may not have happened at Zoko. A 503 that says when to come back
 * (`pausedUntil`) is a plain "not now": nothing was done, and a re-read would only wait for the same pause.
 */
export function isUnclear(error: unknown): boolean {
  const { kind, lostReply, pausedUntil } = toErrorData(error);
  return !lostReply && pausedUntil === undefined && (kind === 'timeout' || kind === 'network' || kind === 'server' || kind === 'unexpected');
}

/** Input the agent can fix: the message is the sentence to show. */
export const invalidInput = (message: string) => new LocalError('invalidInput', message);

/** Anything thrown while handling a message, as data for the reply. */
export function toErrorData(error: unknown): ErrorData {
  return error instanceof LocalError ? error.data : toZokoError(error).data;
}
