/**
 * The background's message handlers: a table with one named handler per protocol message.
 * Each handler validates its input, calls Zoko, then refreshes what it changed (cache, counts, badge);
 * after a failed write it re-reads once, here, and the reply carries what is true now.
 */
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { last4, validateConfig, type PublicConfig, type SavedConfig } from '../config';
import type { CreateResult, GroupDetails } from '../domain';
import type { ErrorData } from '../errors';
import { readGroupCache } from '../group-cache';
import type { MessageData, MessageName, MessageValue } from '../messaging';
import { onMessage } from '../messaging';
import { failure, success, type Result } from '../result';
import pLimit from 'p-limit';
import {
  accountEpochItem, apiKeyItem, clearAccountData, configChangedItem, joinApprovalModesItem, pendingCountsItem, recentGroupsItem, settingsItem, waitingPeopleItem,
} from '../storage';
import { checkSubject, isWaId } from '../validation';
import { currentAccount, writeFor, type Account } from './account';
import { cacheGroup, cacheGroups, rememberMembers, uncacheGroup } from './group-cache-writes';
import { invalidInput as invalid, isUnclear, LocalError, toErrorData, withOutcome } from './local-error';
import type { PendingCountsOwner } from './pending-counts';
import type { CreationWatcher } from './pending-creations';
import { isInternalSender, type SenderLike } from './sender';
import { inboxHandlers } from './inbox/handlers';
import type { RequestBudget } from './request-budget';
import type { ZokoClient } from './zoko/client';
import { ZokoError } from './zoko/errors';

/**
 * A handler gets the message's data and the account it works for (captured as the message arrives, by whoever
 * calls it first): every write it makes is for that account, and none once it is signed out.
 */
export type Handlers = { [K in MessageName]: (data: MessageData<K>, account?: Account) => Promise<MessageValue<K>> };

export interface HandlerDeps {
  client: ZokoClient;
  /** The per-minute request budget: the Waiting queue reads no more than it allows. */
  budget: Pick<RequestBudget, 'available'>;
  counts: PendingCountsOwner;
  creations: Pick<CreationWatcher, 'intend' | 'confirm' | 'drop' | 'find' | 'isPending'>;
  /** Polling restarts when the key or the settings change. */
  polling: { restart(): Promise<void> };
  /** The wait Zoko asked for, which the agent may end ("Try now"). */
  pause: { clear(): Promise<void> };
}

async function publicConfig(): Promise<PublicConfig> {
  const [key, settings, signIn] = await Promise.all([apiKeyItem.getValue(), settingsItem.getValue(), accountEpochItem.getValue()]);
  return { configured: Boolean(key), last4: last4(key), signIn, settings };
}

async function requireSetting(name: 'agentId' | 'agentEmail'): Promise<string> {
  const value = (await settingsItem.getValue())[name].trim();
  if (!value) {
    throw invalid(i18n.t(name === 'agentId' ? 'validation.needAgentId' : 'validation.needAgentEmail'));
  }
  return value;
}

/** Pages follow this to read the configuration again (they never see the key). */
const configChanged = async () => configChangedItem.setValue((await configChangedItem.getValue()) + 1);

/**
 * What Zoko says of a key about to be saved: refused (401, or a 403 that is not the browser withholding Zoko)
 * throws, and nothing is saved; no answer is said as such, and the key is saved anyway.
 */
async function checkKeyWith(client: ZokoClient, key: string): Promise<NonNullable<SavedConfig['keyCheck']>> {
  try {
    return await client.checkKey(key);
  } catch (error) {
    const data = toErrorData(error);
    const refused = data.kind === 'auth' || (data.kind === 'forbidden' && !data.needsHostAccess);
    if (refused) throw error;
    return { unchecked: data };
  }
}

/** Everything of the account leaves: stored data, and the notifications about its groups. */
async function clearAccount() {
  await clearAccountData();
  const shown = await browser.notifications.getAll().catch(() => ({}));
  await Promise.all(Object.keys(shown).map((id) => browser.notifications.clear(id)));
}

async function rememberRecent(groupId: string, account: Account) {
  const recent = await recentGroupsItem.getValue();
  await writeFor(account, () => recentGroupsItem.setValue([groupId, ...recent.filter((id) => id !== groupId)].slice(0, 8)));
}

/** Groups the Waiting queue reads at most per refresh: the poller keeps the rest fresh within its budget. */
const WAITING_READS = 20;

/**
 * A write that must not happen twice. It is never resent by itself: after an unclear failure `check`
 * reads what the write would change and returns what is true now if it happened (the reply is then a
 * success), or null if it did not (the error says trying again is safe). A check that fails leaves the
 * outcome unknown, and the agent is told to look before trying again.
 */
async function once<T>(write: () => Promise<T>, check: () => Promise<T | null>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isUnclear(error)) throw error;
    let found: T | null;
    try {
      found = await check();
    } catch {
      throw withOutcome(error, 'unknown');
    }
    if (found !== null) return found;
    throw withOutcome(error, 'notDone');
  }
}

/** Builds the handler table over the background's services. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { client, counts } = deps;
  const checkKey = (key: string) => checkKeyWith(client, key);

  /** Reads a group again after a change; a vanished group leaves the cache. */
  async function reread(id: string, account: Account) {
    try {
      const [group, modes] = await Promise.all([client.getGroup(id), joinApprovalModesItem.getValue()]);
      await Promise.all([cacheGroup(group, account), rememberMembers(group, account)]);
      const setHere = modes[id];
      return setHere ? { ...group, joinApprovalSetHere: setHere } : group;
    } catch (error) {
      if (error instanceof ZokoError && error.data.kind === 'notFound') {
        await uncacheGroup(id, account);
        await counts.record(id, null, account);
      }
      throw error;
    }
  }

  async function rereadRequests(id: string, account: Account) {
    const requests = await client.listJoinRequests(id);
    await counts.record(id, requests, account);
    return requests;
  }

  type ForAccount = { [K in MessageName]: (data: MessageData<K>, account: Account) => Promise<MessageValue<K>> };
  const table: ForAccount = {
    ...inboxHandlers,
    getConfig: publicConfig,

    async saveConfig(input) {
      const hasKey = Boolean(await apiKeyItem.getValue());
      const errors = Object.values(validateConfig(input, hasKey));
      if (errors.length > 0) throw invalid(errors.join(' '));
      const key = input.apiKey?.trim();
      let keyCheck: SavedConfig['keyCheck'];
      if (key !== undefined && key !== (await apiKeyItem.getValue())) {
        // Asked before anything changes: a refused key is not saved, and the one in use (with its data) stays.
        keyCheck = await checkKey(key);
        // Another account: nothing of the old one (groups, counts, recent groups, creations) may carry over.
        await clearAccount();
        await apiKeyItem.setValue(key);
      }
      const { agentId, agentEmail } = input.settings;
      await settingsItem.setValue({ ...input.settings, agentId: agentId.trim(), agentEmail: agentEmail.trim() });
      await configChanged();
      await deps.polling.restart();
      return { ...(await publicConfig()), ...(keyCheck && { keyCheck }) };
    },

    async signOut() {
      await clearAccount();
      await configChanged();
      await deps.polling.restart();
      return publicConfig();
    },

    async endPause() {
      await deps.pause.clear();
      return null;
    },

    async testConnection(_, account) {
      const { groups } = await client.listGroups();
      await cacheGroups(groups, Date.now(), account);
      return { groupCount: groups.length };
    },

    async listGroups(_, account) {
      const { groups, unreadable } = await client.listGroups();
      return { groups: await cacheGroups(groups, Date.now(), account), unreadable };
    },

    async getGroup({ id }, account) {
      return reread(id, account);
    },

    async createGroup({ subject }, account) {
      const checked = checkSubject(subject);
      if (!checked.ok) throw invalid(checked.message);
      const agentId = await requireSetting('agentId');
      // A creation Zoko has not confirmed yet may still appear: a second one would make a duplicate group.
      if (await deps.creations.isPending(checked.value)) throw invalid(i18n.t('create.stillPending', [checked.value]));
      // Remembered before the POST: if its answer is lost, the watch finds the group when it appears.
      const intent = await deps.creations.intend(checked.value, account);
      let result: CreateResult;
      try {
        result = await client.createGroup(checked.value, agentId);
      } catch (error) {
        if (!isUnclear(error)) {
          await deps.creations.drop(intent, account);
          throw error;
        }
        const appeared = await deps.creations.find(intent, account).catch(() => undefined);
        if (!appeared) throw withOutcome(error, 'watching'); // kept as "Creating…" until it appears or the watch gives up
        await deps.creations.drop(intent, account);
        result = { status: 'created', id: appeared.id, requestId: '', whatsappGroupId: appeared.whatsappGroupId, subject: appeared.subject };
      }
      if (result.status === 'pending') await deps.creations.confirm(intent, result, account);
      else {
        await deps.creations.drop(intent, account);
        await reread(result.id, account).catch(() => undefined); // the group exists; a failed re-read only delays the cache
      }
      return result;
    },

    async updateSettings({ id, subject, joinApprovalMode }, account) {
      let clean: string | undefined;
      if (subject !== undefined) {
        const checked = checkSubject(subject);
        if (!checked.ok) throw invalid(checked.message);
        clean = checked.value;
      }
      const agentEmail = await requireSetting('agentEmail');
      await client.updateSettings(id, { subject: clean, joinApprovalMode }, agentEmail);
      if (joinApprovalMode) {
        // Zoko does not report the mode: remember what was set here, and when, to show it next time.
        const modes = await joinApprovalModesItem.getValue();
        await writeFor(account, () => joinApprovalModesItem.setValue({ ...modes, [id]: { mode: joinApprovalMode, at: Date.now() } }));
      }
      return reread(id, account);
    },

    async deleteGroup({ id }, account) {
      await once(() => client.deleteGroup(id), async () => {
        const gone = await client.getGroup(id).then(() => false, (e: unknown) => {
          if (e instanceof ZokoError && e.data.kind === 'notFound') return true;
          throw e;
        });
        return gone ? undefined : null;
      });
      await uncacheGroup(id, account);
      await counts.record(id, null, account);
      return { deleted: true as const };
    },

    async inviteMembers({ id, phoneNumbers }, account) {
      if (phoneNumbers.length === 0) throw invalid(i18n.t('validation.needNumber'));
      const bad = phoneNumbers.find((n) => !isWaId(n));
      if (bad !== undefined) throw invalid(i18n.t('validation.notNumber', [bad]));
      let result;
      try {
        result = await client.inviteMembers(id, [...new Set(phoneNumbers)]);
      } catch (error) {
        // Invitations cannot be read back; sending again is harmless (Zoko skips numbers already invited).
        throw isUnclear(error) ? withOutcome(error, 'safeToRepeat') : error;
      }
      await rememberRecent(id, account);
      return result;
    },

    async removeParticipants({ id, waIds }, account) {
      if (waIds.length === 0) throw invalid(i18n.t('validation.needParticipant'));
      const agentEmail = await requireSetting('agentEmail');
      const asked = new Set(waIds);
      let after: GroupDetails | null = null;
      await once(() => client.removeParticipants(id, waIds, agentEmail), async () => {
        after = await reread(id, account);
        return after.participants.some((p) => asked.has(p.waId) && p.status === 'joined') ? null : undefined;
      });
      return after ?? reread(id, account);
    },

    async listJoinRequests({ id }, account) {
      return rereadRequests(id, account);
    },

    async refreshWaiting(_, account) {
      const [{ groups }, { byGroup }, people] = await Promise.all([readGroupCache(), pendingCountsItem.getValue(), waitingPeopleItem.getValue()]);
      const waiting = groups.filter((g) => (byGroup[g.id] ?? 0) > 0 && !g.autoApproval && !g.suspended)
        // Groups whose people are not known yet first.
        .sort((a, b) => Number(Boolean(people[a.id])) - Number(Boolean(people[b.id])));
      const allowed = Math.min(waiting.length, WAITING_READS, await deps.budget.available());
      const read = waiting.slice(0, allowed);
      const at = Date.now();
      const limit = pLimit(4);
      const results = await Promise.allSettled(read.map((g) => limit(() => client.listJoinRequests(g.id))));
      const observations = results.flatMap((r, i) => (r.status === 'fulfilled' ? [{ groupId: read[i]!.id, requests: r.value, at }] : []));
      await counts.commit({ observations, account }); // one write for the whole refresh
      return { read: observations.length, notRead: waiting.length - observations.length };
    },

    async decideJoinRequests({ id, action, requestIds }, account) {
      if (requestIds.length === 0) throw invalid(i18n.t('validation.needRequest'));
      let error: ErrorData | undefined;
      const asked = new Set(requestIds);
      try {
        await once(
          () => (action === 'approve' ? client.approveJoinRequests(id, requestIds) : client.rejectJoinRequests(id, requestIds)),
          async () => ((await client.listJoinRequests(id)).requests.some((r) => asked.has(r.id)) ? null : undefined),
        );
        await rememberRecent(id, account);
      } catch (e) {
        // Some may have gone through (206) or been handled elsewhere: the reply shows what is still waiting.
        error = toErrorData(e);
      }
      const [requests, group] = await Promise.all([
        rereadRequests(id, account).catch(() => null),
        action === 'approve' ? reread(id, account).catch(() => undefined) : undefined,
      ]);
      return { requests, ...(group ? { group } : {}), ...(error ? { error } : {}) };
    },

    async setAutoApproval({ id, enabled }, account) {
      await client.setAutoApproval(id, enabled);
      const group = await reread(id, account);
      await rereadRequests(id, account).catch(() => undefined); // the badge catches up on its next poll
      return group;
    },

    async getInviteLink({ id }) {
      return client.getInviteLink(id);
    },

    async resetInviteLink({ id }, account) {
      const before = (await readGroupCache()).groups.find((g) => g.id === id)?.inviteLink;
      const link = await once(() => client.resetInviteLink(id), async () => {
        if (!before) throw new Error('the link before the reset is not known'); // cannot tell: outcome unknown
        const now = await client.getInviteLink(id);
        return now !== before ? now : null;
      });
      await reread(id, account).catch(() => undefined); // the new link is already in hand
      return link;
    },

    async getTemplate({ id }) {
      return client.getInvitationTemplate(id);
    },

    async setTemplate({ id, templateId, args, numeric }) {
      if (!templateId.trim()) throw invalid(i18n.t('validation.needTemplateId'));
      await client.setInvitationTemplate(id, { templateId: templateId.trim(), args, numeric });
      return client.getInvitationTemplate(id);
    },
  };
  // Called without an account (a test, the direct invite's own call), a handler works for the one signed in now.
  const handlers = {} as Record<MessageName, (data: unknown, account?: Account) => Promise<unknown>>;
  for (const name of Object.keys(table) as MessageName[]) {
    const handle = table[name] as (data: unknown, account: Account) => Promise<unknown>;
    handlers[name] = async (data, account) => handle(data, account ?? (await currentAccount()));
  }
  return handlers as Handlers;
}

const refused = () => new LocalError('forbidden', 'Refused: this message did not come from the extension.');

/** Runs a handler and turns anything it throws into a failure value. */
async function toResult<T>(fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return success(await fn());
  } catch (error) {
    return failure(toErrorData(error));
  }
}

/** Registers every handler; each accepts only the extension's own pages and answers with a `Result`. */
export function registerHandlers(handlers: Handlers, isAllowed: (sender: SenderLike) => boolean = isInternalSender) {
  for (const name of Object.keys(handlers) as MessageName[]) {
    const handle = handlers[name] as (data: unknown) => Promise<unknown>;
    onMessage(name, ({ data, sender }) => (isAllowed(sender) ? toResult(() => handle(data)) : Promise.resolve(failure(refused().data))) as never);
  }
}
