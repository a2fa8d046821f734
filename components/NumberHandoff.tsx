/** A number chosen with "Invite this number" on a page: shown normalised, with a group picker and one "Invite". */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { createAction } from '../utils/models/action';
import type { ParsedNumber, RejectedNumber } from '../utils/phone';
import { displayNumber } from '../utils/phone-format';
import { handoffItem, recentGroupsItem } from '../utils/storage';
import type { InviteResult } from '../utils/zoko/schemas';
import { ErrorNotice } from './ErrorNotice';
import { Field } from './Field';
import { Icon } from './Icon';
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
    const subject = groups.find((g) => g.id === chosen)?.subject ?? 'the group';
    panel.announce(r.sent.length ? `Invitation sent to ${displayNumber(n.waId)} for ${subject}` : `${displayNumber(n.waId)} was not invited`);
  }

  const n = parsed.value;
  return (
    <section class="handoff" aria-labelledby="handoff-title">
      <div class="group-head">
        <button type="button" class="icon" aria-label="Back to groups" title="Back to groups" onClick={() => void close()}>
          <Icon name="back" />
        </button>
        <h2 id="handoff-title">Invite this number</h2>
      </div>
      <div class="card">
        {!n ? (
          <p class="muted">Reading the number…</p>
        ) : 'waId' in n ? (
          <form onSubmit={send}>
            <p class="big-number" data-testid="handoff-number">{displayNumber(n.waId)}</p>
            <p class="small-text muted">From the selection “{n.input}”</p>
            <Field label="Group">
              <select value={chosen} onChange={(e) => (groupId.value = e.currentTarget.value)}>
                {ordered.map((g) => <option key={g.id} value={g.id}>{g.subject}</option>)}
              </select>
            </Field>
            <ErrorNotice error={invite.error.value} />
            <button type="submit" class="primary" disabled={invite.pending.value || !chosen}>
              {invite.pending.value ? 'Inviting…' : 'Invite'}
            </button>
          </form>
        ) : (
          <div class="notice error" role="alert">
            <p>“{n.input}” cannot be invited: {n.reason}.</p>
            <p class="small-text">Select a phone number with its country code, e.g. +91 98765 43210, and try again.</p>
          </div>
        )}
        {result.value && (
          <p class="notice ok" role="status">
            {result.value.sent.length > 0 && 'Invitation sent.'}
            {result.value.skipped.length > 0 && 'Skipped: this number is already a member or has an invitation.'}
            {result.value.failed.map((f) => `Failed: ${f.reason}.`).join(' ')}
          </p>
        )}
      </div>
    </section>
  );
}
