/** Members with their status; remove one or several, after a confirmation. */
import { useSignal } from '@preact/signals';
import type { GroupModel } from '../utils/models/group-model';
import { displayNumber } from '../utils/phone-format';
import { MAX_PARTICIPANTS } from '../utils/validation';
import { ConfirmDialog } from './ConfirmDialog';
import { ErrorNotice } from './ErrorNotice';
import { usePanel } from './panel-context';

export function Participants({ model }: { model: GroupModel }) {
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
    panel.announce(`${waIds.length} ${waIds.length === 1 ? 'participant' : 'participants'} removed`);
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
        <h3 id="people-title">Participants</h3>
        <span class={`capacity ${joined >= MAX_PARTICIPANTS ? 'full' : ''}`}>{joined} of {MAX_PARTICIPANTS}</span>
      </div>
      {!readOnly && selected.value.size > 0 && (
        <div class="row bulk">
          <span class="small-text">{selected.value.size} selected</span>
          <button type="button" class="small" onClick={() => (confirming.value = [...selected.value])}>Remove selected</button>
        </div>
      )}
      {participants.length === 0 ? (
        <p class="muted">Nobody has joined yet. Share the invite link or invite numbers above.</p>
      ) : (
        <ul class="items" aria-label="Participants">
          {participants.map((p) => {
            const removable = !readOnly && p.status === 'joined' && !p.isAdmin;
            return (
              <li key={p.waId} class={`item ${p.status !== 'joined' ? 'inactive' : ''}`} aria-label={p.name || displayNumber(p.waId)}>
                {removable ? (
                  <input type="checkbox" aria-label={`Select ${p.name || displayNumber(p.waId)}`}
                    checked={selected.value.has(p.waId)} onChange={() => toggle(p.waId)} />
                ) : <span class="check-spacer" />}
                <div class="item-main">
                  <span class="name">{p.name || displayNumber(p.waId)}{p.isAdmin && <span class="tag">Admin</span>}</span>
                  <span class="small-text muted">{displayNumber(p.waId)} · {p.status}</span>
                </div>
                {removable && <button type="button" class="small" onClick={() => (confirming.value = [p.waId])}>Remove</button>}
              </li>
            );
          })}
        </ul>
      )}
      {confirming.value && (
        <ConfirmDialog
          title={confirming.value.length === 1 ? `Remove ${label(confirming.value[0]!)}?` : `Remove ${confirming.value.length} participants?`}
          confirmLabel="Remove" pending={remove.pending.value} onConfirm={() => void confirmRemove()}
          onClose={() => { confirming.value = null; remove.clearError(); }}>
          <p>They leave the WhatsApp group now. They can only come back through the invite link or a new invitation.</p>
          <ErrorNotice error={remove.error.value} />
        </ConfirmDialog>
      )}
    </section>
  );
}
