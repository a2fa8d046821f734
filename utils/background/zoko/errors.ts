/** Every failure of a Zoko call becomes a `ZokoError` with a `kind` the UI can act on. */
import { FetchError } from 'ofetch';
import type { ErrorData, ErrorKind } from '../../errors';

export class ZokoError extends Error {
  constructor(readonly data: ErrorData) {
    super(data.message);
    this.name = 'ZokoError';
  }
}

/** Meta's Groups API error codes that Zoko may pass through, and the kind each one is. */
export const META_CODE_KIND: Record<number, ErrorKind> = {
  131041: 'notFound',
  131059: 'invalidInput',
  131201: 'partial',
  131202: 'invalidInput',
  131203: 'invalidInput',
  131212: 'invalidInput',
  131204: 'invalidInput',
  131207: 'suspended',
  131208: 'rateLimited',
  131211: 'forbidden',
  131213: 'notFound',
  131214: 'server',
  131215: 'invalidInput',
};

function kindForStatus(status: number): ErrorKind {
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'notFound';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rateLimited';
  if (status === 400 || status === 409 || status === 422) return 'invalidInput';
  if (status === 206) return 'partial';
  if (status >= 500) return 'server';
  return 'unexpected';
}

/** Reads `Retry-After` as seconds (delta or HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

const asRecord = (x: unknown): Record<string, unknown> | undefined =>
  typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined;

/** Pulls a message and a Meta code out of whatever error body Zoko sent (JSON of several shapes, or not JSON). */
export function readErrorBody(body: unknown): { message?: string; metaCode?: number } {
  const top = asRecord(body);
  if (!top) return {};
  const nested = asRecord(top.error);
  const message = [top.message, top.error, top.detail, nested?.message, nested?.error_user_msg]
    .find((m): m is string => typeof m === 'string' && m.trim() !== '');
  const code = [top.code, top.error_code, top.meta_code, nested?.code, nested?.error_subcode]
    .map(Number)
    .find((c) => Number.isInteger(c) && c >= 100_000);
  return { message: message?.slice(0, 300), metaCode: code };
}

/** Builds the error for an HTTP response that is not a success (`retryAfter`: the header, or seconds already read). */
export function errorFromResponse(status: number, body: unknown, retryAfter?: string | number | null): ZokoError {
  const { message, metaCode } = readErrorBody(body);
  const kind = (metaCode && META_CODE_KIND[metaCode]) || kindForStatus(status);
  const retryAfterS = typeof retryAfter === 'number' ? retryAfter : parseRetryAfter(retryAfter);
  return new ZokoError({
    kind,
    status,
    message: message ?? `Zoko answered HTTP ${status}`,
    ...(metaCode ? { metaCode } : {}),
    ...(retryAfterS !== undefined ? { retryAfterS } : {}),
  });
}

/**
 * Maps anything a call can throw (ofetch errors, aborts, our own errors) onto a `ZokoError`. With
 * `duringTransfer`, an unknown error came from the network stack itself (e.g. the connection dropped while
 * the body was arriving), not from a bug of ours.
 */
export function toZokoError(error: unknown, duringTransfer = false): ZokoError {
  if (error instanceof ZokoError) return error;
  if (error instanceof FetchError && error.response) {
    return errorFromResponse(error.response.status, error.data, error.response.headers.get('retry-after'));
  }
  const cause = error instanceof FetchError ? error.cause : error;
  const name = cause instanceof Error ? cause.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new ZokoError({ kind: 'timeout', message: 'Zoko did not answer in time' });
  }
  if (error instanceof FetchError || duringTransfer) return new ZokoError({ kind: 'network', message: 'Could not reach Zoko' });
  // Not a transport failure: a bug of ours. Say so plainly rather than blame the network.
  return unexpected(error instanceof Error ? error.message : String(error));
}

export function unexpected(detail: string): ZokoError {
  return new ZokoError({ kind: 'unexpected', message: `Unexpected response from Zoko: ${detail}`.slice(0, 300) });
}

/**
 * A 2xx body that says the call failed: `success: false`, or an `error` that is set. The published page
 * shows no such body, but "any 2xx is success" would report a refusal as done; the kind comes from Meta's
 * code when there is one, else it is a refusal of the input.
 */
export function errorInSuccess(status: number, body: unknown): ZokoError | undefined {
  const top = asRecord(body);
  if (!top) return undefined;
  const failed = top.success === false || top.ok === false || (top.error != null && top.error !== false && top.error !== '');
  if (!failed) return undefined;
  const { message, metaCode } = readErrorBody(body);
  return new ZokoError({
    kind: (metaCode && META_CODE_KIND[metaCode]) || 'invalidInput',
    status,
    message: message ?? 'Zoko did not accept this',
    ...(metaCode ? { metaCode } : {}),
  });
}
