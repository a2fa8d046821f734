/**
 * The Zoko sandbox: a local stand-in for Zoko's Groups API (../shared/zoko-groups-api.md) with test controls.
 * Each API key is its own store ("tenant"), so parallel tests never see each other's data.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loosen, type Dialect } from './dialects';
import { ApiError, Tenant, type TenantOptions } from './tenant';
import { inboxPage } from './inboxes';
import { editorsBundle } from './editors/bundle';
import { editorPage } from './editors/pages';

export const SANDBOX_API_KEY = 'sandbox-key-0001';
const API_PREFIX = '/v2/channels/whatsapp/cloud/group';
const CONTROL_PREFIX = '/__sandbox';
const INBOX_PREFIX = '/demo/inbox/';
/** The real editors from npm for the fixture inboxes (dev/sandbox/editors), and a bare page per editor. */
const EDITORS_SCRIPT = '/demo/editors.js';
const EDITOR_PAGE_PREFIX = '/demo/editors/';

export interface Fault {
  method?: string;
  /** Substring of the path under the group collection, e.g. "/join-requests". */
  path?: string;
  /** Match `path` exactly instead (e.g. "/" for the list, "/<id>" for one group's details). */
  exact?: boolean;
  /** How many matching requests it hits (default 1). */
  times?: number;
  kind?: 'status' | 'timeout' | 'reset' | 'malformed' | 'wrongShape' | 'empty' | 'html' | 'redirect';
  /** Where a `redirect` fault sends the client (another origin, to prove the key does not follow). */
  location?: string;
  status?: number;
  /** Seconds, or an HTTP date (the header's other form). */
  retryAfter?: number | string;
  metaCode?: number;
  message?: string;
  body?: unknown;
  delayMs?: number;
  /** Apply the call first, then play the fault: the change happened, and its answer is lost ("unknown outcome"). */
  after?: boolean;
}

export interface LoggedRequest { method: string; path: string; status: number; body: unknown; at: number; endAt?: number }

interface Store { tenant: Tenant; options: TenantOptions; faults: Fault[]; log: LoggedRequest[]; latencyMs: number }

export interface SandboxOptions extends TenantOptions {
  port?: number;
  host?: string;
  apiKey?: string;
  /** Adds a join request to the default store every so often, so the badge moves in a demo (0 = off). */
  joinRequestEveryMs?: number;
}

export interface Sandbox {
  url: string;
  baseUrl: string;
  /** The fixture inboxes (dev/sandbox/inboxes.ts), on localhost: another origin than the API's 127.0.0.1. */
  inboxUrl: string;
  apiKey: string;
  stores: Map<string, Store>;
  close(): Promise<void>;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'access-control-allow-headers': 'apikey, content-type, accept, x-sandbox-key',
  'access-control-expose-headers': 'retry-after',
};

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...CORS, ...headers });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'Body is not valid JSON');
  }
}

/** Routes one API call to the tenant; returns status and body. */
function route(t: Tenant, method: string, parts: string[], body: unknown): { status: number; body: unknown } {
  const ok = (b: unknown) => ({ status: 200, body: b });
  const [pathId, sub, action] = parts;
  const id = pathId === undefined ? undefined : t.fromPathId(pathId);
  if (!id) {
    if (method === 'GET') return ok(t.list());
    if (method === 'POST') return t.create(body);
  } else if (!sub) {
    if (method === 'GET') return ok(t.details(id));
  } else if (sub === 'settings' && method === 'PUT') return ok(t.settings(id, body));
  else if (sub === 'delete' && method === 'POST') return ok(t.delete(id));
  else if (sub === 'invitations' && method === 'POST') return ok(t.invite(id, body));
  else if (sub === 'remove-participants' && method === 'POST') return ok(t.removeParticipants(id, body));
  else if (sub === 'join-requests' && !action && method === 'GET') return ok(t.joinRequests(id));
  else if (sub === 'join-requests' && action && method === 'POST') return t.decide(id, action, body);
  else if (sub === 'auto-approval' && method === 'PUT') return ok(t.autoApproval(id, body));
  else if (sub === 'invite-link' && method === 'GET') return ok(t.inviteLink(id));
  else if (sub === 'invite-link' && method === 'PUT') return ok(t.resetInviteLink(id));
  else if (sub === 'invitation-template' && method === 'GET') return ok(t.template(id));
  else if (sub === 'invitation-template' && method === 'PUT') return ok(t.setTemplate(id, body));
  throw new ApiError(404, `No route for ${method} ${parts.join('/')}`);
}

/** Plays a fault instead of the real answer; returns true when the response was handled. */
function playFault(f: Fault, res: ServerResponse): boolean {
  const status = f.status ?? 500;
  switch (f.kind ?? 'status') {
    case 'timeout':
      return true; // never answer; the client's timeout must fire
    case 'reset':
      // The connection drops while the answer is on its way. (Dropped before any byte, Chrome itself
      // resends the request once on a reused connection, whatever the method: not something a page can stop.)
      res.socket?.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"sent":');
      res.socket?.destroy();
      return true;
    case 'malformed':
      send(res, f.status ?? 200, '{"data": [ {"id": ');
      return true;
    case 'wrongShape':
      send(res, f.status ?? 200, f.body ?? { unexpected: true, items: 'none' });
      return true;
    case 'empty':
      res.writeHead(f.status ?? 200, { ...CORS });
      res.end();
      return true;
    case 'redirect':
      res.writeHead(f.status ?? 302, { ...CORS, location: f.location ?? 'http://127.0.0.1:9/' });
      res.end();
      return true;
    case 'html':
      send(res, f.status ?? 502, '<html><body><h1>502 Bad Gateway</h1></body></html>', { 'content-type': 'text/html' });
      return true;
    case 'status': {
      const headers: Record<string, string> = f.retryAfter !== undefined ? { 'retry-after': String(f.retryAfter) } : {};
      const body = f.body ?? { message: f.message ?? `Injected ${status}`, ...(f.metaCode ? { code: f.metaCode } : {}) };
      send(res, status, body, headers);
      return true;
    }
  }
}

/** The fixture inboxes' origin for a sandbox at `url`: the same server, reached as localhost. */
export const inboxOrigin = (url: string) => url.replace('//127.0.0.1:', '//localhost:');

/** Starts the sandbox; port 0 picks a free one. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const { port = 0, host = '127.0.0.1', apiKey = SANDBOX_API_KEY, joinRequestEveryMs = 0, ...tenantOptions } = options;
  const stores = new Map<string, Store>();
  const addStore = (key: string, o: TenantOptions) =>
    stores.set(key, { tenant: new Tenant(o), options: o, faults: [], log: [], latencyMs: 0 });
  addStore(apiKey, tenantOptions);
  let nextKey = 1;

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') return send(res, 204, undefined);
    try {
      if (url.pathname.startsWith(CONTROL_PREFIX)) return await control(req, res, url.pathname.slice(CONTROL_PREFIX.length), method);
      if (url.pathname === EDITORS_SCRIPT) {
        const js = await editorsBundle();
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'max-age=3600' });
        return void res.end(js);
      }
      if (url.pathname.startsWith(EDITOR_PAGE_PREFIX)) {
        const html = editorPage(url.pathname.slice(EDITOR_PAGE_PREFIX.length));
        res.writeHead(html === null ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
        return void res.end(html ?? 'No such editor');
      }
      if (url.pathname.startsWith(INBOX_PREFIX)) {
        const html = inboxPage(url.pathname.slice(INBOX_PREFIX.length), url.searchParams);
        res.writeHead(html === null ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
        return void res.end(html ?? 'No such inbox');
      }
      if (!url.pathname.startsWith(API_PREFIX)) return send(res, 404, { message: 'Not found' });
      const key = req.headers.apikey;
      const store = typeof key === 'string' ? stores.get(key) : undefined;
      if (!store) return send(res, 401, { message: 'Invalid or missing API key' });
      const parts = url.pathname.slice(API_PREFIX.length).split('/').filter(Boolean).map(decodeURIComponent);
      let body: unknown;
      const entry: LoggedRequest = { method, path: url.pathname.slice(API_PREFIX.length) || '/', status: 0, body: undefined, at: Date.now() };
      store.log.push(entry);
      res.on('finish', () => {
        entry.status = res.statusCode;
        entry.endAt = Date.now();
      });
      try {
        body = entry.body = await readBody(req);
      } catch (e) {
        return send(res, 400, { message: (e as Error).message });
      }
      if (store.latencyMs) await new Promise((r) => setTimeout(r, store.latencyMs));
      const fault = store.faults.find((f) => (!f.method || f.method === method)
        && (!f.path || (f.exact ? entry.path === f.path : entry.path.includes(f.path))));
      if (fault) {
        fault.times = (fault.times ?? 1) - 1;
        if (fault.times <= 0) store.faults.splice(store.faults.indexOf(fault), 1);
        if (fault.after) {
          store.tenant.settle();
          try {
            route(store.tenant, method, parts, body);
          } catch {
            // the call itself was refused: the fault still answers in its place
          }
        }
        if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
        if (playFault(fault, res)) return;
      }
      store.tenant.settle();
      const out = route(store.tenant, method, parts, body);
      send(res, out.status, store.tenant.dialect.loose ? loosen(out.body) : out.body);
    } catch (e) {
      if (e instanceof ApiError) {
        const dialect: Dialect = stores.get(String(req.headers.apikey))?.tenant.dialect ?? {};
        const error = { message: e.message, ...(e.code ? { code: e.code } : {}), ...e.extra };
        // A refusal as a 200 (an unknown group or key stays an HTTP error: nothing was there to refuse).
        if (dialect.successFalse && method !== 'GET' && e.status !== 401 && !(e.status === 404 && !e.code)) return send(res, 200, { success: false, error });
        if (dialect.htmlErrors) {
          return send(res, e.status, `<html><body><h1>${e.status}</h1><p>${e.message}</p></body></html>`, { 'content-type': 'text/html' });
        }
        return send(res, e.status, error);
      }
      send(res, 500, { message: 'Sandbox error', detail: String(e) });
    }
  });

  async function control(req: IncomingMessage, res: ServerResponse, path: string, method: string) {
    const body = ((await readBody(req)) ?? {}) as any;
    if (path === '/ping') {
      res.writeHead(200, { 'content-type': 'text/html', ...CORS });
      return res.end('<!doctype html><title>Zoko sandbox</title><p>Zoko sandbox</p>');
    }
    if (path === '/tenants' && method === 'POST') {
      const key = typeof body.apiKey === 'string' ? body.apiKey : `test-key-${Date.now().toString(36)}-${nextKey++}`;
      addStore(key, body);
      return send(res, 200, { apiKey: key });
    }
    const keyHeader = req.headers['x-sandbox-key'];
    const key = typeof keyHeader === 'string' ? keyHeader : apiKey;
    const store = stores.get(key);
    if (!store) return send(res, 404, { message: `No store for key ${key}` });
    const t = store.tenant;
    switch (`${method} ${path}`) {
      case 'POST /reset':
        stores.delete(key);
        addStore(key, { ...store.options, ...body });
        return send(res, 200, { ok: true });
      case 'POST /faults':
        store.faults.push(...(Array.isArray(body) ? body : [body]));
        return send(res, 200, { ok: true });
      case 'DELETE /faults':
        store.faults = [];
        return send(res, 200, { ok: true });
      case 'GET /log':
        return send(res, 200, store.log);
      case 'DELETE /log':
        store.log = [];
        return send(res, 200, { ok: true });
      case 'POST /latency':
        store.latencyMs = Number(body.ms) || 0;
        return send(res, 200, { ok: true });
      case 'POST /create-mode':
        t.createMode = body.mode === 'async' ? 'async' : 'sync';
        if (typeof body.delayMs === 'number') t.createDelayMs = body.delayMs;
        return send(res, 200, { ok: true });
      case 'POST /join-requests':
        return send(res, 200, t.addJoinRequest(body.groupId, body) ?? null);
      case 'POST /group': {
        // Test control: overwrite fields of a group, e.g. an HTML payload as its subject or a foreign invite link.
        const g = t.group(body.groupId);
        if (typeof body.subject === 'string') g.subject = body.subject;
        if (typeof body.inviteLink === 'string') g.inviteLink = body.inviteLink;
        if (body.participantName !== undefined && g.participants[0]) g.participants[0].name = String(body.participantName);
        if (body.requestName !== undefined && g.joinRequests[0]) g.joinRequests[0].name = String(body.requestName);
        if (body.templateArgs) g.template.template_args = body.templateArgs;
        return send(res, 200, { ok: true });
      }
      case 'POST /suspend':
        t.group(body.groupId).suspended = body.suspended !== false;
        return send(res, 200, { ok: true });
      case 'GET /state':
        t.settle();
        return send(res, 200, {
          pendingTotal: t.pendingTotal(),
          pendingCreations: t.pendingCreations.length,
          groups: [...t.groups.keys()].map((id) => ({
            ...t.details(id), join_requests: t.group(id).joinRequests.map((r) => ({ ...r })),
            join_approval_mode: t.group(id).joinApprovalMode, invitations: [...t.group(id).invitations],
            template: t.template(id),
          })),
        });
    }
    return send(res, 404, { message: `No control ${method} ${path}` });
  }

  let ticker: ReturnType<typeof setInterval> | undefined;
  if (joinRequestEveryMs > 0) {
    ticker = setInterval(() => stores.get(apiKey)?.tenant.addJoinRequest(), joinRequestEveryMs);
    ticker.unref();
  }
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const url = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    url,
    baseUrl: `${url}/v2`,
    inboxUrl: inboxOrigin(url) + INBOX_PREFIX.slice(0, -1),
    apiKey,
    stores,
    close: () => {
      clearInterval(ticker);
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
