/**
 * The fault matrix, shared by the client-level test (tests/unit/fault-matrix.test.ts) and the panel-level one
 * (tests/e2e/fault-matrix.spec.ts): the operations as Zoko sees them, and every failure it can produce.
 */
import type { ErrorKind } from '../utils/errors';
import type { Fault } from '../dev/sandbox/server';
import { DEFAULT_PAUSE_S } from '../utils/background/zoko/client';

export type OpName =
  | 'create' | 'list' | 'details' | 'settings' | 'delete' | 'invite' | 'remove' | 'join requests'
  | 'approve' | 'reject' | 'auto-approval' | 'get link' | 'reset link' | 'get template' | 'set template';

export interface OpTraits {
  method: 'GET' | 'POST' | 'PUT';
  /** Path under the group collection, for the fault; `exact` when a prefix would match other calls. */
  path: (id: string) => string;
  exact?: boolean;
  /** Retried by the client (GET and value-setting PUTs). */
  idempotent: boolean;
  /** The response is validated: a body of the wrong shape is an error, not a success. */
  readsBody: boolean;
}

export const OPS: Record<OpName, OpTraits> = {
  'create': { method: 'POST', path: () => '/', exact: true, idempotent: false, readsBody: true },
  'list': { method: 'GET', path: () => '/', exact: true, idempotent: true, readsBody: true },
  'details': { method: 'GET', path: (id) => `/${id}`, exact: true, idempotent: true, readsBody: true },
  'settings': { method: 'PUT', path: () => '/settings', idempotent: true, readsBody: false },
  'delete': { method: 'POST', path: () => '/delete', idempotent: false, readsBody: false },
  'invite': { method: 'POST', path: () => '/invitations', idempotent: false, readsBody: true },
  'remove': { method: 'POST', path: () => '/remove-participants', idempotent: false, readsBody: false },
  'join requests': { method: 'GET', path: () => '/join-requests', idempotent: true, readsBody: true },
  'approve': { method: 'POST', path: () => '/join-requests/approve', idempotent: false, readsBody: false },
  'reject': { method: 'POST', path: () => '/join-requests/reject', idempotent: false, readsBody: false },
  'auto-approval': { method: 'PUT', path: () => '/auto-approval', idempotent: true, readsBody: false },
  'get link': { method: 'GET', path: () => '/invite-link', idempotent: true, readsBody: true },
  'reset link': { method: 'PUT', path: () => '/invite-link', idempotent: false, readsBody: true },
  'get template': { method: 'GET', path: () => '/invitation-template', idempotent: true, readsBody: true },
  'set template': { method: 'PUT', path: () => '/invitation-template', idempotent: true, readsBody: false },
};

export interface FaultCase {
  name: string;
  fault: Fault;
  /** The kind the agent's error has, or 'ok' (a 2xx whose body the API doc leaves open, for calls that read none). */
  expect: (op: OpTraits) => ErrorKind | 'ok';
  /** How many requests reach Zoko. */
  requests: (op: OpTraits) => number;
  retryAfterS?: number;
  status?: number;
  /** Zoko asked the account to wait a long while: every call pauses, and the agent is told until when ("Try now"). */
  pauses?: boolean;
}

export const CLIENT_RETRIES = 2;
const retried = (op: OpTraits) => (op.idempotent ? 1 + CLIENT_RETRIES : 1);
const once = () => 1;
const bodyOrOk = (kind: ErrorKind) => (op: OpTraits) => (op.readsBody ? kind : 'ok');

export const FAULT_CASES: FaultCase[] = [
  { name: '401', fault: { status: 401 }, status: 401, expect: () => 'auth', requests: once },
  { name: '403', fault: { status: 403 }, status: 403, expect: () => 'forbidden', requests: once },
  { name: '404', fault: { status: 404 }, status: 404, expect: () => 'notFound', requests: once },
  // A conflict needs a person, not another try.
  { name: '409', fault: { status: 409 }, status: 409, expect: () => 'invalidInput', requests: once },
  { name: '422', fault: { status: 422 }, status: 422, expect: () => 'invalidInput', requests: once },
  { name: '429 with Retry-After', fault: { status: 429, retryAfter: 30 }, status: 429, expect: () => 'rateLimited', requests: once, retryAfterS: 30 },
  // Zoko did not say when: nothing is retried in-line, and every call waits the default pause before the next try.
  { name: '429 without Retry-After', fault: { status: 429 }, status: 429, expect: () => 'rateLimited', requests: once, retryAfterS: DEFAULT_PAUSE_S },
  // Zoko said when to come back, ten minutes on: not waited out in-line, not retried; the account pauses.
  { name: '503 with Retry-After: 600', fault: { status: 503, retryAfter: 600 }, status: 503, expect: () => 'server', requests: once,
    retryAfterS: 600, pauses: true },
  { name: '500', fault: { status: 500 }, status: 500, expect: () => 'server', requests: retried },
  { name: '502 HTML', fault: { kind: 'html', status: 502 }, status: 502, expect: () => 'server', requests: retried },
  { name: '503 HTML', fault: { kind: 'html', status: 503 }, status: 503, expect: () => 'server', requests: retried },
  { name: 'timeout', fault: { kind: 'timeout' }, expect: () => 'timeout', requests: once },
  { name: 'connection dropped', fault: { kind: 'reset' }, expect: () => 'network', requests: retried },
  { name: 'malformed JSON', fault: { kind: 'malformed' }, expect: bodyOrOk('unexpected'), requests: once },
  { name: 'JSON of the wrong shape', fault: { kind: 'wrongShape' }, expect: bodyOrOk('unexpected'), requests: once },
  { name: 'empty body', fault: { kind: 'empty' }, expect: bodyOrOk('unexpected'), requests: once },
  { name: '206 partial success', status: 206,
    fault: { status: 206, body: { code: 131201, message: 'Partial', failed: [{ phone_number: '1', reason: 'no' }] } },
    expect: () => 'partial', requests: once },
];
