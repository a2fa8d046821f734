/**
 * Activity: every action this agent takes, on this browser, with its outcome — kept 30 days and bounded in
 * size. Recorded around the message handlers, so no handler carries bookkeeping of its own.
 */
import type { ActivityEntry } from '../domain';
import { describeError } from '../error-text';
import { readGroupsNaming } from '../group-cache';
import { activityItem, waitingPeopleItem } from '../storage';
import type { Handlers } from './handlers';
import { currentAccount, writeFor, type Account } from './account';
import { toErrorData } from './local-error';
import { oneAtATime } from './one-at-a-time';

const KEEP_MS = 30 * 86_400_000;
export const ACTIVITY_MAX = 2_000;

const serial = oneAtATime();

/**
 * Adds an entry, dropping what is older than 30 days or beyond the bound; one write at a time. Nothing is
 * recorded for an account signed out since the action began (its entry would outlive the sign-out).
 */
export function recordActivity(entry: ActivityEntry, now = Date.now(), account?: Account): Promise<void> {
  return serial(async () => {
    const kept = (await activityItem.getValue()).filter((e) => now - e.at < KEEP_MS);
    await writeFor(account, () => activityItem.setValue([entry, ...kept].slice(0, ACTIVITY_MAX)));
  });
}

type Described = Pick<ActivityEntry, 'action' | 'groupId' | 'who'> & {
  detail?: (result: unknown) => string | undefined;
  /** How the answer changes the entry, where an answer can be a failure (an invite that reached nobody). */
  settle?: (result: any) => Partial<Pick<ActivityEntry, 'who' | 'outcome' | 'detail'>>;
};

/**
 * An invite is done for the numbers Zoko sent or skipped (already invited or in the group), and failed when it
 * reached none: Activity and This chat ("Invited to …") must not call a refused invitation sent.
 */
function settleInvite(r: { sent: string[]; skipped: string[]; failed: { phoneNumber: string; reason: string }[] }) {
  const reached = [...r.sent, ...r.skipped].map((n) => `+${n}`);
  const counts = `${r.sent.length} sent, ${r.skipped.length} skipped, ${r.failed.length} failed`;
  const reasons = r.failed.map((f) => `+${f.phoneNumber}: ${f.reason}`).join('; ');
  if (reached.length === 0) return { outcome: 'failed' as const, detail: reasons || counts };
  return { who: reached, detail: reasons ? `${counts} (${reasons})` : counts };
}

/** What each action message says about itself; reads are not activity. */
async function describe(name: keyof Handlers, data: any): Promise<Described | undefined> {
  switch (name) {
    case 'decideJoinRequests': {
      // Names, while they are still known: after the decision the requests are gone.
      const people = (await waitingPeopleItem.getValue())[data.id] ?? [];
      const who = (data.requestIds as string[]).map((id) => {
        const p = people.find((r) => r.id === id);
        return p ? p.name || `+${p.waId}` : id;
      });
      return { action: data.action, groupId: data.id, who };
    }
    case 'inviteMembers':
      return { action: 'invite', groupId: data.id, who: (data.phoneNumbers as string[]).map((n) => `+${n}`), settle: settleInvite };
    case 'removeParticipants': return { action: 'remove', groupId: data.id, who: data.waIds };
    case 'resetInviteLink': return { action: 'resetLink', groupId: data.id };
    case 'createGroup': return { action: 'create', who: [], detail: () => data.subject };
    case 'updateSettings':
      return { action: data.subject !== undefined ? 'rename' : 'joinMode', groupId: data.id,
        detail: () => data.subject ?? data.joinApprovalMode };
    case 'deleteGroup': return { action: 'delete', groupId: data.id };
    case 'setAutoApproval': return { action: 'autoApproval', groupId: data.id, detail: () => (data.enabled ? 'on' : 'off') };
    case 'setTemplate': return { action: 'template', groupId: data.id, detail: () => data.templateId };
    default: return undefined;
  }
}

/** The same handlers, each action recorded with its outcome (a failure too: the agent sees what did not work). */
export function recordingActivity(handlers: Handlers): Handlers {
  type Handle = (data: unknown, account?: Account) => Promise<unknown>;
  const wrapped = { ...handlers } as Record<keyof Handlers, Handle>;
  for (const name of Object.keys(handlers) as (keyof Handlers)[]) {
    const handle = handlers[name] as Handle;
    wrapped[name] = async (data, given?: Account) => {
      // The account the action is for, from its start: its entry is recorded only if it is still signed in.
      const account = given ?? (await currentAccount());
      const about = await describe(name, data).catch(() => undefined);
      if (!about) return handle(data, account);
      // The subject now: a deleted group leaves the cache.
      const subject = about.groupId ? (await readGroupsNaming([about.groupId])).groups.find((g) => g.id === about.groupId)?.subject : undefined;
      const base = { at: Date.now(), action: about.action, groupId: about.groupId, subject, who: about.who };
      try {
        const result = await handle(data, account);
        // A decision that came back with an error is the failure of that decision.
        const error = (result as { error?: Parameters<typeof describeError>[0] } | undefined)?.error;
        await recordActivity(error
          ? { ...base, outcome: 'failed', detail: describeError(error).text }
          : { ...base, outcome: 'done', detail: about.detail?.(result) ?? (name === 'createGroup' ? (result as { subject: string }).subject : undefined),
            ...about.settle?.(result) },
        Date.now(), account);
        return result;
      } catch (e) {
        const error = toErrorData(e);
        await recordActivity({ ...base, outcome: error.outcome === 'unknown' || error.outcome === 'watching' ? 'unknown' : 'failed',
          detail: describeError(error).text }, Date.now(), account);
        throw e;
      }
    };
  }
  return wrapped as Handlers;
}
