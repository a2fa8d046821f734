/** The Zoko Groups API client: one typed function per operation, on one ofetch instance. */
import { FetchError, ofetch, type FetchContext, type FetchResponse } from 'ofetch';
import * as v from 'valibot';
import type { GroupList, InvitationTemplate, JoinApprovalMode, JoinRequestList } from '../../domain';
import { errorFromResponse, errorInSuccess, parseRetryAfter, toZokoError, unexpected, ZokoError } from './errors';
import {
  CreateResultSchema, GroupDetailsSchema, InviteLinkSchema, InviteResultSchema, PartialFailureSchema,
  readGroupList, readJoinRequests, templateArgsForZoko, TemplateSchema,
} from './schemas';

export const GROUP_PATH = '/channels/whatsapp/cloud/group';

export interface ZokoClientOptions {
  baseURL: string;
  /** Read on every request, so a new key takes effect at once and never sits in memory longer than a call. */
  getApiKey: () => Promise<string | null | undefined>;
  timeoutMs?: number;
  /** Automatic retries of idempotent calls (GET and the PUTs that set a value). */
  retries?: number;
  /** First backoff step; doubles on each retry. */
  retryBaseMs?: number;
  /** A longer `Retry-After` than this is not waited out in-line: it pauses the account (429, 503) or is handed back. */
  maxRetryAfterS?: number;
  /** Where the account's `{id}` form is remembered (see `groupCall`); in memory when not given. */
  idForm?: IdFormStore;
  /** A group's WhatsApp id when this client has not listed it itself (e.g. after a worker restart). */
  whatsappIdOf?: (id: string) => Promise<string | undefined>;
  /** Whether the browser lets the extension reach Zoko's site (the agent can withhold it); asked after a network error. */
  hostAccess?: () => Promise<boolean>;
  /** Told of every request that leaves, retries included. */
  onAttempt?: () => void;
  /**
   * The per-minute request budget, asked before each request leaves: a first try is counted; a retry is sent
   * only if the budget can afford it (else the call fails with what Zoko answered, `overBudget`).
   */
  budget?: RetryBudget;
  /** Until when Zoko asked us to wait (ms); shared by every call, in memory when not given. */
  pause?: PauseStore;
  now?: () => number;
}

export interface RetryBudget {
  record(): Promise<void>;
  /** Counts one request if the minute has room for it; false (and nothing counted) when it has not. */
  take(): Promise<boolean>;
}

export interface PauseStore {
  get(): Promise<number>;
  set(untilMs: number): Promise<void>;
}

/** How long a 429 without `Retry-After` pauses every call: Zoko asked us to slow down, not when to resume. */
export const DEFAULT_PAUSE_S = 30;
/** The longest wait honoured: a `Retry-After` of a day (or a clock gone wrong) pauses 15 minutes, then we try. */
export const MAX_PAUSE_S = 15 * 60;
/** Statuses whose `Retry-After` says when the account may call again: a long one pauses every call. */
const PAUSING_STATUSES = new Set([429, 503]);

/** Which id Zoko takes in `{id}`: its own (`id`/`_id`) or WhatsApp's (`groupId`/`group_id`). */
export type IdForm = 'zoko' | 'whatsapp';

export interface IdFormStore {
  get(): Promise<IdForm | null>;
  set(form: IdForm): Promise<void>;
}

type Reader<T> = (body: unknown) => T | undefined;

interface CallOptions<S extends v.GenericSchema | undefined> {
  body?: unknown;
  schema?: S;
  /** Reads the body instead of a schema (tolerant readers that skip what they cannot read). */
  read?: Reader<unknown>;
  /** Safe to send twice: GETs and value-setting PUTs. POSTs and the link reset are never retried. */
  idempotent?: boolean;
}

type Out<S> = S extends v.GenericSchema ? v.InferOutput<S> : void;

/** Creates the client; every function throws a `ZokoError` on failure. */
export function createZokoClient(options: ZokoClientOptions) {
  const { retries = 2, retryBaseMs = 400, maxRetryAfterS = 5, timeoutMs = 15_000, now = Date.now } = options;
  let pausedUntil = 0;
  const pause: PauseStore = options.pause ?? { get: async () => pausedUntil, set: async (until) => void (pausedUntil = until) };

  /** The error for a call refused while the account is paused: nothing is sent. */
  const paused = (until: number) => new ZokoError({ kind: 'rateLimited', status: 429, message: 'Zoko asked us to wait',
    retryAfterS: Math.ceil((until - now()) / 1000), pausedUntil: until });

  const api = ofetch.create({
    baseURL: options.baseURL.replace(/\/$/, '') + GROUP_PATH,
    timeout: timeoutMs,
    retryStatusCodes: [408, 429, 500, 502, 503, 504],
    headers: { accept: 'application/json' },
    // API answers are never reused, and Chrome's HTTP cache makes a second GET of a URL wait for a first
    // one that hangs (its per-URL cache lock): a stuck list read would stall the next one for 15 s.
    cache: 'no-store',
    // A custom `apikey` header would follow a redirect to another origin: Zoko's API never redirects, so none is followed.
    redirect: 'error',
    retryDelay(ctx: FetchContext) {
      const wait = parseRetryAfter(ctx.response?.headers.get('retry-after'), now());
      if (wait !== undefined) return Math.min(wait, maxRetryAfterS) * 1000;
      const attempt = retries - (typeof ctx.options.retry === 'number' ? ctx.options.retry : 0);
      return retryBaseMs * 2 ** attempt;
    },
  });

  /**
   * The hooks of one call, over all its attempts (ofetch passes a call's own hooks on to its retries): the key,
   * the pause and the budget are looked at before each attempt leaves, and a long `Retry-After` pauses the
   * account the call started for.
   */
  function attemptHooks(account: string | null | undefined) {
    let attempts = 0;
    /** What Zoko (or the network) last answered: the call's failure when a retry is not sent. */
    let last: ZokoError | undefined;
    const hooks = {
      async onRequest({ options: o }: FetchContext) {
        const key = await options.getApiKey();
        if (!key) throw new ZokoError({ kind: 'auth', message: 'No API key is set' });
        if (key !== account) throw signedOut();
        // After a 429 (or a 503 with a long Retry-After), nothing is sent — reads, retries, the poller's round
        // alike — until Zoko's wait is over.
        const until = await pause.get();
        if (until - now() > 100) throw paused(until); // a retry timed to the end of the wait may wake a millisecond early
        // A retry is sent only if the minute's budget still has room: a failing Zoko must not be asked three
        // times per call by a round of thirty calls.
        const retry = attempts++ > 0;
        if (retry && options.budget && !(await options.budget.take())) throw overBudget;
        // Not awaited: a first try never waits on the count (a round of hundreds would queue behind it).
        if (!retry) void options.budget?.record();
        options.onAttempt?.();
        o.headers.set('apikey', key);
      },
      onRequestError({ error }: FetchContext & { error: Error }) {
        last = toZokoError(error);
      },
      async onResponseError({ response }: FetchContext & { response: FetchResponse<unknown> }) {
        const asked = parseRetryAfter(response.headers.get('retry-after'), now());
        last = errorFromResponse(response.status, response._data, asked);
        const wait = asked === undefined ? undefined : Math.min(asked, MAX_PAUSE_S);
        const pauses = response.status === 429 || (PAUSING_STATUSES.has(response.status) && wait !== undefined && wait > maxRetryAfterS);
        if (pauses) {
          const until = now() + (wait ?? DEFAULT_PAUSE_S) * 1000;
          // An answer that arrives after a sign-out or a key change must not pause the account that follows.
          if ((await options.getApiKey()) !== account) throw signedOut();
          await pause.set(until);
          // Waited out in-line only when short; else the caller is told until when, and every call waits.
          if (wait === undefined || wait > maxRetryAfterS) throw withPause(errorFromResponse(response.status, response._data, wait ?? DEFAULT_PAUSE_S), until);
        }
        // Any other long wait is never sat out in-line (it would hold the call for minutes): handed back at once.
        if (wait !== undefined && wait > maxRetryAfterS) throw errorFromResponse(response.status, response._data, wait);
      },
    };
    return { hooks, last: () => last, note: (error: ZokoError) => void (last = error) };
  }

  // Thrown from a retry's onRequest; the call reports Zoko's own answer instead (see `call`).
  const overBudget = new Error('over budget');

  async function call<S extends v.GenericSchema | undefined = undefined>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    { body, schema, read, idempotent = method === 'GET' }: CallOptions<S> = {},
  ): Promise<Out<S>> {
    // The account the answer belongs to: after a sign-out or a key change it must not be written anywhere.
    const account = await options.getApiKey();
    const { hooks, last, note } = attemptHooks(account);
    let response;
    for (let attempt = 0; ; attempt++) {
      try {
        response = await api.raw(path, { method, body: body as Record<string, unknown>, retry: idempotent ? retries : 0, ...hooks });
        break;
      } catch (error) {
        if (error === overBudget) {
          // The retry the budget could not afford was not sent: the call fails with what Zoko last answered.
          throw new ZokoError({ ...(last() ?? unexpected('no answer')).data, overBudget: true });
        }
        // ofetch retries what fails before the answer; a connection that drops while the body arrives
        // fails after it, so reads retry that here (with the same backoff), and nothing else does.
        const droppedMidAnswer = !(error instanceof ZokoError) && !(error instanceof FetchError);
        if (!(droppedMidAnswer && idempotent && attempt < retries)) throw await explained(toZokoError(error, true));
        note(toZokoError(error, true));
        await new Promise((r) => setTimeout(r, retryBaseMs * 2 ** attempt));
      }
    }
    if ((await options.getApiKey()) !== account) throw signedOut();
    if (response.status === 206) throw partialFailure(response._data);
    // A 2xx that says it failed (`success: false`, an `error` field) is a failure, whatever the status.
    const refused = errorInSuccess(response.status, response._data);
    if (refused) throw refused;
    if (read) {
      const out = read(response._data);
      if (out === undefined) throw unexpected('not the expected shape');
      return out as Out<S>;
    }
    if (!schema) return undefined as Out<S>; // bodies the API doc does not show: any 2xx is success
    const parsed = v.safeParse(schema, response._data);
    if (!parsed.success) throw unexpected(v.summarize(parsed.issues).split('\n')[0] ?? 'invalid body');
    return parsed.output as Out<S>;
  }

  /** "Could not reach Zoko" because the browser withholds the site: said as such, with the site to ask for. */
  async function explained(error: ZokoError): Promise<ZokoError> {
    if (error.data.kind !== 'network' || !options.hostAccess || (await options.hostAccess().catch(() => true))) return error;
    return new ZokoError({ kind: 'forbidden', message: 'The browser does not let the extension reach Zoko',
      needsHostAccess: new URL(options.baseURL).origin });
  }

  // --- {id} in paths (a gap in Zoko's page: its prose says {id}, its examples GROUP_ID) ----------------
  // First reading: Zoko's own id. When a call for a group this client knows answers a plain 404, the same
  // call is tried once with the group's WhatsApp id (a 404 means nothing was done, so even a POST is safe to
  // repeat), and the form that worked is remembered for the account. Both 404: the group is really gone.
  let memoryForm: IdForm | null = null;
  const forms: IdFormStore = options.idForm ?? { get: async () => memoryForm, set: async (f) => void (memoryForm = f) };
  const whatsappIds = new Map<string, string>();
  const learn = (groups: { id: string; whatsappGroupId: string }[]) => {
    for (const g of groups) if (g.whatsappGroupId) whatsappIds.set(g.id, g.whatsappGroupId);
  };
  const whatsappIdOf = async (id: string) => whatsappIds.get(id) ?? (await options.whatsappIdOf?.(id));
  const isPlain404 = (e: unknown) => e instanceof ZokoError && e.data.status === 404 && !e.data.metaCode;

  async function groupCall<S extends v.GenericSchema | undefined = undefined>(
    method: 'GET' | 'POST' | 'PUT', id: string, sub: string, opts: CallOptions<S> = {},
  ): Promise<Out<S>> {
    const path = (x: string) => `/${encodeURIComponent(x)}${sub}`;
    const [form, whatsappId] = await Promise.all([forms.get(), whatsappIdOf(id)]);
    const first = form === 'whatsapp' && whatsappId ? whatsappId : id;
    const other = first === id ? whatsappId : id;
    try {
      const out = await call(method, path(first), opts);
      if (!form && whatsappId && whatsappId !== id) await forms.set(first === id ? 'zoko' : 'whatsapp');
      return out;
    } catch (error) {
      // Once a form is known to work, a 404 is a real one: no second try.
      if (!isPlain404(error) || !other || other === first || form === (first === id ? 'zoko' : 'whatsapp')) throw error;
      const out = await call(method, path(other), opts);
      await forms.set(other === id ? 'zoko' : 'whatsapp');
      return out;
    }
  }

  return {
    /**
     * Tries a key the agent is about to save with one list read, before it replaces the key in use: sent once
     * (a wrong key must not be asked three times), outside the pause and the budget of the account signed in
     * (it is not that account), and nothing of the answer is kept but the count.
     */
    async checkKey(key: string): Promise<{ groupCount: number }> {
      let response;
      try {
        response = await api.raw('', { method: 'GET', retry: 0, headers: { apikey: key } });
      } catch (error) {
        throw await explained(toZokoError(error, true));
      }
      const refused = errorInSuccess(response.status, response._data);
      if (refused) throw refused;
      const list = readGroupList(response._data);
      if (!list) throw unexpected('not the expected shape');
      return { groupCount: list.groups.length };
    },
    async createGroup(subject: string, agentId: string) {
      const result = await call('POST', '', { body: { subject, agent_id: agentId }, schema: CreateResultSchema });
      if (result.status === 'created') learn([{ id: result.id, whatsappGroupId: result.whatsappGroupId }]);
      return result;
    },
    async listGroups(): Promise<GroupList> {
      const list = (await call('GET', '', { read: readGroupList })) as unknown as GroupList;
      learn(list.groups);
      return list;
    },
    async getGroup(id: string) {
      const details = await groupCall('GET', id, '', { schema: GroupDetailsSchema });
      learn([details]);
      return details;
    },
    updateSettings: (id: string, changes: { subject?: string; joinApprovalMode?: JoinApprovalMode }, agentEmail: string) =>
      groupCall('PUT', id, '/settings', {
        idempotent: true,
        body: { subject: changes.subject, join_approval_mode: changes.joinApprovalMode, agent_email: agentEmail },
      }),
    deleteGroup: (id: string) => groupCall('POST', id, '/delete'),
    async inviteMembers(id: string, phoneNumbers: string[]) {
      const result = await groupCall('POST', id, '/invitations', { body: { phone_numbers: phoneNumbers }, schema: InviteResultSchema });
      // Numbers Zoko's answer does not mention: their outcome is not known, and the agent is told so.
      const told = new Set([...result.sent, ...result.skipped, ...result.failed.map((f) => f.phoneNumber)]);
      const unreported = phoneNumbers.filter((n) => !told.has(n));
      return unreported.length > 0 ? { ...result, unreported } : result;
    },
    removeParticipants: (id: string, participants: string[], agentEmail: string) =>
      groupCall('POST', id, '/remove-participants', { body: { participants, agent_email: agentEmail } }),
    listJoinRequests: (id: string) => groupCall('GET', id, '/join-requests', { read: readJoinRequests }) as unknown as Promise<JoinRequestList>,
    approveJoinRequests: (id: string, requestIds: string[]) =>
      groupCall('POST', id, '/join-requests/approve', { body: { join_requests: requestIds } }),
    rejectJoinRequests: (id: string, requestIds: string[]) =>
      groupCall('POST', id, '/join-requests/reject', { body: { join_requests: requestIds } }),
    setAutoApproval: (id: string, enabled: boolean) =>
      groupCall('PUT', id, '/auto-approval', { idempotent: true, body: { auto_approval: enabled } }),
    getInviteLink: (id: string) => groupCall('GET', id, '/invite-link', { schema: InviteLinkSchema }),
    // Not idempotent: each PUT revokes the current link.
    resetInviteLink: (id: string) => groupCall('PUT', id, '/invite-link', { schema: InviteLinkSchema }),
    getInvitationTemplate: (id: string) => groupCall('GET', id, '/invitation-template', { schema: TemplateSchema }),
    setInvitationTemplate: (id: string, template: InvitationTemplate) =>
      groupCall('PUT', id, '/invitation-template', {
        idempotent: true,
        body: { invitation_template_id: template.templateId, template_args: templateArgsForZoko(template) },
      }),
  };
}

export type ZokoClient = ReturnType<typeof createZokoClient>;

const signedOut = () => new ZokoError({ kind: 'auth', message: 'Signed out, or the key changed, while Zoko answered' });

/** The error of an answer that paused the account, saying until when. */
const withPause = (error: ZokoError, until: number) => new ZokoError({ ...error.data, pausedUntil: until });

function partialFailure(body: unknown): ZokoError {
  const error = errorFromResponse(206, body);
  const parsed = v.safeParse(PartialFailureSchema, body);
  const failed = parsed.success
    ? parsed.output.failed.map((f) => ({ id: f.join_request_id ?? f.phone_number ?? '', reason: f.reason }))
    : [];
  return new ZokoError({ ...error.data, kind: 'partial', failed });
}
