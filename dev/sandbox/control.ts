/** A typed client for the sandbox's test controls, used by unit, e2e and bench code. */
import type { Fault, LoggedRequest } from './server';
import type { TenantOptions } from './tenant';

export interface SandboxState {
  pendingTotal: number;
  pendingCreations: number;
  groups: Array<{
    _id: string; subject: string; group_id: string; invite_link: string; auto_approval: boolean; suspended: boolean;
    join_approval_mode: 'approval_required' | 'auto_approve';
    participants: Array<{ wa_id: string; name: string; status: string; is_admin: boolean }>;
    join_requests: Array<{ join_request_id: string; wa_id: string; name: string }>;
    invitations: string[];
    template: { invitation_template_id: string; template_args: Record<string, string> };
  }>;
}

/** Controls one store (API key) of a running sandbox. */
export function sandboxControl(url: string, apiKey: string) {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${url}/__sandbox${path}`, {
      method,
      headers: { 'x-sandbox-key': apiKey, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`sandbox control ${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<T>;
  };
  return {
    apiKey,
    reset: (o: TenantOptions = {}) => call('POST', '/reset', o),
    fault: (f: Fault | Fault[]) => call('POST', '/faults', f),
    clearFaults: () => call('DELETE', '/faults'),
    log: () => call<LoggedRequest[]>('GET', '/log'),
    clearLog: () => call('DELETE', '/log'),
    latency: (ms: number) => call('POST', '/latency', { ms }),
    createMode: (mode: 'sync' | 'async', delayMs?: number) => call('POST', '/create-mode', { mode, delayMs }),
    addJoinRequest: (groupId?: string, person: { wa_id?: string; name?: string } = {}) =>
      call<{ join_request_id: string; wa_id: string; name: string } | null>('POST', '/join-requests', { groupId, ...person }),
    suspend: (groupId: string, suspended = true) => call('POST', '/suspend', { groupId, suspended }),
    patchGroup: (groupId: string, patch: { subject?: string; inviteLink?: string; participantName?: string;
      requestName?: string; templateArgs?: Record<string, string> }) => call('POST', '/group', { groupId, ...patch }),
    state: () => call<SandboxState>('GET', '/state'),
  };
}

export type SandboxControl = ReturnType<typeof sandboxControl>;

/** Creates a fresh, isolated store in a running sandbox and returns its controls. */
export async function newStore(url: string, options: TenantOptions = {}): Promise<SandboxControl> {
  const res = await fetch(`${url}/__sandbox/tenants`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(options),
  });
  if (!res.ok) throw new Error(`sandbox: could not create a store: ${res.status}`);
  const { apiKey } = (await res.json()) as { apiKey: string };
  return sandboxControl(url, apiKey);
}

/** Requests for the same path that were in flight at the same time (the poller must never make any). */
export function overlappingRequests(log: LoggedRequest[]): LoggedRequest[] {
  return log.filter((a) => log.some((b) => b !== a && b.path === a.path
    && b.at < (a.endAt ?? Infinity) && a.at < (b.endAt ?? Infinity)));
}
