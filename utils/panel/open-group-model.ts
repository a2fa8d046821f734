/**
 * One open group: details, join requests and invite link loaded in parallel, plus every action on it.
 * Reads that are rate limited retry by themselves after `Retry-After`; actions report their own errors.
 */
import { batch, computed, signal } from '@preact/signals';
import type {
  GroupDetails, InvitationTemplate, JoinApprovalMode, JoinDecision, JoinRequest, JoinRequestList,
} from '../domain';
import type { ErrorData } from '../errors';
import type { Result } from '../result';
import { createAction } from './action';
import { createDecisionsInFlight, type DecisionsInFlight } from './decisions-in-flight';
import type { Transport } from './port';
import { mark, MARK } from './perf-marks';
import { seatsLeft } from '../group-state';

/** `subject`: the group's name as the list knew it, to say which group is gone if Zoko says so before it loads. */
/** `inFlight` is the panel's one record of decisions on their way, shared with Waiting and the palette. */
/** After an unknown outcome: how often, and how many times, the requests are read again to learn what happened. */
export const TRUTH_EVERY_MS = 3_000;
export const TRUTH_TRIES = 10;

export function createOpenGroupModel(transport: Transport, id: string, subject = '', inFlight: DecisionsInFlight = createDecisionsInFlight()) {
  const group = signal<GroupDetails | null>(null);
  const requests = signal<JoinRequest[] | null>(null);
  /** Zoko's total of pending requests: may be more than it listed ("showing 1 of 2"). */
  const requestCount = signal(0);
  const link = signal<string | null>(null);
  const template = signal<InvitationTemplate | null>(null);
  const loadError = signal<ErrorData | null>(null);
  const retryAt = signal<number | null>(null);
  /** Set once Zoko says the group no longer exists. */
  const gone = signal(false);

  const joined = computed(() => group.value?.participants.filter((p) => p.status === 'joined') ?? []);
  const freeSeats = computed(() => seatsLeft(joined.value.length));
  const readOnly = computed(() => group.value?.suspended ?? false);
  // One decision at a time per request: while Zoko answers, keys and buttons pass over it.
  const deciding = inFlight.deciding;

  /**
   * Which of the asked decisions can be sent: none for a request whose decision is on its way. WhatsApp
   * refuses a group over 8 (Meta 131204), so approvals beyond the free seats (less the approvals on their
   * way) are held back, those who asked first going first. Rejections always fit.
   */
  function fitting(action: JoinDecision, asked: string[]): { ids: string[]; held: number } {
    const free = asked.filter((id) => !deciding.value.has(id));
    // Until the group's participants are read its seats are not known: no approval leaves on a guess of 8.
    if (action === 'approve' && !group.value) return { ids: [], held: 0 };
    const seats = Math.max(0, freeSeats.value - [...deciding.value.values()].filter((a) => a === 'approve').length);
    if (action !== 'approve' || free.length <= seats) return { ids: free, held: 0 };
    const age = new Map((requests.value ?? []).map((r) => [r.id, r.createdAt]));
    const ids = [...free].sort((a, b) => (age.get(a) ?? 0) - (age.get(b) ?? 0)).slice(0, seats);
    return { ids, held: free.length - ids.length };
  }

  /** Who `a` / `r` decides: the one who asked first with no decision on its way; 'full' when no seat is left for them. */
  function next(action: JoinDecision): string | 'full' | null {
    const first = [...(requests.value ?? [])].filter((r) => !deciding.value.has(r.id)).sort((a, b) => a.createdAt - b.createdAt)[0];
    if (!first) return null;
    return fitting(action, [first.id]).ids[0] ?? 'full';
  }

  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  function noteError(error: ErrorData) {
    // A plain 404, or Meta's "unknown group / not in it": the group is gone for us. A vanished request is not.
    if (error.kind === 'notFound' && (!error.metaCode || error.metaCode === 131041)) gone.value = true;
  }

  /** Loads everything the view shows at once, in parallel: about one round trip, not three. */
  async function load() {
    clearTimeout(retryTimer);
    retryAt.value = null;
    const [g, r, l] = await Promise.all([
      transport('getGroup', { id }), transport('listJoinRequests', { id }), transport('getInviteLink', { id }),
    ]);
    mark(MARK.groupLoaded);
    batch(() => {
      if (g.ok) group.value = g.data;
      if (r.ok) setRequests(r.data);
      if (l.ok) link.value = l.data;
      const failed = [g, r, l].find((x) => !x.ok);
      loadError.value = failed && !failed.ok ? failed.error : null;
      if (failed && !failed.ok) noteError(failed.error);
    });
    const e = loadError.value;
    if (e?.kind === 'rateLimited') {
      const waitS = e.retryAfterS ?? 5;
      retryAt.value = Date.now() + waitS * 1000;
      retryTimer = setTimeout(() => void load(), waitS * 1000);
    }
  }

  /** Wraps a transport call so its result updates state; failures also mark a vanished group. */
  const act = <A extends unknown[], T>(fn: (...args: A) => Promise<Result<T>>, apply?: (data: T) => void) =>
    createAction(async (...args: A) => {
      const r = await fn(...args);
      if (r.ok) apply?.(r.data);
      else noteError(r.error);
      return r;
    });

  const setGroup = (g: GroupDetails) => (group.value = g);
  function setRequests(list: JoinRequestList) {
    batch(() => {
      // One order everywhere: first asked first, as Waiting shows them (Zoko lists the newest first).
      requests.value = [...list.requests].sort((a, b) => a.createdAt - b.createdAt);
      requestCount.value = list.count;
    });
  }
  const refreshRequests = act(() => transport('listJoinRequests', { id }), setRequests);

  /**
   * After a decision whose outcome nobody could read (the answer and the check both lost), the requests are read
   * again until one read gets through: the rows then show what Zoko did, not an Approve for someone approved.
   */
  let truthTimer: ReturnType<typeof setTimeout> | undefined;
  function readUntilKnown(triesLeft = TRUTH_TRIES) {
    clearTimeout(truthTimer);
    truthTimer = setTimeout(async () => {
      const r = await transport('listJoinRequests', { id });
      if (r.ok) setRequests(r.data);
      else if (triesLeft > 1) readUntilKnown(triesLeft - 1);
    }, TRUTH_EVERY_MS);
  }

  async function decideNow(action: JoinDecision, requestIds: string[]): Promise<Result<JoinRequest[]>> {
    const r = await transport('decideJoinRequests', { id, action, requestIds });
    const unknown = (r.ok ? r.data.error : r.error)?.outcome === 'unknown';
    if (unknown) readUntilKnown();
    if (!r.ok) {
      // The reply was lost with the worker, so nobody read what happened: read it here, once.
      if (r.error.lostReply) await refreshRequests.run();
      return r;
    }
    // The background read the requests again after the decision, failed or not: show what is still waiting.
    const { requests: still, group: fresh, error } = r.data;
    if (fresh) group.value = fresh;
    if (still) setRequests(still);
    else if (!error && requests.value) {
      // Done, but the re-read failed: drop what was decided.
      const decided = new Set(requestIds);
      setRequests({ requests: requests.value.filter((q) => !decided.has(q.id)), count: Math.max(0, requestCount.value - decided.size) });
    }
    return error ? { ok: false, error } : { ok: true, data: requests.value ?? [] };
  }

  return {
    id, subject, group, requests, requestCount, link, fitting, next, deciding, template, loadError, retryAt, gone, joined, freeSeats, readOnly,
    load,
    dispose: () => {
      clearTimeout(retryTimer);
      clearTimeout(truthTimer);
    },
    /** Decides the asked requests; those with a decision already on its way are not sent again. */
    decide: act(async (action: JoinDecision, asked: string[]): Promise<Result<JoinRequest[]>> => {
      const requestIds = inFlight.claim(action, asked);
      // Callers ask `fitting` first, so this is only a second press arriving in the same moment: nothing to send.
      if (requestIds.length === 0) return { ok: true, data: requests.value ?? [] };
      try {
        return await decideNow(action, requestIds);
      } finally {
        inFlight.release(requestIds);
      }
    }),
    refreshRequests,
    resetLink: act(() => transport('resetInviteLink', { id }), (l: string) => (link.value = l)),
    invite: act((phoneNumbers: string[]) => transport('inviteMembers', { id, phoneNumbers })),
    remove: act((waIds: string[]) => transport('removeParticipants', { id, waIds }), setGroup),
    saveSettings: act((changes: { subject?: string; joinApprovalMode?: JoinApprovalMode }) =>
      transport('updateSettings', { id, ...changes }), setGroup),
    setAutoApproval: act((enabled: boolean) => transport('setAutoApproval', { id, enabled }), setGroup),
    loadTemplate: act(() => transport('getTemplate', { id }), (t: InvitationTemplate) => (template.value = t)),
    saveTemplate: act((t: InvitationTemplate) => transport('setTemplate', { id, ...t }),
      (t: InvitationTemplate) => (template.value = t)),
    deleteGroup: act(() => transport('deleteGroup', { id })),
  };
}

export type OpenGroupModel = ReturnType<typeof createOpenGroupModel>;
