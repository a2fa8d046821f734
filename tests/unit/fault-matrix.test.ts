// The fault matrix at the client: each of the 14 operations × each failure Zoko can produce.
// For every case: the error kind, what the agent is told, and how many requests reached Zoko
// (reads retried, a POST or the link reset sent exactly once).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../../utils/error-text';
import { createZokoClient, type ZokoClient } from '../../utils/background/zoko/client';
import { ZokoError } from '../../utils/background/zoko/errors';
import { FAULT_CASES, OPS, type OpName, type OpTraits } from '../fault-cases';
import { newStore, type SandboxControl } from '../../dev/sandbox/control';
import { startSandbox, type Sandbox } from '../../dev/sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => { sandbox = await startSandbox(); });
afterAll(() => sandbox.close());

type Op = OpTraits & { name: OpName; run: (c: ZokoClient, id: string, req: string) => Promise<unknown> };

const RUN: Record<OpName, Op['run']> = {
  'create': (c) => c.createGroup('Matrix', 'agent'),
  'list': (c) => c.listGroups(),
  'details': (c, id) => c.getGroup(id),
  'settings': (c, id) => c.updateSettings(id, { subject: 'X' }, 'a@b.co'),
  'delete': (c, id) => c.deleteGroup(id),
  'invite': (c, id) => c.inviteMembers(id, ['919812345678']),
  'remove': (c, id) => c.removeParticipants(id, ['0'], 'a@b.co'),
  'join requests': (c, id) => c.listJoinRequests(id),
  'approve': (c, id, req) => c.approveJoinRequests(id, [req]),
  'reject': (c, id, req) => c.rejectJoinRequests(id, [req]),
  'auto-approval': (c, id) => c.setAutoApproval(id, true),
  'get link': (c, id) => c.getInviteLink(id),
  'reset link': (c, id) => c.resetInviteLink(id),
  'get template': (c, id) => c.getInvitationTemplate(id),
  'set template': (c, id) => c.setInvitationTemplate(id, { templateId: 't', args: {} }),
};

const ALL: Op[] = (Object.keys(OPS) as OpName[]).map((name) => ({ name, ...OPS[name], run: RUN[name] }));
const CASES = FAULT_CASES;

async function setUp(store: SandboxControl) {
  const g = (await store.state()).groups.find((x) => !x.suspended && x.join_requests.length > 0)!;
  return { id: g._id, req: g.join_requests[0]!.join_request_id };
}

describe.each(ALL)('$name', (op) => {
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
      if (c.pauses) expect(data.pausedUntil).toBeGreaterThan(Date.now() + (c.retryAfterS! - 5) * 1000);
      // Every failure has a sentence for the agent, never a raw status or stack.
      expect(describeError(data).text).toMatch(/^[A-Z].*[.]$/);
    }
    const sent = (await store.log()).filter((r) => r.method === op.method);
    expect(sent).toHaveLength(c.requests(op));
  });
});

it('connection refused (nothing listening) → network, for every operation', async () => {
  const offline = createZokoClient({ baseURL: 'http://127.0.0.1:9/v2', getApiKey: async () => 'k', retries: 0 });
  for (const op of ALL) {
    const error = await op.run(offline, 'g', 'r').then(() => null, (e: unknown) => e);
    expect((error as ZokoError).data.kind, op.name).toBe('network');
  }
});
