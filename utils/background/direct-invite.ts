/** "Invite to <group>" from the context menu: invite a selected number without opening the panel, report by notification. */
import { i18n } from '#i18n';
import type { Handlers } from './handlers';
import { notifyMessage } from './notify';
import { numberFromSelection } from '../phone';
import { readGroupCache } from '../group-cache';
import { settingsItem } from '../storage';
import { describeError } from '../error-text';
import { toErrorData } from './local-error';

export function createDirectInvite(handlers: Pick<Handlers, 'inviteMembers'>) {
  return async (groupId: string, text: string) => {
    const [settings, cache] = await Promise.all([settingsItem.getValue(), readGroupCache()]);
    const subject = cache.groups.find((g) => g.id === groupId)?.subject ?? i18n.t('notify.theGroup');
    const parsed = numberFromSelection(text, settings.defaultCountry);
    const id = `invite:${Date.now()}`;
    if (!('waId' in parsed)) {
      await notifyMessage(id, i18n.t('notify.nothingSent'), i18n.t('notify.cannotInvite', [parsed.input, parsed.reason]));
      return;
    }
    const number = `+${parsed.waId}`;
    try {
      const r = await handlers.inviteMembers({ id: groupId, phoneNumbers: [parsed.waId] });
      if (r.sent.length) await notifyMessage(id, i18n.t('notify.sentTitle', [number]), i18n.t('notify.sentText', [subject]));
      else if (r.skipped.length) await notifyMessage(id, i18n.t('notify.skippedTitle', [number]), i18n.t('notify.skippedText', [subject]));
      else await notifyMessage(id, i18n.t('notify.notInvitedTitle', [number]), r.failed[0]?.reason ?? i18n.t('notify.noReason'));
    } catch (error) {
      await notifyMessage(id, i18n.t('notify.notInvitedTitle', [number]), describeError(toErrorData(error)).text);
    }
  };
}
