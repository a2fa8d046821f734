/**
 * The background's message handlers: a table with one named handler per protocol message.
 * Each handler validates its input, calls Zoko, then refreshes what it changed (cache, counts, badge).
 */
import { i18n } from '#i18n';
import { cacheGroup, cacheGroups, uncacheGroup } from './group-cache';
import { last4, validateConfig, type PublicConfig } from './config';
import type { MessageData, MessageName, MessageValue } from './messaging';
import { onMessage } from './messaging';
import { failure, toResult } from './result';
import { isInternalSender, type SenderLike } from './sender';
import { apiKeyItem, clearAccountData, recentGroupsItem, settingsItem } from './storage';
import { checkSubject, isWaId } from './validation';
import type { ZokoClient } from './zoko/client';
import { ZokoError } from './zoko/errors';
import type { CreateResult, JoinRequest } from './zoko/schemas';

export type Handlers = { [K in MessageName]: (data: MessageData<K>) => Promise<MessageValue<K>> };

export interface HandlerDeps {
  client: ZokoClient;
  /** A group's pending join requests are now known (null: the group is gone). */
  onJoinRequests?: (groupId: string, requests: JoinRequest[] | null) => Promise<void>;
  /** A 202 creation to watch until the group appears. */
  onPendingCreation?: (created: Extract<CreateResult, { status: 'pending' }>) => Promise<void>;
  /** The key or settings changed (badge and polling restart). */
  onConfigChanged?: () => Promise<void>;
}

const invalid = (message: string) => new ZokoError({ kind: 'invalidInput', message });

async function publicConfig(): Promise<PublicConfig> {
  const [key, settings] = await Promise.all([apiKeyItem.getValue(), settingsItem.getValue()]);
  return { configured: Boolean(key), last4: last4(key), settings };
}

async function requireSetting(name: 'agentId' | 'agentEmail'): Promise<string> {
  const value = (await settingsItem.getValue())[name].trim();
  if (!value) {
    throw invalid(i18n.t(name === 'agentId' ? 'validation.needAgentId' : 'validation.needAgentEmail'));
  }
  return value;
}

async function rememberRecent(groupId: string) {
  const recent = await recentGroupsItem.getValue();
  await recentGroupsItem.setValue([groupId, ...recent.filter((id) => id !== groupId)].slice(0, 8));
}

/** Builds the handler table over a client. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { client } = deps;
  const noteRequests = (id: string, requests: JoinRequest[] | null) => deps.onJoinRequests?.(id, requests);

  /** Reads a group again after a change; a vanished group leaves the cache. */
  async function reread(id: string) {
    try {
      const group = await client.getGroup(id);
      await cacheGroup(group);
      return group;
    } catch (error) {
      if (error instanceof ZokoError && error.data.kind === 'notFound') {
        await uncacheGroup(id);
        await noteRequests(id, null);
      }
      throw error;
    }
  }

  async function rereadRequests(id: string) {
    const requests = await client.listJoinRequests(id);
    await noteRequests(id, requests);
    return requests;
  }

  return {
    getConfig: publicConfig,

    async saveConfig(input) {
      const hasKey = Boolean(await apiKeyItem.getValue());
      const errors = Object.values(validateConfig(input, hasKey));
      if (errors.length > 0) throw invalid(errors.join(' '));
      if (input.apiKey !== undefined) await apiKeyItem.setValue(input.apiKey.trim());
      const { agentId, agentEmail } = input.settings;
      await settingsItem.setValue({ ...input.settings, agentId: agentId.trim(), agentEmail: agentEmail.trim() });
      await deps.onConfigChanged?.();
      return publicConfig();
    },

    async signOut() {
      await clearAccountData();
      await deps.onConfigChanged?.();
      return publicConfig();
    },

    async testConnection() {
      const groups = await client.listGroups();
      await cacheGroups(groups);
      return { groupCount: groups.length };
    },

    async listGroups() {
      return cacheGroups(await client.listGroups());
    },

    async getGroup({ id }) {
      return reread(id);
    },

    async createGroup({ subject }) {
      const checked = checkSubject(subject);
      if (!checked.ok) throw invalid(checked.message);
      const agentId = await requireSetting('agentId');
      const result = await client.createGroup(checked.value, agentId);
      if (result.status === 'pending') await deps.onPendingCreation?.(result);
      else await reread(result.id).catch(() => undefined); // the group exists; a failed re-read only delays the cache
      return result;
    },

    async updateSettings({ id, subject, joinApprovalMode }) {
      let clean: string | undefined;
      if (subject !== undefined) {
        const checked = checkSubject(subject);
        if (!checked.ok) throw invalid(checked.message);
        clean = checked.value;
      }
      const agentEmail = await requireSetting('agentEmail');
      await client.updateSettings(id, { subject: clean, joinApprovalMode }, agentEmail);
      return reread(id);
    },

    async deleteGroup({ id }) {
      await client.deleteGroup(id);
      await uncacheGroup(id);
      await noteRequests(id, null);
      return { deleted: true as const };
    },

    async inviteMembers({ id, phoneNumbers }) {
      if (phoneNumbers.length === 0) throw invalid(i18n.t('validation.needNumber'));
      const bad = phoneNumbers.find((n) => !isWaId(n));
      if (bad !== undefined) throw invalid(i18n.t('validation.notNumber', [bad]));
      const result = await client.inviteMembers(id, [...new Set(phoneNumbers)]);
      await rememberRecent(id);
      return result;
    },

    async removeParticipants({ id, waIds }) {
      if (waIds.length === 0) throw invalid(i18n.t('validation.needParticipant'));
      const agentEmail = await requireSetting('agentEmail');
      await client.removeParticipants(id, waIds, agentEmail);
      return reread(id);
    },

    async listJoinRequests({ id }) {
      return rereadRequests(id);
    },

    async decideJoinRequests({ id, action, requestIds }) {
      if (requestIds.length === 0) throw invalid(i18n.t('validation.needRequest'));
      try {
        if (action === 'approve') await client.approveJoinRequests(id, requestIds);
        else await client.rejectJoinRequests(id, requestIds);
      } catch (error) {
        // Some may have gone through (206) or already been handled elsewhere: show the truth, then the error.
        await rereadRequests(id).catch(() => undefined);
        throw error;
      }
      await rememberRecent(id);
      return rereadRequests(id);
    },

    async setAutoApproval({ id, enabled }) {
      await client.setAutoApproval(id, enabled);
      const group = await reread(id);
      await rereadRequests(id).catch(() => undefined); // the badge catches up on its next poll
      return group;
    },

    async getInviteLink({ id }) {
      return client.getInviteLink(id);
    },

    async resetInviteLink({ id }) {
      const link = await client.resetInviteLink(id);
      await reread(id).catch(() => undefined); // the new link is already in hand
      return link;
    },

    async getTemplate({ id }) {
      return client.getInvitationTemplate(id);
    },

    async setTemplate({ id, templateId, args }) {
      if (!templateId.trim()) throw invalid(i18n.t('validation.needTemplateId'));
      await client.setInvitationTemplate(id, templateId.trim(), args);
      return client.getInvitationTemplate(id);
    },
  };
}

const REFUSED = failure({ kind: 'forbidden', message: 'Refused: this message did not come from the extension.' });

/** Registers every handler; each accepts only the extension's own pages and answers with a `Result`. */
export function registerHandlers(handlers: Handlers, isAllowed: (sender: SenderLike) => boolean = isInternalSender) {
  for (const name of Object.keys(handlers) as MessageName[]) {
    const handle = handlers[name] as (data: unknown) => Promise<unknown>;
    onMessage(name, ({ data, sender }) => (isAllowed(sender) ? toResult(() => handle(data)) : Promise.resolve(REFUSED)) as never);
  }
}
