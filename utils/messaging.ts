/**
 * The one typed protocol between the extension's pages and the background. Every reply is a `Result`,
 * so failures arrive as data with a `kind`, never as a thrown string.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ConfigInput, PublicConfig, SavedConfig } from './config';
import type { Result } from './result';
import type {
  CreateResult, GroupDetails, GroupList, InvitationTemplate, InviteResult, JoinApprovalMode, JoinDecision, JoinRequestList,
} from './domain';
import type { ErrorData } from './errors';
import type { ChatInView, InsertReply } from './inbox';

export interface GroupRef { id: string }

/**
 * What a decision on join requests left behind: the requests still waiting, read again after it (null when
 * that read failed), and the decision's error, if it failed (a partial success, a request gone).
 */
export interface DecisionOutcome {
  requests: JoinRequestList | null;
  /** After approvals, the group read again: its participants now include those approved. */
  group?: GroupDetails;
  error?: ErrorData;
}

export interface ProtocolMap {
  getConfig(): Result<PublicConfig>;
  saveConfig(data: ConfigInput): Result<SavedConfig>;
  testConnection(): Result<{ groupCount: number }>;
  signOut(): Result<PublicConfig>;
  listGroups(): Result<GroupList>;
  getGroup(data: GroupRef): Result<GroupDetails>;
  createGroup(data: { subject: string }): Result<CreateResult>;
  updateSettings(data: GroupRef & { subject?: string; joinApprovalMode?: JoinApprovalMode }): Result<GroupDetails>;
  deleteGroup(data: GroupRef): Result<{ deleted: true }>;
  inviteMembers(data: GroupRef & { phoneNumbers: string[] }): Result<InviteResult>;
  removeParticipants(data: GroupRef & { waIds: string[] }): Result<GroupDetails>;
  listJoinRequests(data: GroupRef): Result<JoinRequestList>;
  /** Reads who is waiting in the groups with people waiting, as far as the request budget allows. */
  refreshWaiting(): Result<{ read: number; notRead: number }>;
  decideJoinRequests(data: GroupRef & { action: JoinDecision; requestIds: string[] }): Result<DecisionOutcome>;
  setAutoApproval(data: GroupRef & { enabled: boolean }): Result<GroupDetails>;
  getInviteLink(data: GroupRef): Result<string>;
  resetInviteLink(data: GroupRef): Result<string>;
  getTemplate(data: GroupRef): Result<InvitationTemplate>;
  setTemplate(data: GroupRef & InvitationTemplate): Result<InvitationTemplate>;
  /** The agent allowed `origin` in the browser's prompt: the panel works with that site from now on. */
  useSite(data: { origin: string }): Result<string[]>;
  /** Stop using the panel with a site: its script goes, and the browser's grant is given back. */
  forgetSite(data: { origin: string }): Result<string[]>;
  /**
   * Puts text into the reply box of the conversation in view, without sending; `inserted: false` if there is
   * none, and `changed: true` (nothing done) when the conversation in view is no longer `tabId` with `numbers`.
   */
  insertIntoChat(data: { text: string; tabId: number; numbers: string[] }): Result<InsertReply & { changed?: true }>;
  /** Hides (or brings back) the panel's "Use with ‹site›" offer. */
  setInboxOffer(data: { hidden: boolean }): Result<boolean>;
  /** The tab in view, read now (the panel just opened). */
  refreshChatInView(): Result<ChatInView | null>;
  /** "Try now": ends the wait Zoko asked for (calls are sent again at once); the panel then retries its action. */
  endPause(): Result<null>;
}

export type MessageName = keyof ProtocolMap;
export type MessageData<K extends MessageName> = Parameters<ProtocolMap[K]>[0];
export type MessageValue<K extends MessageName> =
  ReturnType<ProtocolMap[K]> extends Result<infer T> ? T : never;

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
