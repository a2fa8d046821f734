/**
 * "Invite to <group>" from the context menu, for a selection that is one clear number (the click handler
 * decides: anything else goes to the panel): invite it without opening the panel, report by notification.
 */
import { i18n } from '#i18n';
import { describeError } from '../error-text';
import { readGroupCache } from '../group-cache';
import type { Handlers } from './handlers';
import { toErrorData } from './local-error';
import { notifyMessage } from './notify';

export function createDirectInvite(handlers: Pick<Handlers, 'inviteMembers'>) {
  return async (groupId: string, waId: string) => {
    const cache = await readGroupCache();
    const subject = cache.groups.find((g) => g.id === groupId)?.subject ?? i18n.t('notify.theGroup');
    const id = `invite:${Date.now()}`;
    const number = `+${waId}`;
    try {
      const r = await handlers.inviteMembers({ id: groupId, phoneNumbers: [waId] });
      if (r.sent.length) await notifyMessage(id, i18n.t('notify.sentTitle', [number]), i18n.t('notify.sentText', [subject]));
      else if (r.skipped.length) await notifyMessage(id, i18n.t('notify.skippedTitle', [number]), i18n.t('notify.skippedText', [subject]));
      else await notifyMessage(id, i18n.t('notify.notInvitedTitle', [number]), r.failed[0]?.reason ?? i18n.t('notify.noReason'));
    } catch (error) {
      await notifyMessage(id, i18n.t('notify.notInvitedTitle', [number]), describeError(toErrorData(error)).text);
    }
  };
}
