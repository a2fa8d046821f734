/** A number chosen with "Invite this number" on a page: shown normalised, with a group picker and one "Invite". */
import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { createAction } from '../utils/models/action';
import type { ParsedNumber, RejectedNumber } from '../utils/phone';
import { displayNumber } from '../utils/phone-format';
import { handoffItem, recentGroupsItem } from '../utils/storage';
import type { InviteResult } from '../utils/zoko/schemas';
import { ErrorNotice } from './ErrorNotice';
import { SubmitButton } from './SubmitButton';
import { ScreenHeader } from './ScreenHeader';
import { Field } from './Field';
import { usePanel } from './panel-context';

export function NumberHandoff() {
  const panel = usePanel();
  const parsed = useSignal<ParsedNumber | RejectedNumber | null>(null);
  const recent = useSignal<string[]>([]);
  const groupId = useSignal('');
  const result = useSignal<InviteResult | null>(null);
  const invite = useSignal(createAction((id: string, waId: string) => panel.transport('inviteMembers', { id, phoneNumbers: [waId] }))).value;
  const country = panel.groups.config.value?.settings.defaultCountry;

  useEffect(() => {
    const read = async () => {
      const [handoff, recents, phone] = await Promise.all([handoffItem.getValue(), recentGroupsItem.getValue(), import('../utils/phone')]);
      recent.value = recents;
      result.value = null;
      parsed.value = handoff ? phone.numberFromSelection(handoff.text, country) : null;
    };
    void read();
    return handoffItem.watch(() => void read());
  }, [country]);

  const groups = panel.groups.groups.value.filter((g) => !g.suspended);
  const ordered = [
    ...recent.value.map((id) => groups.find((g) => g.id === id)).filter((g) => g !== undefined),
    ...groups.filter((g) => !recent.value.includes(g.id)),
  ];
  // The agent's pick, else the most recent group.
  const chosen = groupId.value || ordered[0]?.id || '';

  async function close() {
    await handoffItem.setValue(null);
    panel.back();
  }

  async function send(e: Event) {
    e.preventDefault();
    const n = parsed.value;
    if (!n || !('waId' in n) || !chosen) return;
    const r = await invite.run(chosen, n.waId);
    if (!r) return;
    result.value = r;
    const subject = groups.find((g) => g.id === chosen)?.subject ?? i18n.t('notify.theGroup');
    panel.announce(r.sent.length ? i18n.t('handoff.announceSent', [displayNumber(n.waId), subject]) : i18n.t('handoff.announceNot', [displayNumber(n.waId)]));
  }

  const n = parsed.value;
  return (
    <section class="handoff" aria-labelledby="handoff-title">
      <ScreenHeader id="handoff-title" title={i18n.t('handoff.title')} onBack={() => void close()} />
      <div class="card">
        {!n ? (
          <p class="muted">{i18n.t('handoff.reading')}</p>
        ) : 'waId' in n ? (
          <form onSubmit={send}>
            <p class="big-number" data-testid="handoff-number">{displayNumber(n.waId)}</p>
            <p class="small-text muted">{i18n.t('handoff.from', [n.input])}</p>
            <Field label={i18n.t('handoff.group')}>
              <select value={chosen} onChange={(e) => (groupId.value = e.currentTarget.value)}>
                {ordered.map((g) => <option key={g.id} value={g.id}>{g.subject}</option>)}
              </select>
            </Field>
            <ErrorNotice error={invite.error.value} />
            <SubmitButton pending={invite.pending.value} disabled={!chosen}
              label={i18n.t('common.invite')} pendingLabel={i18n.t('common.inviting')} />
          </form>
        ) : (
          <div class="notice error" role="alert">
            <p>{i18n.t('handoff.cannot', [n.input, n.reason])}</p>
            <p class="small-text">{i18n.t('handoff.howTo')}</p>
          </div>
        )}
        {result.value && (
          <p class="notice ok" role="status">
            {result.value.sent.length > 0 && i18n.t('handoff.sent')}
            {result.value.skipped.length > 0 && i18n.t('handoff.skipped')}
            {result.value.failed.map((f) => i18n.t('handoff.failed', [f.reason])).join(' ')}
          </p>
        )}
      </div>
    </section>
  );
}
