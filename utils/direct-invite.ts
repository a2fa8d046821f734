/** "Invite to <group>" from the context menu: invite a selected number without opening the panel, report by notification. */
import type { Handlers } from './handlers';
import { notifyMessage } from './notify';
import { numberFromSelection } from './phone';
import { readGroupCache } from './group-cache';
import { settingsItem } from './storage';
import { describeError } from './error-text';
import { toZokoError } from './zoko/errors';

export function createDirectInvite(handlers: Pick<Handlers, 'inviteMembers'>) {
  return async (groupId: string, text: string) => {
    const [settings, cache] = await Promise.all([settingsItem.getValue(), readGroupCache()]);
    const subject = cache.groups.find((g) => g.id === groupId)?.subject ?? 'the group';
    const parsed = numberFromSelection(text, settings.defaultCountry);
    const id = `invite:${Date.now()}`;
    if (!('waId' in parsed)) {
      await notifyMessage(id, 'Nothing was sent', `“${parsed.input}” cannot be invited: ${parsed.reason}.`);
      return;
    }
    const number = `+${parsed.waId}`;
    try {
      const r = await handlers.inviteMembers({ id: groupId, phoneNumbers: [parsed.waId] });
      if (r.sent.length) await notifyMessage(id, `Invitation sent to ${number}`, `They were invited to ${subject}.`);
      else if (r.skipped.length) await notifyMessage(id, `${number} was skipped`, `Already a member of ${subject}, or already invited.`);
      else await notifyMessage(id, `${number} was not invited`, r.failed[0]?.reason ?? 'Zoko did not say why.');
    } catch (error) {
      await notifyMessage(id, `${number} was not invited`, describeError(toZokoError(error).data).text);
    }
  };
}
