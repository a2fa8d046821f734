/**
 * Two settings that are easy to confuse, kept apart: Zoko's auto-approval (requests are made, Zoko approves
 * them) and WhatsApp's join approval mode (whether opening the link makes a request at all). Zoko reports
 * the first, not the second: the mode shows what was last set from here, or says it is not known.
 */
import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';
import type { JoinApprovalMode } from '../utils/domain';
import type { OpenGroupModel } from '../utils/panel/open-group-model';
import { timeAgo } from '../utils/panel/time';
import { checkSubject } from '../utils/validation';
import { ErrorNotice } from './ErrorNotice';
import { SubmitButton } from './SubmitButton';
import { SubjectField } from './SubjectField';
import { usePanel } from './panel-context';

const MODES: [JoinApprovalMode, 'settings.modeRequired' | 'settings.modeAuto'][] = [
  ['approval_required', 'settings.modeRequired'],
  ['auto_approve', 'settings.modeAuto'],
];

export function GroupSettings({ model }: { model: OpenGroupModel }) {
  const panel = usePanel();
  const group = model.group.value!;
  const setHere = group.joinApprovalSetHere;
  const subject = useSignal(group.subject);
  // What the agent picked; until then what was last set here, or nothing (not known).
  const mode = useSignal<JoinApprovalMode | null>(setHere?.mode ?? null);
  const touched = useSignal(false);
  const { saveSettings, setAutoApproval } = model;
  const check = checkSubject(subject.value);

  async function save(e: Event) {
    e.preventDefault();
    touched.value = true;
    if (!check.ok) return;
    const changes = {
      subject: check.value !== group.subject ? check.value : undefined,
      // Always sent when chosen: Zoko does not say what it is, so "unchanged" cannot be known.
      joinApprovalMode: mode.value ?? undefined,
    };
    if (await saveSettings.run(changes)) panel.announce(i18n.t('settings.saved'));
  }

  // Optimistic: the switch moves at once and moves back if Zoko refuses.
  const auto = useSignal<boolean | null>(null);
  async function toggle(enabled: boolean) {
    auto.value = enabled;
    const g = await setAutoApproval.run(enabled);
    auto.value = null;
    if (g) panel.announce(i18n.t(g.autoApproval ? 'settings.autoOn' : 'settings.autoOff'));
  }

  return (
    <details class="card">
      <summary><h3>{i18n.t('settings.title')}</h3></summary>
      <label class="switch">
        <input type="checkbox" role="switch" checked={auto.value ?? group.autoApproval} disabled={setAutoApproval.pending.value}
          aria-describedby="auto-hint" onChange={(e) => void toggle(e.currentTarget.checked)} />
        <span>{i18n.t('settings.autoApprove')}</span>
      </label>
      <p id="auto-hint" class="small-text muted">{i18n.t('settings.autoHint')}</p>
      <ErrorNotice error={setAutoApproval.error.value} />
      <form onSubmit={save} noValidate>
        <SubjectField value={subject} touched={touched} />
        <fieldset class="choice" aria-describedby="mode-known">
          <legend>{i18n.t('settings.mode')}</legend>
          {MODES.map(([value, label]) => (
            <label key={value} class="radio">
              <input type="radio" name="join-approval-mode" value={value} checked={mode.value === value}
                onChange={() => (mode.value = value)} />
              <span>{i18n.t(label)}</span>
            </label>
          ))}
          <p id="mode-known" class="small-text muted">
            {setHere ? i18n.t('settings.modeSetAt', [timeAgo(setHere.at)]) : i18n.t('settings.modeUnknown')}
            {' '}{i18n.t('settings.modeHint')}
          </p>
        </fieldset>
        <ErrorNotice error={saveSettings.error.value} />
        <SubmitButton pending={saveSettings.pending.value} label={i18n.t('common.save')} pendingLabel={i18n.t('common.saving')} />
      </form>
    </details>
  );
}
