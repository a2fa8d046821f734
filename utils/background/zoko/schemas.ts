/**
 * Valibot schemas for every Zoko response, each normalised into one domain model.
 * The list speaks camelCase with `id`; details speak snake_case with `_id`: both become a `Group`.
 * Unknown fields are dropped; a missing required field fails validation (→ an "unexpected" error).
 */
import * as v from 'valibot';
import type {
  CreateResult, Group, GroupDetails, InvitationTemplate, InviteResult, JoinRequest, Participant,
} from '../../domain';

const text = v.optional(v.nullable(v.string()), '');
const flag = v.optional(v.nullable(v.boolean()), false);

const listItem = v.object({
  id: v.string(),
  groupId: text,
  subject: v.string(),
  inviteLink: text,
  autoApproval: flag,
  activeParticipantCount: v.optional(v.nullable(v.number()), 0),
  // Not in the documented list shape; taken if Zoko ever sends it, else learned from details (see group-cache).
  suspended: v.optional(v.nullable(v.boolean())),
  createdAt: text,
  updatedAt: text,
});

export const GroupListSchema = v.pipe(
  v.array(listItem),
  v.transform((items) =>
    items.map((g): Group => ({
      id: g.id,
      whatsappGroupId: g.groupId ?? '',
      subject: g.subject,
      inviteLink: g.inviteLink ?? '',
      autoApproval: g.autoApproval ?? false,
      participantCount: g.activeParticipantCount ?? 0,
      suspended: g.suspended ?? undefined,
      createdAt: g.createdAt ?? '',
      updatedAt: g.updatedAt ?? '',
    })),
  ),
);


const participant = v.pipe(
  v.object({
    wa_id: v.string(),
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
    _id: v.string(),
    group_id: text,
    subject: v.string(),
    invite_link: text,
    auto_approval: flag,
    suspended: flag,
    status: text,
    participants: v.optional(v.nullable(v.array(participant)), []),
    created_at: text,
    updated_at: text,
  }),
  v.transform((g): GroupDetails => {
    const participants = g.participants ?? [];
    return {
      id: g._id,
      whatsappGroupId: g.group_id ?? '',
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


export const CreateResultSchema = v.union([
  v.pipe(
    v.object({ _id: v.string(), request_id: text, group_id: text, subject: v.string(), status: v.optional(v.string()) }),
    v.transform((r): CreateResult => ({
      status: 'created',
      id: r._id,
      requestId: r.request_id ?? '',
      whatsappGroupId: r.group_id ?? '',
      subject: r.subject,
    })),
  ),
  v.pipe(
    v.object({ request_id: v.string(), subject: v.string(), status: v.literal('pending') }),
    v.transform((r): CreateResult => ({ status: 'pending', requestId: r.request_id, subject: r.subject })),
  ),
]);


// All three lists are required: an object without them is not an invitation result (an empty list is fine).
const numbers = v.nullable(v.array(v.string()));

export const InviteResultSchema = v.pipe(
  v.object({
    sent: numbers,
    skipped: numbers,
    failed: v.nullable(v.array(v.object({ phone_number: v.string(), reason: v.optional(v.nullable(v.string()), '') }))),
  }),
  v.transform((r): InviteResult => ({
    sent: r.sent ?? [],
    skipped: r.skipped ?? [],
    failed: (r.failed ?? []).map((f) => ({ phoneNumber: f.phone_number, reason: f.reason || 'unknown reason' })),
  })),
);

export const JoinRequestsSchema = v.pipe(
  v.object({
    count: v.optional(v.number()),
    data: v.array(
      v.object({
        join_request_id: v.string(),
        wa_id: v.string(),
        creation_timestamp: v.optional(v.nullable(v.number()), 0),
        customer_id: text,
        name: text,
      }),
    ),
  }),
  v.transform((r) =>
    r.data.map((j): JoinRequest => ({
      id: j.join_request_id,
      waId: j.wa_id,
      createdAt: (j.creation_timestamp ?? 0) * 1000,
      customerId: j.customer_id ?? '',
      name: j.name ?? '',
    })),
  ),
);

export const InviteLinkSchema = v.pipe(
  v.object({ invite_link: v.string() }),
  v.transform((r) => r.invite_link),
);

export const TemplateSchema = v.pipe(
  v.object({
    invitation_template_id: v.string(),
    template_args: v.optional(v.nullable(v.record(v.string(), v.string())), {}),
  }),
  v.transform((t): InvitationTemplate => ({ templateId: t.invitation_template_id, args: t.template_args ?? {} })),
);

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
