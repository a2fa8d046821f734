/** One sandbox store: its groups and everything the Groups API can do to them. */
import type { Dialect } from './dialects';
import {
  createIds, createRandom, randomPerson, seedGroups,
  type Ids, type SandboxGroup, type SandboxJoinRequest,
} from './seed';

export const MAX_PARTICIPANTS = 8;

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly code?: number, readonly extra: object = {}) {
    super(message);
  }
}

export interface TenantOptions {
  seed?: number;
  groups?: number;
  /** Delay before a 202 creation shows up in the list. */
  createDelayMs?: number;
  /** 'sync' answers 200, 'async' answers 202 and finishes later. */
  createMode?: 'sync' | 'async';
  /** Extra pending join requests spread over the groups that collect them (load tests). */
  extraJoinRequests?: number;
  /** How this store answers where Zoko's page is silent. */
  dialect?: Dialect;
  /** Every generated group gets a 128-character Devanagari subject (storage limits under load). */
  longSubjects?: boolean;
}

interface PendingCreation { request_id: string; subject: string; readyAt: number }

/** A 128-character Devanagari subject that stays unique: the most storage a subject can take (3 bytes a character). */
function longSubject(subject: string): string {
  const tail = ` ${subject.replace(/\D/g, '') || subject.length}`;
  return 'ग्राहक समूह विशेष ऑफ़र '.repeat(8).slice(0, 128 - tail.length) + tail;
}

const isWaId = (n: unknown): n is string => typeof n === 'string' && /^[1-9]\d{7,14}$/.test(n);

export class Tenant {
  readonly random: () => number;
  readonly ids: Ids;
  groups = new Map<string, SandboxGroup>();
  pendingCreations: PendingCreation[] = [];
  createMode: 'sync' | 'async';
  createDelayMs: number;
  readonly dialect: Dialect;
  private requestSeq = 1;

  constructor(options: TenantOptions = {}) {
    this.random = createRandom(options.seed ?? 42);
    this.ids = createIds(this.random);
    for (const g of seedGroups(this.random, this.ids, options.groups)) {
      if (options.longSubjects) g.subject = longSubject(g.subject);
      this.groups.set(g.id, g);
    }
    for (let i = 0; i < (options.extraJoinRequests ?? 0); i++) this.addJoinRequest(undefined, undefined, false);
    this.createMode = options.createMode ?? 'sync';
    this.createDelayMs = options.createDelayMs ?? 3000;
    this.dialect = options.dialect ?? {};
    if (this.dialect.numericTemplateArgs) {
      for (const g of this.groups.values()) g.template.template_args = { ...g.template.template_args, discount_percent: 10 };
    }
  }

  /** The group an API path names, in this dialect's id form; unknown (→ 404) in the other form. */
  fromPathId(pathId: string): string {
    if (this.dialect.pathId !== 'whatsapp') return pathId;
    for (const g of this.groups.values()) if (g.groupId === pathId) return g.id;
    return `unknown:${pathId}`;
  }

  /** Turns 202 creations whose time has come into real groups. */
  settle(now = Date.now()) {
    const ready = this.pendingCreations.filter((p) => p.readyAt <= now);
    this.pendingCreations = this.pendingCreations.filter((p) => p.readyAt > now);
    for (const p of ready) this.addGroup(p.subject);
  }

  group(id: string): SandboxGroup {
    const g = this.groups.get(id);
    if (!g) throw new ApiError(404, 'Group not found');
    return g;
  }

  writable(id: string): SandboxGroup {
    const g = this.group(id);
    if (g.suspended) throw new ApiError(403, 'This group has been suspended by WhatsApp', 131207);
    return g;
  }

  private addGroup(subject: string): SandboxGroup {
    const now = new Date().toISOString();
    const g: SandboxGroup = {
      id: this.ids.uuid(), customerId: this.ids.uuid(), groupId: this.ids.whatsappGroupId(), subject,
      inviteLink: `https://chat.whatsapp.com/${this.ids.inviteCode()}`, autoApproval: false, joinApprovalMode: 'approval_required', suspended: false,
      participants: [], invitations: new Set(), joinRequests: [],
      template: { invitation_template_id: 'group_invite_01', template_args: {} },
      createdAt: now, updatedAt: now,
    };
    this.groups.set(g.id, g);
    this.collecting = null;
    return g;
  }

  private touch(g: SandboxGroup) {
    g.updatedAt = new Date().toISOString();
    this.collecting = null; // which groups collect requests may have changed
  }

  private joined(g: SandboxGroup) {
    return g.participants.filter((p) => p.status === 'joined');
  }

  create(body: any) {
    const subject = typeof body?.subject === 'string' ? body.subject.trim() : '';
    if (!subject || subject.length > 128) throw new ApiError(400, 'subject must be 1 to 128 characters');
    if (typeof body?.agent_id !== 'string' || !body.agent_id) throw new ApiError(400, 'agent_id is required');
    const request_id = `meta_request_${this.requestSeq++}`;
    if (this.createMode === 'async') {
      this.pendingCreations.push({ request_id, subject, readyAt: Date.now() + this.createDelayMs });
      return { status: 202, body: { request_id, subject, status: 'pending' } };
    }
    const g = this.addGroup(subject);
    return {
      status: 200,
      body: { _id: g.id, request_id, group_id: g.groupId, customer_id: g.customerId, subject, status: 'complete' },
    };
  }

  list() {
    const items: object[] = [...this.groups.values()].map((g) => ({
      id: g.id, customerId: g.customerId, chatType: 'group', groupId: g.groupId, subject: g.subject,
      inviteLink: g.inviteLink, autoApproval: g.autoApproval, activeParticipantCount: this.joined(g).length,
      createdAt: g.createdAt, updatedAt: g.updatedAt,
    }));
    if (this.dialect.brokenListItem) {
      items.splice(1, 0, { id: 'f0000000-broken-item', chatType: 'group', groupId: '120363000000000000', subject: null });
    }
    return items;
  }

  details(id: string) {
    const g = this.group(id);
    return {
      _id: g.id, customer_id: g.customerId, chat_type: 'group', group_id: g.groupId, subject: g.subject,
      invite_link: g.inviteLink, auto_approval: g.autoApproval, suspended: g.suspended,
      status: g.suspended ? 'suspended' : 'active',
      participants: g.participants.map((p) => ({ ...p })),
      created_at: g.createdAt, updated_at: g.updatedAt,
    };
  }

  settings(id: string, body: any) {
    const g = this.writable(id);
    if (typeof body?.agent_email !== 'string' || !body.agent_email.includes('@')) {
      throw new ApiError(400, 'agent_email is required');
    }
    if (body.subject !== undefined) {
      const subject = typeof body.subject === 'string' ? body.subject.trim() : '';
      if (!subject || subject.length > 128) throw new ApiError(400, 'subject must be 1 to 128 characters');
      g.subject = subject;
    }
    if (body.join_approval_mode !== undefined) {
      if (!['approval_required', 'auto_approve'].includes(body.join_approval_mode)) {
        throw new ApiError(422, 'join_approval_mode must be approval_required or auto_approve');
      }
      g.joinApprovalMode = body.join_approval_mode; // WhatsApp's setting: Zoko's auto-approval is another one
    }
    this.touch(g);
    return { success: true };
  }

  delete(id: string) {
    this.group(id);
    this.groups.delete(id);
    this.collecting = null;
    return {};
  }

  invite(id: string, body: any) {
    const g = this.writable(id);
    const numbers: unknown = body?.phone_numbers;
    if (!Array.isArray(numbers) || numbers.length === 0) throw new ApiError(400, 'phone_numbers must be a non-empty list');
    const result = { sent: [] as string[], skipped: [] as string[], failed: [] as { phone_number: string; reason: string }[] };
    let seats = MAX_PARTICIPANTS - this.joined(g).length - g.invitations.size;
    for (const n of numbers) {
      const phone_number = String(n);
      if (!isWaId(n)) result.failed.push({ phone_number, reason: 'invalid number' });
      else if (g.participants.some((p) => p.wa_id === n) || g.invitations.has(n)) result.skipped.push(n);
      else if (n.endsWith('0000')) result.failed.push({ phone_number, reason: 'number not eligible for WhatsApp groups' });
      else if (seats <= 0) result.failed.push({ phone_number, reason: 'group is full (8 participants)' });
      else {
        g.invitations.add(n);
        seats--;
        result.sent.push(n);
      }
    }
    return result;
  }

  removeParticipants(id: string, body: any) {
    const g = this.writable(id);
    const list: unknown = body?.participants;
    if (!Array.isArray(list) || list.length === 0) throw new ApiError(400, 'participants must be a non-empty list');
    if (typeof body?.agent_email !== 'string' || !body.agent_email) throw new ApiError(400, 'agent_email is required');
    for (const wa of list) {
      const p = g.participants.find((x) => x.wa_id === wa && x.status === 'joined');
      if (!p) throw new ApiError(400, `${String(wa)} is not a participant of this group`);
    }
    for (const p of g.participants) if (list.includes(p.wa_id)) p.status = 'removed';
    this.touch(g);
    return {};
  }

  joinRequests(id: string) {
    const g = this.group(id);
    const data = g.joinRequests.map((r) => ({ ...r }));
    return { count: g.joinRequests.length, data: this.dialect.requestPage ? data.slice(0, this.dialect.requestPage) : data };
  }

  decide(id: string, action: string, body: any) {
    if (action !== 'approve' && action !== 'reject') throw new ApiError(404, 'Unknown action');
    const g = this.writable(id);
    const ids: unknown = body?.join_requests;
    if (!Array.isArray(ids) || ids.length === 0) throw new ApiError(400, 'join_requests must be a non-empty list');
    const found = g.joinRequests.filter((r) => ids.includes(r.join_request_id));
    if (found.length === 0) throw new ApiError(404, 'Join request no longer exists', 131213);
    let seats = MAX_PARTICIPANTS - this.joined(g).length;
    const failed: { join_request_id: string; reason: string }[] = ids
      .filter((x) => !found.some((r) => r.join_request_id === x))
      .map((x) => ({ join_request_id: String(x), reason: 'join request no longer exists' }));
    for (const r of found) {
      if (action === 'approve' && seats <= 0) {
        failed.push({ join_request_id: r.join_request_id, reason: 'group is full (8 participants)' });
        continue;
      }
      g.joinRequests = g.joinRequests.filter((x) => x !== r);
      if (action === 'approve') {
        seats--;
        g.participants = g.participants.filter((p) => p.wa_id !== r.wa_id);
        g.participants.push({ wa_id: r.wa_id, name: r.name, customer_id: r.customer_id, is_admin: false, status: 'joined' });
      }
    }
    this.touch(g);
    if (failed.length > 0) {
      return { status: 206, body: { code: 131201, message: 'Partial success', failed } };
    }
    return { status: 200, body: { success: true } };
  }

  autoApproval(id: string, body: any) {
    const g = this.writable(id);
    if (typeof body?.auto_approval !== 'boolean') throw new ApiError(400, 'auto_approval must be true or false');
    g.autoApproval = body.auto_approval;
    this.touch(g);
    return { auto_approval: g.autoApproval };
  }

  inviteLink(id: string) {
    return { invite_link: this.group(id).inviteLink };
  }

  resetInviteLink(id: string) {
    const g = this.writable(id);
    g.inviteLink = `https://chat.whatsapp.com/${this.ids.inviteCode()}`;
    this.touch(g);
    return { invite_link: g.inviteLink };
  }

  template(id: string) {
    return { ...this.group(id).template };
  }

  setTemplate(id: string, body: any) {
    const g = this.writable(id);
    const tid = body?.invitation_template_id;
    const args = body?.template_args;
    if (typeof tid !== 'string' || !tid.trim()) throw new ApiError(400, 'invitation_template_id is required');
    const allowed = (v: unknown) => typeof v === 'string' || (this.dialect.numericTemplateArgs && typeof v === 'number');
    if (typeof args !== 'object' || args === null || Array.isArray(args)
      || Object.values(args).some((v) => !allowed(v))) {
      throw new ApiError(400, 'template_args must be an object of strings');
    }
    g.template = { invitation_template_id: tid.trim(), template_args: { ...args } };
    this.touch(g);
    return { ...g.template };
  }

  /** Test control: a new join request, to a given group or to a random one that collects requests. */
  addJoinRequest(groupId?: string, person?: { wa_id?: string; name?: string }, autoJoin = true): SandboxJoinRequest | undefined {
    const g = groupId ? this.groups.get(groupId) : this.randomCollectingGroup();
    if (!g) return undefined;
    const r: SandboxJoinRequest = {
      ...randomPerson(this.random, this.ids), ...person,
      join_request_id: this.ids.joinRequestId(),
      creation_timestamp: Math.floor(Date.now() / 1000),
    };
    // Someone opens the link: with WhatsApp's auto_approve they join at once and no request is made; with
    // Zoko's auto-approval a request is made and Zoko approves it straight away. Either way: a participant.
    if (autoJoin && (g.autoApproval || g.joinApprovalMode === 'auto_approve') && this.joined(g).length < MAX_PARTICIPANTS) {
      g.participants.push({ wa_id: r.wa_id, name: r.name, customer_id: r.customer_id, is_admin: false, status: 'joined' });
    } else {
      g.joinRequests.push(r);
    }
    return r;
  }

  private collecting: SandboxGroup[] | null = null;

  /** A random group that collects requests (auto-approval off, not suspended). */
  private randomCollectingGroup(): SandboxGroup | undefined {
    this.collecting ??= [...this.groups.values()].filter((g) => !g.suspended && !g.autoApproval);
    return this.collecting[Math.floor(this.random() * this.collecting.length)];
  }

  pendingTotal() {
    let n = 0;
    for (const g of this.groups.values()) n += g.joinRequests.length;
    return n;
  }
}
