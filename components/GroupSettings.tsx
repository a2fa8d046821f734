/** Subject, join approval mode and the auto-approval switch. */
import { useSignal } from '@preact/signals';
import type { GroupModel } from '../utils/models/group-model';
import { checkSubject } from '../utils/validation';
import type { JoinApprovalMode } from '../utils/zoko/client';
import { ErrorNotice } from './ErrorNotice';
import { Field } from './Field';
import { SubjectField } from './SubjectField';
import { usePanel } from './panel-context';

export function GroupSettings({ model }: { model: GroupModel }) {
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
    if (await saveSettings.run(changes)) panel.announce('Settings saved');
  }

  // Optimistic: the switch moves at once and moves back if Zoko refuses.
  const auto = useSignal<boolean | null>(null);
  async function toggle(enabled: boolean) {
    auto.value = enabled;
    const g = await setAutoApproval.run(enabled);
    auto.value = null;
    if (g) {
      mode.value = g.autoApproval ? 'auto_approve' : 'approval_required';
      panel.announce(g.autoApproval ? 'Auto-approval on' : 'Auto-approval off');
    }
  }

  return (
    <details class="card">
      <summary><h3>Settings</h3></summary>
      <label class="switch">
        <input type="checkbox" role="switch" checked={auto.value ?? group.autoApproval} disabled={setAutoApproval.pending.value}
          onChange={(e) => void toggle(e.currentTarget.checked)} />
        <span>Auto-approve join requests</span>
      </label>
      <ErrorNotice error={setAutoApproval.error.value} />
      <form onSubmit={save} noValidate>
        <SubjectField value={subject} touched={touched} />
        <Field label="Join approval mode">
          <select value={mode} onChange={(e) => (mode.value = e.currentTarget.value as JoinApprovalMode)}>
            <option value="approval_required">Approval required</option>
            <option value="auto_approve">Approve automatically</option>
          </select>
        </Field>
        <ErrorNotice error={saveSettings.error.value} />
        <button type="submit" class="primary" disabled={saveSettings.pending.value}>
          {saveSettings.pending.value ? 'Saving…' : 'Save'}
        </button>
      </form>
    </details>
  );
}
