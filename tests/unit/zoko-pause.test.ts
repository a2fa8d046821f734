// When Zoko asks us to wait, or fails: the account pauses (429, 503 with a long Retry-After), retries are paid
// for from the request budget before they leave, a polling round stops at the first failure, and the pause
// belongs to the account. The background's own services over fakeBrowser, against the sandbox over real HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { requestBudget, createRequestBudget } from '../../utils/background/request-budget';
import { zokoPause } from '../../utils/background/zoko-pause';
import { registerHandlers } from '../../utils/background/handlers';
import { createServices, type Services } from '../../utils/background/services';
import { createZokoClient, MAX_PAUSE_S } from '../../utils/background/zoko/client';
import { ZokoError } from '../../utils/background/zoko/errors';
import { removeAllListeners, sendMessage } from '../../utils/messaging';
import { DEFAULT_SETTINGS } from '../../utils/config';
import { clockTime, describeError } from '../../utils/error-text';
import { apiKeyItem, settingsItem, zokoPausedUntilItem } from '../../utils/storage';
import { newStore, type SandboxControl } from '../../dev/sandbox/control';
import { startSandbox, type Sandbox } from '../../dev/sandbox/server';
import type { ErrorData } from '../../utils/errors';

let sandbox: Sandbox;
beforeAll(async () => { sandbox = await startSandbox(); });
afterAll(() => sandbox.close());

beforeEach(async () => {
  fakeBrowser.reset();
  removeAllListeners();
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, agentId: 'agent-7', agentEmail: 'agent@store.com' });
});

/** The background's services for a store of `groups`, wired as the entrypoint wires them: one budget, one pause. */
async function signedIn(groups = 30): Promise<{ zoko: SandboxControl; services: Services }> {
  const zoko = await newStore(sandbox.url, { groups });
  await apiKeyItem.setValue(zoko.apiKey);
  const client = createZokoClient({ baseURL: sandbox.baseUrl, getApiKey: () => apiKeyItem.getValue(), retryBaseMs: 5,
    budget: requestBudget, pause: zokoPause });
  const services = createServices(client);
  registerHandlers(services.handlers, () => true); // fakeBrowser's sender is `{}`; the sender check has its own tests
  await services.handlers.listGroups(undefined); // a fresh list: the rounds below poll join requests only
  await zoko.clearLog();
  return { zoko, services };
}

const failure = async (p: Promise<unknown>): Promise<ErrorData> => {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(ZokoError);
  return (e as ZokoError).data;
};

describe('a 503 with Retry-After: 600', () => {
  it('pauses the account: the round that meets it sends 1 request, the rounds after it none, the panel\'s reads none', async () => {
    const { zoko, services } = await signedIn();
    await zoko.fault({ status: 503, retryAfter: 600, method: 'GET', path: '/join-requests', times: 1000 });
    const t0 = Date.now();
    expect(await services.poller.poll()).toMatchObject({ reason: 'paused' });
    expect(await zoko.log()).toHaveLength(1); // was 30: the wait was ignored and every group was asked
    const until = await zokoPausedUntilItem.getValue();
    expect(until).toBeGreaterThanOrEqual(t0 + 599_000);
    expect(until).toBeLessThanOrEqual(Date.now() + 600_000);
    for (let round = 0; round < 3; round++) expect(await services.poller.poll()).toMatchObject({ polled: 0, reason: 'paused' });
    const g = (await zoko.state()).groups[0]!;
    const refused = await sendMessage('getGroup', { id: g._id });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'rateLimited', pausedUntil: until } });
    expect(await zoko.log()).toHaveLength(1);
  });

  it('the call that met it says until when, at once (not held ten minutes)', async () => {
    const { zoko, services } = await signedIn(12);
    await zoko.fault({ status: 503, retryAfter: 600, method: 'GET', times: 5 });
    const t0 = Date.now();
    const error = await failure(services.client.listGroups());
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(error).toMatchObject({ kind: 'server', status: 503, retryAfterS: 600, pausedUntil: expect.any(Number) });
    expect(error.pausedUntil! - t0).toBeGreaterThanOrEqual(599_000);
  });
});

describe('Retry-After as an HTTP date', () => {
  it('pauses until that date (a 503 two minutes ahead)', async () => {
    const { zoko, services } = await signedIn(12);
    // HTTP dates have whole seconds: the pause ends within a second of the date.
    const date = new Date(Math.ceil((Date.now() + 120_000) / 1000) * 1000);
    await zoko.fault({ status: 503, retryAfter: date.toUTCString(), method: 'GET', times: 5 });
    const error = await failure(services.client.listGroups());
    expect(error.pausedUntil).toBeDefined();
    expect(Math.abs(error.pausedUntil! - date.getTime())).toBeLessThanOrEqual(1_500);
    expect(await zoko.log()).toHaveLength(1);
  });
});

describe('a wait longer than 15 minutes', () => {
  it('a 429 with Retry-After: 86400 pauses 15 minutes, not a day', async () => {
    const { zoko, services } = await signedIn(12);
    await zoko.fault({ status: 429, retryAfter: 86_400, method: 'GET' });
    const t0 = Date.now();
    const error = await failure(services.client.listGroups());
    expect(error).toMatchObject({ kind: 'rateLimited', retryAfterS: MAX_PAUSE_S });
    expect(error.pausedUntil! - t0).toBeGreaterThanOrEqual(MAX_PAUSE_S * 1000 - 1_000);
    expect(error.pausedUntil! - Date.now()).toBeLessThanOrEqual(MAX_PAUSE_S * 1000);
    expect(await zokoPausedUntilItem.getValue()).toBe(error.pausedUntil);
  });

  it('the same for a 503', async () => {
    const { zoko, services } = await signedIn(12);
    await zoko.fault({ status: 503, retryAfter: 86_400, method: 'GET' });
    const error = await failure(services.client.listGroups());
    expect(error.pausedUntil! - Date.now()).toBeLessThanOrEqual(MAX_PAUSE_S * 1000);
    expect(error.pausedUntil! - Date.now()).toBeGreaterThan(MAX_PAUSE_S * 1000 - 5_000);
  });
});

describe('the pause belongs to the account', () => {
  it('ends at sign-out: signed in again, the first call is sent', async () => {
    const { zoko, services } = await signedIn(12);
    await zoko.fault({ status: 429, retryAfter: 86_400, method: 'GET' });
    await failure(services.client.listGroups());
    expect(await sendMessage('signOut')).toMatchObject({ ok: true });
    expect(await zokoPausedUntilItem.getValue()).toBe(0);
    await sendMessage('saveConfig', { apiKey: zoko.apiKey, settings: await settingsItem.getValue() });
    expect(await sendMessage('listGroups')).toMatchObject({ ok: true });
    // Signing in restarts polling too: every request after the 429 was sent and answered.
    const [first, ...after] = (await zoko.log()).map((r) => r.status);
    expect(first).toBe(429);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((s) => s === 200)).toBe(true);
  });

  it('ends at a key change: the other account\'s calls are sent at once', async () => {
    const { zoko, services } = await signedIn(12);
    await zoko.fault({ status: 429, retryAfter: 86_400, method: 'GET' });
    await failure(services.client.listGroups());
    const other = await newStore(sandbox.url, { groups: 3 });
    expect(await sendMessage('saveConfig', { apiKey: other.apiKey, settings: await settingsItem.getValue() })).toMatchObject({ ok: true });
    expect(await sendMessage('listGroups')).toMatchObject({ ok: true, data: { groups: expect.any(Array) } });
    expect((await other.log()).filter((r) => r.path === '/').length).toBeGreaterThanOrEqual(1);
  });

  it('a 429 that arrives after the key changed does not pause the account that follows', async () => {
    const { zoko, services } = await signedIn(12);
    await zoko.latency(300);
    await zoko.fault({ status: 429, retryAfter: 86_400, method: 'GET' });
    const inFlight = services.client.listGroups().catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 100));
    const other = await newStore(sandbox.url, { groups: 3 });
    await sendMessage('saveConfig', { apiKey: other.apiKey, settings: await settingsItem.getValue() });
    expect(await inFlight).toMatchObject({ data: { kind: 'auth' } });
    expect(await zokoPausedUntilItem.getValue()).toBe(0);
    expect(await sendMessage('listGroups')).toMatchObject({ ok: true });
  });

  it('"Try now" ends it: the next call is sent', async () => {
    const { zoko, services } = await signedIn(12);
    await zoko.fault({ status: 503, retryAfter: 600, method: 'GET' });
    await failure(services.client.listGroups());
    expect(await sendMessage('listGroups')).toMatchObject({ ok: false, error: { kind: 'rateLimited' } });
    expect(await sendMessage('endPause')).toEqual({ ok: true, data: null });
    expect(await sendMessage('listGroups')).toMatchObject({ ok: true });
    expect((await zoko.log()).map((r) => r.status)).toEqual([503, 200]);
  });
});

describe('retries are paid for before they leave', () => {
  it('a round against a Zoko answering 503 (no Retry-After) stops at the first group: 3 requests, not 90', async () => {
    const { zoko, services } = await signedIn(30);
    await zoko.fault({ status: 503, method: 'GET', path: '/join-requests', times: 1000 });
    const t0 = Date.now();
    expect(await services.poller.poll()).toMatchObject({ polled: 0, reason: 'failing' });
    const log = await zoko.log();
    console.info(`one round, 30 groups, Zoko answering 503: ${log.length} requests in ${Date.now() - t0} ms`);
    expect(log).toHaveLength(3); // the first poll and its 2 retries; the other 29 groups were not asked
    expect(new Set(log.map((r) => r.path)).size).toBe(1);
  });

  it('rounds back to back against a failing Zoko never exceed the minute\'s budget, retries included', async () => {
    const { zoko, services } = await signedIn(60);
    await zoko.fault({ status: 503, method: 'GET', path: '/join-requests', times: 10_000 });
    const t0 = Date.now();
    for (let round = 0; round < 30; round++) await services.poller.poll();
    const log = await zoko.log();
    console.info(`30 rounds back to back, 60 groups, Zoko answering 503: ${log.length} requests in ${Date.now() - t0} ms (budget 60 a minute)`);
    expect(Date.now() - t0).toBeLessThan(60_000); // all within one minute of the budget
    expect(log.length).toBeLessThanOrEqual(60);
    expect(await requestBudget.used()).toBeLessThanOrEqual(60);
  });

  it('a retry the budget cannot afford is not sent: the call fails with Zoko\'s answer, marked overBudget', async () => {
    const zoko = await newStore(sandbox.url, { groups: 3 });
    const tight = createRequestBudget(async () => 1);
    const client = createZokoClient({ baseURL: sandbox.baseUrl, getApiKey: async () => zoko.apiKey, retryBaseMs: 5, budget: tight });
    await zoko.fault({ status: 503, method: 'GET', times: 5 });
    const error = await failure(client.listGroups());
    expect(error).toMatchObject({ kind: 'server', status: 503, overBudget: true });
    expect(await zoko.log()).toHaveLength(1); // was 3
    expect(describeError(error).text).toMatch(/^[A-Z].*\.$/);
  });

  it('with room in the budget, a read is retried as before, each retry counted before it leaves', async () => {
    const zoko = await newStore(sandbox.url, { groups: 3 });
    const budget = createRequestBudget(async () => 10);
    const client = createZokoClient({ baseURL: sandbox.baseUrl, getApiKey: async () => zoko.apiKey, retryBaseMs: 5, budget });
    await zoko.fault({ status: 503, method: 'GET', times: 2 });
    expect((await client.listGroups()).groups).toHaveLength(3);
    expect((await zoko.log()).map((r) => r.status)).toEqual([503, 503, 200]);
    expect(await budget.used()).toBe(3);
  });
});

describe('what the agent is told', () => {
  it('until when Zoko asked us to wait, in local time, with "Try now"', () => {
    const until = new Date(2026, 11, 2, 10, 42).getTime();
    expect(clockTime(until, 'en-GB')).toBe('10:42');
    expect(describeError({ kind: 'server', status: 503, message: 'x', retryAfterS: 600, pausedUntil: until }))
      .toEqual({ text: `Zoko asked us to wait until ${clockTime(until)}.`, lead: `Zoko asked us to wait until ${clockTime(until)}.`, action: 'tryNow' });
    expect(describeError({ kind: 'rateLimited', status: 429, message: 'x', retryAfterS: 900, pausedUntil: until }).action).toBe('tryNow');
    // A short wait is counted down as before, with Meta's sentence when there is one.
    expect(describeError({ kind: 'rateLimited', status: 429, message: 'x', retryAfterS: 30, pausedUntil: until, metaCode: 131208 }))
      .toMatchObject({ action: 'retry', text: expect.stringMatching(/Try again in 30 s\.$/) });
  });
});
