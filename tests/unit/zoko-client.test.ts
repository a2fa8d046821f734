// The client against the sandbox over real HTTP on 127.0.0.1: every operation, every error kind.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newStore, type SandboxControl } from '../../dev/sandbox/control';
import { startSandbox, type Sandbox } from '../../dev/sandbox/server';
import { createZokoClient, DEFAULT_PAUSE_S, type ZokoClient } from '../../utils/background/zoko/client';
import { ZokoError } from '../../utils/background/zoko/errors';
import { DIALECTS, type Dialect, type DialectName } from '../../dev/sandbox/dialects';
import type { ErrorData } from '../../utils/errors';
import { describeError } from '../../utils/error-text';

let sandbox: Sandbox;
let store: SandboxControl;
let client: ZokoClient;
let key: string | null;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());

beforeEach(async () => {
  store = await newStore(sandbox.url);
  key = store.apiKey;
  client = createZokoClient({ baseURL: sandbox.baseUrl, getApiKey: async () => key, timeoutMs: 600, retryBaseMs: 10 });
});

async function failureOf(p: Promise<unknown>): Promise<ErrorData> {
  const error = await p.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ZokoError);
  return (error as ZokoError).data;
}

const firstGroup = async (pick: (g: Awaited<ReturnType<SandboxControl['state']>>['groups'][number]) => boolean = () => true) =>
  (await store.state()).groups.find((g) => !g.suspended && pick(g))!;

// One suite, run against every dialect the sandbox speaks where Zoko's page is silent (dev/sandbox/dialects.ts):
// the client must work whichever way real Zoko answers.
describe.each(Object.entries(DIALECTS) as [DialectName, Dialect][])('the 14 operations, dialect "%s"', (name, dialect) => {
  const zokoIdOf = (g: { _id: string; group_id: string }) => g._id; // the client is always called with Zoko's id

  beforeEach(async () => {
    store = await newStore(sandbox.url, { dialect });
    key = store.apiKey;
    client = createZokoClient({ baseURL: sandbox.baseUrl, getApiKey: async () => key, timeoutMs: 600, retryBaseMs: 10 });
    await client.listGroups(); // as the background does before any group is opened: "a group the list just returned"
    await store.clearLog();
  });

  it('lists groups from camelCase into the domain model; an unreadable item is skipped and counted', async () => {
    const { groups, unreadable } = await client.listGroups();
    expect(groups).toHaveLength(12);
    expect(unreadable).toBe(dialect.brokenListItem ? 1 : 0);
    expect(groups[0]).toEqual({
      id: expect.any(String), whatsappGroupId: expect.stringMatching(/^120363\d+$/), subject: 'VIP Customers',
      inviteLink: dialect.loose ? expect.any(String) : expect.stringMatching(/^https:\/\/chat\.whatsapp\.com\//), autoApproval: false,
      participantCount: expect.any(Number), suspended: undefined, createdAt: expect.any(String), updatedAt: expect.any(String),
    });
  });

  it('reads details from snake_case into the same model, with participants', async () => {
    const { groups: [listed] } = await client.listGroups();
    const details = await client.getGroup(listed!.id);
    expect(details).toMatchObject({ id: listed!.id, subject: listed!.subject, whatsappGroupId: listed!.whatsappGroupId,
      participantCount: listed!.participantCount });
    expect(details.participants[0]).toEqual({ waId: expect.stringMatching(/^\d+$/), isAdmin: true, status: 'joined',
      customerId: expect.any(String), name: expect.any(String) });
  });

  it('finds the {id} form once and remembers it: one extra request at most, for the whole account', async () => {
    const [a, b] = (await store.state()).groups;
    await client.getGroup(zokoIdOf(a!));
    await client.getInviteLink(zokoIdOf(b!));
    const paths = (await store.log()).map((r) => r.path);
    if (dialect.pathId === 'whatsapp') expect(paths).toEqual([`/${a!._id}`, `/${a!.group_id}`, `/${b!.group_id}/invite-link`]);
    else expect(paths).toEqual([`/${a!._id}`, `/${b!._id}/invite-link`]);
  });

  it('creates a group synchronously (200)', async () => {
    const result = await client.createGroup('Support Team 2', 'agent-1');
    expect(result).toMatchObject({ status: 'created', subject: 'Support Team 2', id: expect.any(String) });
    expect((await client.listGroups()).groups.map((g) => g.subject)).toContain('Support Team 2');
  });

  it('accepts a pending creation (202) that appears later', async () => {
    await store.createMode('async', 50);
    const result = await client.createGroup('Later Group', 'agent-1');
    expect(result).toEqual({ status: 'pending', requestId: expect.stringMatching(/^meta_request_/), subject: 'Later Group' });
    await new Promise((r) => setTimeout(r, 80));
    expect((await client.listGroups()).groups.map((g) => g.subject)).toContain('Later Group');
  });

  it('updates settings; the join approval mode does not touch auto-approval', async () => {
    const g = await firstGroup((x) => !x.auto_approval);
    await client.updateSettings(zokoIdOf(g), { subject: 'Renamed', joinApprovalMode: 'auto_approve' }, 'a@b.co');
    expect(await client.getGroup(zokoIdOf(g))).toMatchObject({ subject: 'Renamed', autoApproval: false });
  });

  it('deletes a group', async () => {
    const g = await firstGroup();
    await client.deleteGroup(zokoIdOf(g));
    expect((await client.listGroups()).groups.some((x) => x.id === g._id)).toBe(false);
  });

  it('invites members: sent, skipped (already joined), failed (invalid)', async () => {
    const g = await firstGroup((x) => x.participants.filter((p) => p.status === 'joined').length < 6);
    const member = g.participants[0]!.wa_id;
    const result = await client.inviteMembers(zokoIdOf(g), ['919812345678', member, '12']);
    expect(result).toEqual({ sent: ['919812345678'], skipped: [member], failed: [{ phoneNumber: '12', reason: 'invalid number' }] });
  });

  it('removes a participant', async () => {
    const g = await firstGroup((x) => x.participants.length > 1);
    const wa = g.participants[1]!.wa_id;
    await client.removeParticipants(zokoIdOf(g), [wa], 'a@b.co');
    const after = await client.getGroup(zokoIdOf(g));
    expect(after.participants.find((p) => p.waId === wa)?.status).toBe('removed');
  });

  it('lists join requests with Zoko\'s count (which may exceed what is listed), approves and rejects', async () => {
    const g = await firstGroup((x) => x.join_requests.length >= 2);
    const { requests, count } = await client.listJoinRequests(zokoIdOf(g));
    expect(count).toBe(g.join_requests.length);
    expect(requests).toHaveLength(dialect.requestPage ?? g.join_requests.length);
    expect(requests[0]).toEqual({ id: expect.stringMatching(/^req_/), waId: expect.any(String), name: expect.any(String),
      customerId: expect.any(String), createdAt: expect.any(Number) });
    expect(requests[0]!.createdAt).toBeGreaterThan(1.7e12); // seconds became milliseconds
    const [first, second] = g.join_requests;
    await client.approveJoinRequests(zokoIdOf(g), [first!.join_request_id]);
    await client.rejectJoinRequests(zokoIdOf(g), [second!.join_request_id]);
    const after = await client.listJoinRequests(zokoIdOf(g));
    expect(after.count).toBe(g.join_requests.length - 2);
    const state = (await store.state()).groups.find((x) => x._id === g._id)!;
    expect(state.participants.map((p) => p.wa_id)).toContain(first!.wa_id);
    expect(state.participants.map((p) => p.wa_id)).not.toContain(second!.wa_id);
  });

  it('toggles auto-approval', async () => {
    const g = await firstGroup((x) => !x.auto_approval);
    await client.setAutoApproval(zokoIdOf(g), true);
    expect((await client.getGroup(zokoIdOf(g))).autoApproval).toBe(true);
  });

  it('gets and resets the invite link', async () => {
    const g = await firstGroup();
    const link = await client.getInviteLink(zokoIdOf(g));
    expect(link).toBe(g.invite_link);
    const fresh = await client.resetInviteLink(zokoIdOf(g));
    expect(fresh).not.toBe(link);
    expect(await client.getInviteLink(zokoIdOf(g))).toBe(fresh);
  });

  it('gets and sets the invitation template, writing arguments back in the shape Zoko sent', async () => {
    const g = await firstGroup();
    const template = await client.getInvitationTemplate(zokoIdOf(g));
    expect(template.templateId).toBe('group_invite_01');
    if (dialect.numericTemplateArgs) expect(template).toMatchObject({ args: { discount_percent: '10' }, numeric: ['discount_percent'] });
    await client.setInvitationTemplate(zokoIdOf(g), { ...template, templateId: 'vip_invite', args: { ...template.args, '1': '{{group.invite_link}}' } });
    expect(await client.getInvitationTemplate(zokoIdOf(g))).toEqual({ ...template, templateId: 'vip_invite', args: { ...template.args, '1': '{{group.invite_link}}' } });
    const sent = (await store.log()).find((r) => r.method === 'PUT')!.body as { template_args: Record<string, unknown> };
    if (dialect.numericTemplateArgs) expect(sent.template_args.discount_percent).toBe(10);
  });

  it('a group that is really gone is still "not found", in either {id} form', async () => {
    const g = await firstGroup();
    await client.deleteGroup(zokoIdOf(g));
    expect(await failureOf(client.getGroup(zokoIdOf(g)))).toMatchObject({ kind: 'notFound', status: 404 });
  });

  it('a refusal is a failure with its Meta code, as an error status or as a 200 that says so', async () => {
    const g = await firstGroup();
    expect(await failureOf(client.rejectJoinRequests(zokoIdOf(g), ['req_gone']))).toMatchObject({
      kind: 'notFound', ...(dialect.htmlErrors ? {} : { metaCode: 131213 }) });
    const suspended = (await store.state()).groups.find((x) => x.suspended)!;
    expect(await failureOf(client.resetInviteLink(zokoIdOf(suspended)))).toMatchObject(
      dialect.htmlErrors ? { kind: 'forbidden', status: 403 } : { kind: 'suspended', metaCode: 131207 });
  });
});

describe('errors become kinds', () => {
  it('401 → auth', async () => {
    key = 'wrong-key';
    expect(await failureOf(client.listGroups())).toMatchObject({ kind: 'auth', status: 401 });
  });

  it('no key → auth, and nothing is sent', async () => {
    key = null;
    expect(await failureOf(client.listGroups())).toMatchObject({ kind: 'auth', message: 'No API key is set' });
    expect(await store.log()).toHaveLength(0);
  });

  it('404 → notFound', async () => {
    expect(await failureOf(client.getGroup('no-such-group'))).toMatchObject({ kind: 'notFound', status: 404 });
  });

  it('a suspended group refuses changes (403, Meta 131207) → suspended', async () => {
    const g = (await store.state()).groups.find((x) => x.suspended)!;
    expect(await failureOf(client.resetInviteLink(g._id))).toMatchObject({ kind: 'suspended', status: 403, metaCode: 131207 });
  });

  it('bad input (400) keeps Zoko’s message → invalidInput', async () => {
    expect(await failureOf(client.createGroup('   ', 'agent'))).toMatchObject({
      kind: 'invalidInput', status: 400, message: 'subject must be 1 to 128 characters' });
  });

  it('422 → invalidInput', async () => {
    await store.fault({ kind: 'status', status: 422, message: 'Unprocessable' });
    expect(await failureOf(client.deleteGroup('x'))).toMatchObject({ kind: 'invalidInput', status: 422 });
  });

  it('403 without a Meta code → forbidden', async () => {
    await store.fault({ status: 403, message: 'Not allowed' });
    expect(await failureOf(client.listGroups())).toMatchObject({ kind: 'forbidden', message: 'Not allowed' });
  });

  it('a GET is retried after a 500 and succeeds', async () => {
    await store.fault({ status: 500, times: 2 });
    expect((await client.listGroups()).groups).toHaveLength(12);
    expect((await store.log()).map((r) => r.status)).toEqual([500, 500, 200]);
  });

  it('a GET gives up after its retries → server', async () => {
    await store.fault({ kind: 'html', status: 502, times: 5 });
    expect(await failureOf(client.listGroups())).toMatchObject({ kind: 'server', status: 502, message: 'Zoko answered HTTP 502' });
    expect(await store.log()).toHaveLength(3);
  });

  it('a POST is sent exactly once, even on a 500', async () => {
    const g = await firstGroup();
    await store.fault({ status: 500, path: '/invitations', times: 5 });
    expect(await failureOf(client.inviteMembers(g._id, ['919812345678']))).toMatchObject({ kind: 'server', status: 500 });
    expect((await store.log()).filter((r) => r.path.endsWith('/invitations'))).toHaveLength(1);
  });

  it('the invite-link reset (a PUT that revokes) is never retried', async () => {
    const g = await firstGroup();
    await store.fault({ status: 503, method: 'PUT', times: 5 });
    await failureOf(client.resetInviteLink(g._id));
    expect(await store.log()).toHaveLength(1);
  });

  it('a value-setting PUT is retried', async () => {
    const g = await firstGroup();
    await store.fault({ status: 503, method: 'PUT' });
    await client.setAutoApproval(g._id, true);
    expect((await store.log()).map((r) => r.status)).toEqual([503, 200]);
  });

  it('429 with a short Retry-After is waited out and retried', async () => {
    await store.fault({ status: 429, retryAfter: 0 });
    expect((await client.listGroups()).groups).toHaveLength(12);
    expect((await store.log()).map((r) => r.status)).toEqual([429, 200]);
  });

  it('429 with a long Retry-After is handed back at once → rateLimited with retryAfterS', async () => {
    await store.fault({ status: 429, retryAfter: 30, metaCode: 131208 });
    expect(await failureOf(client.listGroups())).toMatchObject({ kind: 'rateLimited', status: 429, retryAfterS: 30, metaCode: 131208 });
    expect(await store.log()).toHaveLength(1);
  });

  it('429 without Retry-After: handed back at once with the default wait, and every later call waits too, unsent', async () => {
    await store.fault({ status: 429, times: 3 });
    expect(await failureOf(client.listGroups())).toMatchObject({ kind: 'rateLimited', status: 429, retryAfterS: DEFAULT_PAUSE_S });
    expect(await failureOf(client.getInviteLink('any'))).toMatchObject({ kind: 'rateLimited', retryAfterS: expect.any(Number) });
    expect(await store.log()).toHaveLength(1);
  });

  it('a timeout → timeout, after one wait only (three 15 s waits would strand the agent)', async () => {
    await store.fault({ kind: 'timeout', times: 3 });
    expect(await failureOf(client.listGroups())).toMatchObject({ kind: 'timeout' });
    expect(await store.log()).toHaveLength(1);
  });

  it('a dropped connection → network', async () => {
    await store.fault({ kind: 'reset', times: 3 });
    expect(await failureOf(client.listGroups())).toMatchObject({ kind: 'network' });
  });

  it('a redirect is not followed: the apikey header never reaches another origin', async () => {
    const seen: (string | undefined)[] = [];
    const elsewhere = createServer((req, res) => {
      seen.push(req.headers.apikey as string | undefined);
      res.end('[]');
    });
    await new Promise<void>((r) => elsewhere.listen(0, '127.0.0.1', r));
    const { port } = elsewhere.address() as AddressInfo;
    await store.fault({ kind: 'redirect', status: 307, location: `http://127.0.0.1:${port}/steal`, times: 5 });
    expect(await failureOf(client.listGroups())).toMatchObject({ kind: 'network' });
    expect(seen).toEqual([]);
    await new Promise((r) => elsewhere.close(r));
  });

  it('the browser withholds Zoko\'s site (Firefox, or Chrome\'s site access): said as such, with the site to ask for', async () => {
    const blocked = createZokoClient({ baseURL: 'http://127.0.0.1:9/v2', getApiKey: async () => 'k', retries: 0, hostAccess: async () => false });
    const error = await failureOf(blocked.listGroups());
    expect(error).toMatchObject({ kind: 'forbidden', needsHostAccess: 'http://127.0.0.1:9' });
    expect(describeError(error)).toMatchObject({ action: 'grantAccess', text: 'This browser does not let the extension reach Zoko. Allow it, then try again.' });
    const allowed = createZokoClient({ baseURL: 'http://127.0.0.1:9/v2', getApiKey: async () => 'k', retries: 0, hostAccess: async () => true });
    expect(await failureOf(allowed.listGroups())).toMatchObject({ kind: 'network' });
  });

  it('connection refused → network', async () => {
    const offline = createZokoClient({ baseURL: 'http://127.0.0.1:9/v2', getApiKey: async () => 'k', retries: 0 });
    expect(await failureOf(offline.listGroups())).toMatchObject({ kind: 'network' });
  });

  it('malformed JSON → unexpected', async () => {
    await store.fault({ kind: 'malformed' });
    expect(await failureOf(client.listGroups())).toMatchObject({ kind: 'unexpected' });
  });

  it('valid JSON of the wrong shape → unexpected, naming the problem', async () => {
    await store.fault({ kind: 'wrongShape' });
    const error = await failureOf(client.listGroups());
    expect(error.kind).toBe('unexpected');
    expect(error.message).toMatch(/^Unexpected response from Zoko: /);
  });

  it('an empty body where data is expected → unexpected; where none is documented → success', async () => {
    const g = await firstGroup();
    await store.fault({ kind: 'empty', path: '/invite-link' });
    expect(await failureOf(client.getInviteLink(g._id))).toMatchObject({ kind: 'unexpected' });
    await store.fault({ kind: 'empty', path: '/delete' });
    await expect(client.deleteGroup(g._id)).resolves.toBeUndefined();
  });

  it('206 partial success → partial, with the items that failed', async () => {
    const g = await firstGroup((x) => x.join_requests.length > 0);
    const error = await failureOf(client.approveJoinRequests(g._id, [g.join_requests[0]!.join_request_id, 'req_gone']));
    expect(error).toMatchObject({ kind: 'partial', status: 206, metaCode: 131201, failed: [{ id: 'req_gone', reason: 'join request no longer exists' }] });
  });

  it('a join request that no longer exists (Meta 131213) → notFound', async () => {
    const g = await firstGroup();
    expect(await failureOf(client.rejectJoinRequests(g._id, ['req_gone']))).toMatchObject({ kind: 'notFound', metaCode: 131213 });
  });
});
