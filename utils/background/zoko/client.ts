/** The Zoko Groups API client: one typed function per operation, on one ofetch instance. */
import { FetchError, ofetch, type FetchContext } from 'ofetch';
import * as v from 'valibot';
import type { JoinApprovalMode } from '../../domain';
import { errorFromResponse, parseRetryAfter, toZokoError, unexpected, ZokoError } from './errors';
import {
  CreateResultSchema, GroupDetailsSchema, GroupListSchema, InviteLinkSchema, InviteResultSchema,
  JoinRequestsSchema, PartialFailureSchema, TemplateSchema,
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
  /** A longer `Retry-After` than this is handed to the caller instead of waited out. */
  maxRetryAfterS?: number;
}

interface CallOptions<S extends v.GenericSchema | undefined> {
  body?: unknown;
  schema?: S;
  /** Safe to send twice: GETs and value-setting PUTs. POSTs and the link reset are never retried. */
  idempotent?: boolean;
}

type Out<S> = S extends v.GenericSchema ? v.InferOutput<S> : void;

/** Creates the client; every function throws a `ZokoError` on failure. */
export function createZokoClient(options: ZokoClientOptions) {
  const { retries = 2, retryBaseMs = 400, maxRetryAfterS = 5, timeoutMs = 15_000 } = options;

  const api = ofetch.create({
    baseURL: options.baseURL.replace(/\/$/, '') + GROUP_PATH,
    timeout: timeoutMs,
    retryStatusCodes: [408, 429, 500, 502, 503, 504],
    headers: { accept: 'application/json' },
    // API answers are never reused, and Chrome's HTTP cache makes a second GET of a URL wait for a first
    // one that hangs (its per-URL cache lock): a stuck list read would stall the next one for 15 s.
    cache: 'no-store',
    async onRequest({ options: o }) {
      const key = await options.getApiKey();
      if (!key) throw new ZokoError({ kind: 'auth', message: 'No API key is set' });
      o.headers.set('apikey', key);
    },
    onResponseError({ response }) {
      // A long Retry-After is not waited out here: the caller shows it and decides.
      const wait = parseRetryAfter(response.headers.get('retry-after'));
      if (response.status === 429 && wait !== undefined && wait > maxRetryAfterS) {
        throw errorFromResponse(response.status, response._data, response.headers.get('retry-after'));
      }
    },
    retryDelay(ctx: FetchContext) {
      const wait = parseRetryAfter(ctx.response?.headers.get('retry-after'));
      if (wait !== undefined) return wait * 1000;
      const attempt = retries - (typeof ctx.options.retry === 'number' ? ctx.options.retry : 0);
      return retryBaseMs * 2 ** attempt;
    },
  });

  async function call<S extends v.GenericSchema | undefined = undefined>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    { body, schema, idempotent = method === 'GET' }: CallOptions<S> = {},
  ): Promise<Out<S>> {
    let response;
    for (let attempt = 0; ; attempt++) {
      try {
        response = await api.raw(path, { method, body: body as Record<string, unknown>, retry: idempotent ? retries : 0 });
        break;
      } catch (error) {
        // ofetch retries what fails before the answer; a connection that drops while the body arrives
        // fails after it, so reads retry that here (with the same backoff), and nothing else does.
        const droppedMidAnswer = !(error instanceof ZokoError) && !(error instanceof FetchError);
        if (!(droppedMidAnswer && idempotent && attempt < retries)) throw toZokoError(error, true);
        await new Promise((r) => setTimeout(r, retryBaseMs * 2 ** attempt));
      }
    }
    if (response.status === 206) throw partialFailure(response._data);
    if (!schema) return undefined as Out<S>; // bodies the API doc does not show: any 2xx is success
    const parsed = v.safeParse(schema, response._data);
    if (!parsed.success) throw unexpected(v.summarize(parsed.issues).split('\n')[0] ?? 'invalid body');
    return parsed.output as Out<S>;
  }

  const group = (id: string) => `/${encodeURIComponent(id)}`;

  return {
    createGroup: (subject: string, agentId: string) =>
      call('POST', '', { body: { subject, agent_id: agentId }, schema: CreateResultSchema }),
    listGroups: () => call('GET', '', { schema: GroupListSchema }),
    getGroup: (id: string) => call('GET', group(id), { schema: GroupDetailsSchema }),
    updateSettings: (id: string, changes: { subject?: string; joinApprovalMode?: JoinApprovalMode }, agentEmail: string) =>
      call('PUT', `${group(id)}/settings`, {
        idempotent: true,
        body: { subject: changes.subject, join_approval_mode: changes.joinApprovalMode, agent_email: agentEmail },
      }),
    deleteGroup: (id: string) => call('POST', `${group(id)}/delete`),
    inviteMembers: (id: string, phoneNumbers: string[]) =>
      call('POST', `${group(id)}/invitations`, { body: { phone_numbers: phoneNumbers }, schema: InviteResultSchema }),
    removeParticipants: (id: string, participants: string[], agentEmail: string) =>
      call('POST', `${group(id)}/remove-participants`, { body: { participants, agent_email: agentEmail } }),
    listJoinRequests: (id: string) => call('GET', `${group(id)}/join-requests`, { schema: JoinRequestsSchema }),
    approveJoinRequests: (id: string, requestIds: string[]) =>
      call('POST', `${group(id)}/join-requests/approve`, { body: { join_requests: requestIds } }),
    rejectJoinRequests: (id: string, requestIds: string[]) =>
      call('POST', `${group(id)}/join-requests/reject`, { body: { join_requests: requestIds } }),
    setAutoApproval: (id: string, enabled: boolean) =>
      call('PUT', `${group(id)}/auto-approval`, { idempotent: true, body: { auto_approval: enabled } }),
    getInviteLink: (id: string) => call('GET', `${group(id)}/invite-link`, { schema: InviteLinkSchema }),
    // Not idempotent: each PUT revokes the current link.
    resetInviteLink: (id: string) => call('PUT', `${group(id)}/invite-link`, { schema: InviteLinkSchema }),
    getInvitationTemplate: (id: string) => call('GET', `${group(id)}/invitation-template`, { schema: TemplateSchema }),
    setInvitationTemplate: (id: string, templateId: string, args: Record<string, string>) =>
      call('PUT', `${group(id)}/invitation-template`, {
        idempotent: true,
        body: { invitation_template_id: templateId, template_args: args },
      }),
  };
}

export type ZokoClient = ReturnType<typeof createZokoClient>;

function partialFailure(body: unknown): ZokoError {
  const error = errorFromResponse(206, body);
  const parsed = v.safeParse(PartialFailureSchema, body);
  const failed = parsed.success
    ? parsed.output.failed.map((f) => ({ id: f.join_request_id ?? f.phone_number ?? '', reason: f.reason }))
    : [];
  return new ZokoError({ ...error.data, kind: 'partial', failed });
}
