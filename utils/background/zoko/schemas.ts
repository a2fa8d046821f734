/**
 * Valibot schemas for every Zoko response, each normalised into one domain model (utils/domain.ts).
 * The list speaks camelCase with `id`; details speak snake_case with `_id`: both become a `Group`.
 * Tolerant where Zoko's published page is silent (see "Gaps and decisions" in the API notes): unknown fields
 * are dropped, optional fields may be null or missing, list items are read one by one so that one broken
 * item never empties the list, and `count` may exceed what `data` lists.
 */
import * as v from 'valibot';
import type {
  CreateResult, Group, GroupDetails, GroupList, InvitationTemplate, InviteResult, JoinRequest, JoinRequestList, Participant,
} from '../../domain';

const text = v.optional(v.nullable(v.string()), '');
const flag = v.optional(v.nullable(v.boolean()), false);
/** Ids may come as numbers from a JSON encoder that knows them as such. */
const id = v.pipe(v.union([v.string(), v.number()]), v.transform(String), v.minLength(1));

const ListItemSchema = v.pipe(
  v.object({
    id,
    groupId: v.optional(v.nullable(v.union([v.string(), v.number()]))),
    subject: v.string(),
    inviteLink: text,
    autoApproval: flag,
    activeParticipantCount: v.optional(v.nullable(v.number()), 0),
    // Not in the documented list shape; taken if Zoko ever sends it, else learned from details (see group-cache).
    suspended: v.optional(v.nullable(v.boolean())),
    createdAt: text,
    updatedAt: text,
  }),
  v.transform((g): Group => ({
    id: g.id,
    whatsappGroupId: g.groupId == null ? '' : String(g.groupId),
    subject: g.subject,
    inviteLink: g.inviteLink ?? '',
    autoApproval: g.autoApproval ?? false,
    participantCount: g.activeParticipantCount ?? 0,
    suspended: g.suspended ?? undefined,
    createdAt: g.createdAt ?? '',
    updatedAt: g.updatedAt ?? '',
  })),
);

/** The items of a list body: a bare array as documented, or wrapped in `data`/`groups`/`items` (a guess, tolerated). */
function itemsOf(body: unknown): unknown[] | undefined {
  if (Array.isArray(body)) return body;
  if (typeof body !== 'object' || body === null) return undefined;
  const wrapped = body as Record<string, unknown>;
  return [wrapped.data, wrapped.groups, wrapped.items].find(Array.isArray) as unknown[] | undefined;
}

/** Reads a list body item by item; undefined when it is not a list at all. */
export function readGroupList(body: unknown): GroupList | undefined {
  const items = itemsOf(body);
  if (!items) return undefined;
  const groups: Group[] = [];
  let unreadable = 0;
  for (const item of items) {
    const parsed = v.safeParse(ListItemSchema, item);
    if (parsed.success) groups.push(parsed.output);
    else unreadable++;
  }
  return { groups, unreadable };
}

const participant = v.pipe(
  v.object({
    // A phone number, or (WhatsApp usernames) Meta's id for a person: passed back exactly as given.
    wa_id: id,
    is_admin: flag,
    status: v.optional(v.nullable(v.string()), 'joined'),
    customer_id: text,
    name: text,
  }),
  v.transform((p): Participant => ({
    waId: p.wa_id,
    isAdmin: p.is_admin ?? false,
    status: p.status ?? 'joined',
    customerId: p.customer_id ?? '',
    name: p.name ?? '',
  })),
);

export const GroupDetailsSchema = v.pipe(
  v.object({
    _id: id,
    group_id: v.optional(v.nullable(v.union([v.string(), v.number()]))),
    subject: v.string(),
    invite_link: text,
    auto_approval: flag,
    suspended: flag,
    status: text,
    participants: v.optional(v.nullable(v.array(v.unknown())), []),
    created_at: text,
    updated_at: text,
  }),
  v.transform((g): GroupDetails => {
    // One unreadable participant is left out, not a reason to show no group.
    const participants = (g.participants ?? []).flatMap((p) => {
      const parsed = v.safeParse(participant, p);
      return parsed.success ? [parsed.output] : [];
    });
    return {
      id: g._id,
      whatsappGroupId: g.group_id == null ? '' : String(g.group_id),
      subject: g.subject,
      inviteLink: g.invite_link ?? '',
      autoApproval: g.auto_approval ?? false,
      participantCount: participants.filter((p) => p.status === 'joined').length,
      suspended: (g.suspended ?? false) || g.status === 'suspended',
      createdAt: g.created_at ?? '',
      updatedAt: g.updated_at ?? '',
      status: g.status ?? '',
      participants,
    };
  }),
);

/** A create answer: with an `_id` the group exists (200); without one it is pending (202), `status` or not. */
export const CreateResultSchema = v.union([
  v.pipe(
    v.object({ _id: id, request_id: text, group_id: v.optional(v.nullable(v.union([v.string(), v.number()]))), subject: v.string() }),
    v.transform((r): CreateResult => ({
      status: 'created',
      id: r._id,
      requestId: r.request_id ?? '',
      whatsappGroupId: r.group_id == null ? '' : String(r.group_id),
      subject: r.subject,
    })),
  ),
  v.pipe(
    v.object({ request_id: id, subject: v.string(), status: v.optional(v.nullable(v.string())) }),
    v.transform((r): CreateResult => ({ status: 'pending', requestId: r.request_id, subject: r.subject })),
  ),
]);

const numbers = v.optional(v.nullable(v.array(v.pipe(v.union([v.string(), v.number()]), v.transform(String)))));

export const InviteResultSchema = v.pipe(
  v.object({
    sent: numbers,
    skipped: numbers,
    failed: v.optional(v.nullable(v.array(v.object({
      phone_number: v.pipe(v.union([v.string(), v.number()]), v.transform(String)),
      reason: v.optional(v.nullable(v.string()), ''),
    })))),
  }),
  // At least one of the three lists: an object with none of them is not an invitation result.
  v.check((r) => r.sent != null || r.skipped != null || r.failed != null, 'no sent, skipped or failed list'),
  v.transform((r): InviteResult => ({
    sent: r.sent ?? [],
    skipped: r.skipped ?? [],
    failed: (r.failed ?? []).map((f) => ({ phoneNumber: f.phone_number, reason: f.reason || 'unknown reason' })),
  })),
);

const requestItem = v.pipe(
  v.object({
    join_request_id: id,
    wa_id: id,
    creation_timestamp: v.optional(v.nullable(v.number()), 0),
    customer_id: text,
    name: text,
  }),
  v.transform((j): JoinRequest => ({
    id: j.join_request_id,
    waId: j.wa_id,
    // Zoko sends Unix seconds; a value in milliseconds already (a guess, tolerated) is kept as is.
    createdAt: (j.creation_timestamp ?? 0) > 1e12 ? (j.creation_timestamp ?? 0) : (j.creation_timestamp ?? 0) * 1000,
    customerId: j.customer_id ?? '',
    name: j.name ?? '',
  })),
);

/** Reads a join-requests body; undefined when it is not one. `count` is the total, at least what is listed. */
export function readJoinRequests(body: unknown): JoinRequestList | undefined {
  const record = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  const items = Array.isArray(body) ? body : Array.isArray(record?.data) ? (record.data as unknown[]) : undefined;
  if (!items) return undefined;
  const requests = items.flatMap((item) => {
    const parsed = v.safeParse(requestItem, item);
    return parsed.success ? [parsed.output] : [];
  });
  const counted = typeof record?.count === 'number' && Number.isFinite(record.count) ? record.count : 0;
  return { requests, count: Math.max(counted, items.length) };
}

export const InviteLinkSchema = v.pipe(
  v.object({ invite_link: v.string() }),
  v.transform((r) => r.invite_link),
);

export const TemplateSchema = v.pipe(
  v.object({
    invitation_template_id: v.string(),
    template_args: v.optional(v.nullable(v.record(v.string(), v.nullable(v.union([v.string(), v.number(), v.boolean()])))), {}),
  }),
  v.transform((t): InvitationTemplate => {
    const raw = t.template_args ?? {};
    const numeric = Object.keys(raw).filter((k) => typeof raw[k] === 'number');
    return {
      templateId: t.invitation_template_id,
      args: Object.fromEntries(Object.entries(raw).map(([k, value]) => [k, value == null ? '' : String(value)])),
      ...(numeric.length > 0 ? { numeric } : {}),
    };
  }),
);

/** Template arguments as Zoko sent them: those it sent as numbers go back as numbers while they still are. */
export function templateArgsForZoko(t: InvitationTemplate): Record<string, string | number> {
  const numeric = new Set(t.numeric ?? []);
  return Object.fromEntries(Object.entries(t.args).map(([k, value]) => {
    const n = Number(value);
    return [k, numeric.has(k) && value.trim() !== '' && Number.isFinite(n) ? n : value];
  }));
}

/** The shape of a partial-success (206) body: which items failed and why. */
export const PartialFailureSchema = v.object({
  failed: v.optional(
    v.array(
      v.object({
        join_request_id: v.optional(v.string()),
        phone_number: v.optional(v.string()),
        reason: v.optional(v.string(), ''),
      }),
    ),
    [],
  ),
});
