/** Subject, join approval mode and the auto-approval switch. */
import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';
import type { OpenGroupModel } from '../utils/panel/open-group-model';
import { checkSubject } from '../utils/validation';
import type { JoinApprovalMode } from '../utils/domain';
import { ErrorNotice } from './ErrorNotice';
import { SubmitButton } from './SubmitButton';
import { Field } from './Field';
import { SubjectField } from './SubjectField';
import { usePanel } from './panel-context';

export function GroupSettings({ model }: { model: OpenGroupModel }) {
  const panel = usePanel();
  const group = model.group.value!;
  const subject = useSignal(group.subject);
  const mode = useSignal<JoinApprovalMode>(group.autoApproval ? 'auto_approve' : 'approval_required');
  const touched = useSignal(false);
  const { saveSettings, setAutoApproval } = model;
  const check = checkSubject(subject.value);

  async function save(e: Event) {
    e.preventDefault();
    touched.value = true;
    if (!check.ok) return;
    const changes = {
      subject: check.value !== group.subject ? check.value : undefined,
      joinApprovalMode: mode.value !== (group.autoApproval ? 'auto_approve' : 'approval_required') ? mode.value : undefined,
    };
    if (await saveSettings.run(changes)) panel.announce(i18n.t('settings.saved'));
  }

  // Optimistic: the switch moves at once and moves back if Zoko refuses.
  const auto = useSignal<boolean | null>(null);
  async function toggle(enabled: boolean) {
    auto.value = enabled;
    const g = await setAutoApproval.run(enabled);
    auto.value = null;
    if (g) {
      mode.value = g.autoApproval ? 'auto_approve' : 'approval_required';
      panel.announce(i18n.t(g.autoApproval ? 'settings.autoOn' : 'settings.autoOff'));
    }
  }

  return (
    <details class="card">
      <summary><h3>{i18n.t('settings.title')}</h3></summary>
      <label class="switch">
        <input type="checkbox" role="switch" checked={auto.value ?? group.autoApproval} disabled={setAutoApproval.pending.value}
          onChange={(e) => void toggle(e.currentTarget.checked)} />
        <span>{i18n.t('settings.autoApprove')}</span>
      </label>
      <ErrorNotice error={setAutoApproval.error.value} />
      <form onSubmit={save} noValidate>
        <SubjectField value={subject} touched={touched} />
        <Field label={i18n.t('settings.mode')}>
          <select value={mode} onChange={(e) => (mode.value = e.currentTarget.value as JoinApprovalMode)}>
            <option value="approval_required">{i18n.t('settings.modeRequired')}</option>
            <option value="auto_approve">{i18n.t('settings.modeAuto')}</option>
          </select>
        </Field>
        <ErrorNotice error={saveSettings.error.value} />
        <SubmitButton pending={saveSettings.pending.value} label={i18n.t('common.save')} pendingLabel={i18n.t('common.saving')} />
      </form>
    </details>
  );
}
