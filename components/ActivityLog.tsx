/** Activity: what the agent did, with when, where, who and how it went. */
import { i18n } from '#i18n';
import type { ActivityEntry } from '../utils/domain';
import type { ActivityRange } from '../utils/panel/activity-model';
import { timeAgo } from '../utils/panel/time';
import { activityTable, exportFileName } from '../utils/panel/csv';
import { ExportButtons } from './ExportButton';
import { ScreenHeader } from './ScreenHeader';
import { Field } from './Field';
import { usePanel } from './panel-context';

const RANGES: [ActivityRange, 'activity.today' | 'activity.shift' | 'activity.all'][] = [
  ['shift', 'activity.shift'], ['today', 'activity.today'], ['all', 'activity.all'],
];

/** The entry as a sentence: "Approved Asha Patel". */
/** What the entry says happened: a failed action is named as one ("Not invited …"), never as done. */
function sentence(e: ActivityEntry): string {
  const done = doneSentence(e);
  if (e.outcome !== 'failed') return done;
  const who = (e.who ?? []).join(', ');
  switch (e.action) {
    case 'approve': case 'reject': case 'invite': case 'remove': return i18n.t(`activity.not_${e.action}`, [who]);
    default: return i18n.t('activity.notDone', [done]);
  }
}

function doneSentence(e: ActivityEntry): string {
  const who = (e.who ?? []).join(', ');
  switch (e.action) {
    case 'create': return i18n.t('activity.create', [e.detail ?? '']);
    case 'rename': return i18n.t('activity.rename', [e.detail ?? '']);
    case 'joinMode': return i18n.t('activity.joinMode', [e.detail ?? '']);
    case 'autoApproval': return i18n.t('activity.autoApproval', [e.detail ?? '']);
    case 'template': return i18n.t('activity.template', [e.detail ?? '']);
    case 'resetLink': return i18n.t('activity.resetLink');
    case 'delete': return i18n.t('activity.delete');
    default: return i18n.t(`activity.${e.action}`, [who]);
  }
}

export function ActivityLog() {
  const panel = usePanel();
  const model = panel.activity;
  const entries = model.visible.value;
  return (
    <section class="activity" aria-labelledby="activity-title">
      <ScreenHeader id="activity-title" title={i18n.t('activity.title')} onBack={() => panel.back()}>
        {i18n.t('activity.intro')}
      </ScreenHeader>
      <div class="card">
        <Field label={i18n.t('activity.filter')}>
          <select value={model.range.value} onChange={(e) => (model.range.value = e.currentTarget.value as ActivityRange)}>
            {RANGES.map(([value, label]) => <option key={value} value={value}>{i18n.t(label)}</option>)}
          </select>
        </Field>
        {entries.length > 0 && (
          <ExportButtons what={i18n.t('activity.title')} fileName={() => exportFileName('my', 'activity')}
            table={() => activityTable(entries, sentence)} />
        )}
        {entries.length === 0 ? (
          <p class="muted">{i18n.t('activity.none')}</p>
        ) : (
          <ul class="items" aria-label={i18n.t('activity.list')}>
            {entries.map((e, i) => (
              <li key={`${e.at}-${i}`} class="item">
                <div class="item-main">
                  <span class="name">{sentence(e)}</span>
                  <span class="small-text muted">{[timeAgo(e.at), e.subject].filter(Boolean).join(' · ')}</span>
                  {e.outcome === 'done' && e.action === 'invite' && e.detail && <span class="small-text muted">{e.detail}</span>}
                  {e.outcome !== 'done' && (
                    <span class="outcome failed">{i18n.t(e.outcome === 'unknown' ? 'activity.unknown' : 'activity.failed', [e.detail ?? ''])}</span>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
