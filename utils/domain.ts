/**
 * The domain, as both runtimes see it: what a group, a participant and a join request are, whatever shape
 * Zoko sent them in. The background's schemas (utils/background/zoko/schemas.ts) produce exactly these types.
 */

/** A group as the list shows it. */
export interface Group {
  /** Zoko's id (`id` in the list, `_id` in details). */
  id: string;
  /** WhatsApp's group id (`groupId` / `group_id`, `120363…`). */
  whatsappGroupId: string;
  subject: string;
  inviteLink: string;
  /** Zoko approves join requests for the store. Not WhatsApp's join approval mode. */
  autoApproval: boolean;
  participantCount: number;
  /** Known only from details (or a list that says so); undefined when not known. */
  suspended?: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Participant {
  /** A phone number (digits) or, for people known by a username, Meta's id for them: passed back as is. */
  waId: string;
  isAdmin: boolean;
  status: string;
  customerId: string;
  name: string;
}

/** A group with its participants, as the details call returns it. */
export interface GroupDetails extends Group {
  suspended: boolean;
  status: string;
  participants: Participant[];
  /**
   * WhatsApp's join approval mode as this browser last set it. Not from Zoko: its details do not report
   * the mode, so it is never read from `autoApproval` (a different setting); absent when not known.
   */
  joinApprovalSetHere?: JoinApprovalModeSet;
}

export interface JoinApprovalModeSet {
  mode: JoinApprovalMode;
  /** When it was set from here (ms). */
  at: number;
}

export interface JoinRequest {
  id: string;
  waId: string;
  /** Milliseconds since the epoch (Zoko sends Unix seconds). */
  createdAt: number;
  customerId: string;
  name: string;
}

/** A read of the group list: the groups that could be read, and how many items could not (never a reason to show none). */
export interface GroupList {
  groups: Group[];
  unreadable: number;
}

/** A group's pending join requests: `count` is Zoko's total, which may be more than the `requests` listed. */
export interface JoinRequestList {
  requests: JoinRequest[];
  count: number;
}

export interface InviteResult {
  sent: string[];
  skipped: string[];
  failed: { phoneNumber: string; reason: string }[];
  /** Numbers sent to Zoko that its answer does not mention: their outcome is not known. */
  unreported?: string[];
}

/** `created` (200, has an id) or `pending` (202, Zoko finishes it later). */
export type CreateResult =
  | { status: 'created'; id: string; requestId: string; whatsappGroupId: string; subject: string }
  | { status: 'pending'; requestId: string; subject: string };

export interface InvitationTemplate {
  templateId: string;
  /** Values as text for editing; Zoko may send numbers (see `numeric`). */
  args: Record<string, string>;
  /** Arguments Zoko sent as numbers: written back as numbers, in the shape Zoko sent them. */
  numeric?: string[];
}

/** WhatsApp's own group setting: who opens the link asks to join, or joins at once. */
export type JoinApprovalMode = 'approval_required' | 'auto_approve';

export type JoinDecision = 'approve' | 'reject';

/** One thing this agent did, on this browser (the Activity view). */
export interface ActivityEntry {
  at: number;
  action: 'approve' | 'reject' | 'invite' | 'remove' | 'resetLink' | 'create' | 'rename' | 'joinMode' | 'delete'
    | 'autoApproval' | 'template';
  groupId?: string;
  subject?: string;
  /** Who it was about: names, numbers or ids. */
  who?: string[];
  /** `unknown`: Zoko's answer was lost and a re-read could not tell. */
  outcome: 'done' | 'failed' | 'unknown';
  /** The failure in words, or a detail such as "3 sent, 1 skipped". */
  detail?: string;
}
