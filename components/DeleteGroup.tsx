/** Deleting a group: the agent types its subject to confirm. */
import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';
import type { OpenGroupModel } from '../utils/panel/open-group-model';
import { ConfirmDialog } from './ConfirmDialog';
import { ErrorNotice } from './ErrorNotice';
import { Field } from './Field';
import { usePanel } from './panel-context';

export function DeleteGroup({ model }: { model: OpenGroupModel }) {
  const panel = usePanel();
  const confirming = useSignal(false);
  const typed = useSignal('');
  const subject = model.group.value!.subject;
  const { deleteGroup } = model;

  async function confirm() {
    if (typed.value.trim() !== subject.trim()) return;
    if (!(await deleteGroup.run())) return;
    confirming.value = false;
    panel.back(i18n.t('delete.done', [subject]));
    panel.announce(i18n.t('delete.announce', [subject]));
  }

  return (
    <details class="card danger-zone">
      <summary><h3>{i18n.t('delete.title')}</h3></summary>
      <p class="small-text muted">{i18n.t('delete.text')}</p>
      <button type="button" class="danger" onClick={() => { typed.value = ''; confirming.value = true; }}>{i18n.t('delete.open')}</button>
      {confirming.value && (
        <ConfirmDialog title={i18n.t('delete.confirmTitle', [subject])} confirmLabel={i18n.t('delete.confirm')} pending={deleteGroup.pending.value}
          confirmDisabled={typed.value.trim() !== subject.trim()} onConfirm={() => void confirm()}
          onClose={() => { confirming.value = false; deleteGroup.clearError(); }}>
          <p>{i18n.t('delete.body')}</p>
          <Field label={i18n.t('delete.typeName')}>
            <input value={typed} onInput={(e) => (typed.value = e.currentTarget.value)} autoComplete="off" />
          </Field>
          <ErrorNotice error={deleteGroup.error.value} />
        </ConfirmDialog>
      )}
    </details>
  );
}
