/** Members with their status; remove one or several, after a confirmation. */
import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';
import type { OpenGroupModel } from '../utils/panel/open-group-model';
import { displayNumber } from '../utils/panel/phone-format';
import { e164, exportFileName } from '../utils/panel/csv';
import { MAX_PARTICIPANTS } from '../utils/validation';
import { ExportButtons } from './ExportButton';
import { ConfirmDialog } from './ConfirmDialog';
import { ErrorNotice } from './ErrorNotice';
import { usePanel } from './panel-context';

export function Participants({ model }: { model: OpenGroupModel }) {
  const panel = usePanel();
  const selected = useSignal<Set<string>>(new Set());
  const confirming = useSignal<string[] | null>(null);
  const participants = model.group.value?.participants ?? [];
  const joined = model.joined.value.length;
  const { remove } = model;
  const readOnly = model.readOnly.value;

  async function confirmRemove() {
    const waIds = confirming.value ?? [];
    const done = await remove.run(waIds);
    if (!done) return; // keep the dialog open with the error in it
    confirming.value = null;
    selected.value = new Set();
    panel.announce(i18n.t('participants.removed', waIds.length));
  }

  const toggle = (wa: string) => {
    const next = new Set(selected.value);
    if (next.has(wa)) next.delete(wa);
    else next.add(wa);
    selected.value = next;
  };
  const label = (wa: string) => participants.find((p) => p.waId === wa)?.name || displayNumber(wa);

  return (
    <section class="card" aria-labelledby="people-title">
      <div class="card-head">
        <h3 id="people-title">{i18n.t('participants.title')}</h3>
        <span class={`capacity ${joined >= MAX_PARTICIPANTS ? 'full' : ''}`}>{i18n.t('participants.capacity', [String(joined), String(MAX_PARTICIPANTS)])}</span>
      </div>
      {participants.length > 0 && (
        <ExportButtons what={i18n.t('participants.title')}
          fileName={() => exportFileName(model.group.value?.subject ?? '', 'participants')}
          table={() => ({
            header: [i18n.t('export.name'), i18n.t('export.number'), i18n.t('export.status'), i18n.t('export.admin')],
            rows: participants.map((p) => [p.name, e164(p.waId), p.status, i18n.t(p.isAdmin ? 'export.yes' : 'export.no')]),
          })} />
      )}
      {!readOnly && selected.value.size > 0 && (
        <div class="row bulk">
          <span class="small-text">{selected.value.size} selected</span>
          <button type="button" class="small" onClick={() => (confirming.value = [...selected.value])}>{i18n.t('participants.removeSelected')}</button>
        </div>
      )}
      {participants.length === 0 ? (
        <p class="muted">{i18n.t('participants.none')}</p>
      ) : (
        <ul class="items" aria-label={i18n.t('participants.list')}>
          {participants.map((p) => {
            const removable = !readOnly && p.status === 'joined' && !p.isAdmin;
            return (
              <li key={p.waId} class={`item ${p.status !== 'joined' ? 'inactive' : ''}`} aria-label={p.name || displayNumber(p.waId)}>
                {removable ? (
                  <input type="checkbox" aria-label={i18n.t('participants.select', [p.name || displayNumber(p.waId)])}
                    checked={selected.value.has(p.waId)} onChange={() => toggle(p.waId)} />
                ) : <span class="check-spacer" />}
                <div class="item-main">
                  <span class="name">{p.name || displayNumber(p.waId)}{p.isAdmin && <span class="tag">{i18n.t('participants.admin')}</span>}</span>
                  <span class="small-text muted">{displayNumber(p.waId)} · {statusText(p.status)}</span>
                </div>
                {removable && <button type="button" class="small" onClick={() => (confirming.value = [p.waId])}>{i18n.t('participants.remove')}</button>}
              </li>
            );
          })}
        </ul>
      )}
      {confirming.value && (
        <ConfirmDialog
          title={confirming.value.length === 1 ? i18n.t('participants.removeOne', [label(confirming.value[0]!)]) : i18n.t('participants.removeMany', [String(confirming.value.length)])}
          confirmLabel={i18n.t('participants.remove')} pending={remove.pending.value} onConfirm={() => void confirmRemove()}
          onClose={() => { confirming.value = null; remove.clearError(); }}>
          <p>{i18n.t('participants.removeBody')}</p>
          <ErrorNotice error={remove.error.value} />
        </ConfirmDialog>
      )}
    </section>
  );
}

/** Zoko's word for a member's state, in the agent's language; a word Zoko adds later is shown as Zoko says it. */
function statusText(status: string): string {
  switch (status) {
    case 'joined': return i18n.t('participants.statusJoined');
    case 'left': return i18n.t('participants.statusLeft');
    case 'removed': return i18n.t('participants.statusRemoved');
    case 'invited': case 'pending': return i18n.t('participants.statusInvited');
    default: return status;
  }
}
