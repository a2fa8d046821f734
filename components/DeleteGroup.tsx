/** Deleting a group: the agent types its subject to confirm. */
import { useSignal } from '@preact/signals';
import type { GroupModel } from '../utils/models/group-model';
import { ConfirmDialog } from './ConfirmDialog';
import { ErrorNotice } from './ErrorNotice';
import { Field } from './Field';
import { usePanel } from './panel-context';

export function DeleteGroup({ model }: { model: GroupModel }) {
  const panel = usePanel();
  const confirming = useSignal(false);
  const typed = useSignal('');
  const subject = model.group.value!.subject;
  const { deleteGroup } = model;

  async function confirm() {
    if (typed.value.trim() !== subject.trim()) return;
    if (!(await deleteGroup.run())) return;
    confirming.value = false;
    panel.back(`“${subject}” was deleted.`);
    panel.announce(`${subject} deleted`);
  }

  return (
    <details class="card danger-zone">
      <summary><h3>Delete group</h3></summary>
      <p class="small-text muted">The business leaves the WhatsApp group and Zoko deletes it. This cannot be undone.</p>
      <button type="button" class="danger" onClick={() => { typed.value = ''; confirming.value = true; }}>Delete group…</button>
      {confirming.value && (
        <ConfirmDialog title={`Delete “${subject}”?`} confirmLabel="Delete group" pending={deleteGroup.pending.value}
          confirmDisabled={typed.value.trim() !== subject.trim()} onConfirm={() => void confirm()}
          onClose={() => { confirming.value = false; deleteGroup.clearError(); }}>
          <p>Members stay in WhatsApp, but the group is gone from Zoko and its invite link stops working.</p>
          <Field label="Type the group name to confirm">
            <input value={typed} onInput={(e) => (typed.value = e.currentTarget.value)} autoComplete="off" />
          </Field>
          <ErrorNotice error={deleteGroup.error.value} />
        </ConfirmDialog>
      )}
    </details>
  );
}
