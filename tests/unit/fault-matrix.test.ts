// The fault matrix at the client: each of the 14 operations × each failure Zoko can produce.
// For every case: the error kind, what the agent is told, and how many requests reached Zoko
// (reads retried, a POST or the link reset sent exactly once).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../../utils/error-text';
import { createZokoClient, type ZokoClient } from '../../utils/zoko/client';
import { ZokoError, type ErrorKind } from '../../utils/zoko/errors';
import { newStore, type SandboxControl } from '../sandbox/control';
import type { Fault } from '../sandbox/server';
import { startSandbox, type Sandbox } from '../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => { sandbox = await startSandbox(); });
afterAll(() => sandbox.close());

type Op = {
  name: string;
  method: 'GET' | 'POST' | 'PUT';
  /** Path under the group collection, for the fault; `exact` when it would match others. */
  path: (id: string) => string;
  exact?: boolean;
  /** Retried by the client (GET and value-setting PUTs). */
  idempotent: boolean;
  /** The response is validated: a body of the wrong shape is an error, not a success. */
  readsBody: boolean;
  run: (c: ZokoClient, id: string, req: string) => Promise<unknown>;
};

const OPS: Op[] = [
  { name: 'create', method: 'POST', path: () => '/', exact: true, idempotent: false, readsBody: true, run: (c) => c.createGroup('Matrix', 'agent') },
  { name: 'list', method: 'GET', path: () => '/', exact: true, idempotent: true, readsBody: true, run: (c) => c.listGroups() },
  { name: 'details', method: 'GET', path: (id) => `/${id}`, exact: true, idempotent: true, readsBody: true, run: (c, id) => c.getGroup(id) },
  { name: 'settings', method: 'PUT', path: () => '/settings', idempotent: true, readsBody: false, run: (c, id) => c.updateSettings(id, { subject: 'X' }, 'a@b.co') },
  { name: 'delete', method: 'POST', path: () => '/delete', idempotent: false, readsBody: false, run: (c, id) => c.deleteGroup(id) },
  { name: 'invite', method: 'POST', path: () => '/invitations', idempotent: false, readsBody: true, run: (c, id) => c.inviteMembers(id, ['919812345678']) },
  { name: 'remove', method: 'POST', path: () => '/remove-participants', idempotent: false, readsBody: false, run: (c, id) => c.removeParticipants(id, ['0'], 'a@b.co') },
  { name: 'join requests', method: 'GET', path: () => '/join-requests', idempotent: true, readsBody: true, run: (c, id) => c.listJoinRequests(id) },
  { name: 'approve', method: 'POST', path: () => '/join-requests/approve', idempotent: false, readsBody: false, run: (c, id, req) => c.approveJoinRequests(id, [req]) },
  { name: 'reject', method: 'POST', path: () => '/join-requests/reject', idempotent: false, readsBody: false, run: (c, id, req) => c.rejectJoinRequests(id, [req]) },
  { name: 'auto-approval', method: 'PUT', path: () => '/auto-approval', idempotent: true, readsBody: false, run: (c, id) => c.setAutoApproval(id, true) },
  { name: 'get link', method: 'GET', path: () => '/invite-link', idempotent: true, readsBody: true, run: (c, id) => c.getInviteLink(id) },
  { name: 'reset link', method: 'PUT', path: () => '/invite-link', idempotent: false, readsBody: true, run: (c, id) => c.resetInviteLink(id) },
  { name: 'get template', method: 'GET', path: () => '/invitation-template', idempotent: true, readsBody: true, run: (c, id) => c.getInvitationTemplate(id) },
  { name: 'set template', method: 'PUT', path: () => '/invitation-template', idempotent: true, readsBody: false, run: (c, id) => c.setInvitationTemplate(id, 't', {}) },
];

type Case = {
  name: string;
  fault: Fault;
  /** The kind, or 'ok' (a 2xx whose body the API doc does not define, for operations that read none). */
  expect: (op: Op) => ErrorKind | 'ok';
  /** Requests that reach Zoko. */
  requests: (op: Op) => number;
  retryAfterS?: number;
};

const RETRIES = 2;
const retried = (op: Op) => (op.idempotent ? 1 + RETRIES : 1);
const bodyOrOk = (kind: ErrorKind) => (op: Op) => (op.readsBody ? kind : 'ok');

const CASES: Case[] = [
  { name: '401', fault: { status: 401 }, expect: () => 'auth', requests: () => 1 },
  { name: '403', fault: { status: 403 }, expect: () => 'forbidden', requests: () => 1 },
  { name: '404', fault: { status: 404 }, expect: () => 'notFound', requests: () => 1 },
  { name: '409', fault: { status: 409 }, expect: () => 'invalidInput', requests: () => 1 }, // a conflict is not retried: it needs a person
  { name: '422', fault: { status: 422 }, expect: () => 'invalidInput', requests: () => 1 },
  { name: '429 with Retry-After', fault: { status: 429, retryAfter: 30 }, expect: () => 'rateLimited', requests: () => 1, retryAfterS: 30 },
  { name: '429 without Retry-After', fault: { status: 429 }, expect: () => 'rateLimited', requests: retried },
  { name: '500', fault: { status: 500 }, expect: () => 'server', requests: retried },
  { name: '502 HTML', fault: { kind: 'html', status: 502 }, expect: () => 'server', requests: retried },
  { name: '503 HTML', fault: { kind: 'html', status: 503 }, expect: () => 'server', requests: retried },
  { name: 'timeout', fault: { kind: 'timeout' }, expect: () => 'timeout', requests: () => 1 },
  { name: 'connection dropped', fault: { kind: 'reset' }, expect: () => 'network', requests: retried },
  { name: 'malformed JSON', fault: { kind: 'malformed' }, expect: bodyOrOk('unexpected'), requests: () => 1 },
  { name: 'JSON of the wrong shape', fault: { kind: 'wrongShape' }, expect: bodyOrOk('unexpected'), requests: () => 1 },
  { name: 'empty body', fault: { kind: 'empty' }, expect: bodyOrOk('unexpected'), requests: () => 1 },
  { name: '206 partial success', fault: { status: 206, body: { code: 131201, message: 'Partial', failed: [{ phone_number: '1', reason: 'no' }] } },
    expect: () => 'partial', requests: () => 1 },
];

async function setUp(store: SandboxControl) {
  const g = (await store.state()).groups.find((x) => !x.suspended && x.join_requests.length > 0)!;
  return { id: g._id, req: g.join_requests[0]!.join_request_id };
}

describe.each(OPS)('$name', (op) => {
  it.each(CASES)('$name', async (c) => {
    const store = await newStore(sandbox.url);
    const client = createZokoClient({ baseURL: sandbox.baseUrl, getApiKey: async () => store.apiKey, timeoutMs: 300, retryBaseMs: 1 });
    const { id, req } = await setUp(store);
    await store.clearLog();
    await store.fault({ ...c.fault, method: op.method, path: op.path(id), exact: op.exact, times: 5 });
    const outcome = await op.run(client, id, req).then(() => 'ok' as const, (e: unknown) => e);
    const expected = c.expect(op);
    if (expected === 'ok') {
      expect(outcome).toBe('ok');
    } else {
      expect(outcome).toBeInstanceOf(ZokoError);
      const data = (outcome as ZokoError).data;
      expect(data.kind).toBe(expected);
      if (c.retryAfterS !== undefined) expect(data.retryAfterS).toBe(c.retryAfterS);
      // Every failure has a sentence for the agent, never a raw status or stack.
      expect(describeError(data).text).toMatch(/^[A-Z].*[.]$/);
    }
    const sent = (await store.log()).filter((r) => r.method === op.method);
    expect(sent).toHaveLength(c.requests(op));
  });
});

it('connection refused (nothing listening) → network, for every operation', async () => {
  const offline = createZokoClient({ baseURL: 'http://127.0.0.1:9/v2', getApiKey: async () => 'k', retries: 0 });
  for (const op of OPS) {
    const error = await op.run(offline, 'g', 'r').then(() => null, (e: unknown) => e);
    expect((error as ZokoError).data.kind, op.name).toBe('network');
  }
});
