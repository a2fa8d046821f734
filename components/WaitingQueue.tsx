/** Waiting: everyone asking to join, across groups, oldest first; decide one, a selection, or all that fit. */
import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';
import type { WaitingRow } from '../utils/panel/waiting-model';
import { displayNumber } from '../utils/panel/phone-format';
import { waitedFor } from '../utils/wait-time';
import { exportFileName, waitingTable } from '../utils/panel/csv';
import { useEffect } from 'preact/hooks';
import { mark, MARK } from '../utils/panel/perf-marks';
import { DecidingLabel } from './DecidingLabel';
import { ConfirmDialog } from './ConfirmDialog';
import { ExportButtons } from './ExportButton';
import { ScreenHeader } from './ScreenHeader';
import { usePanel } from './panel-context';

/** A 360 × 800 panel shows about 8 rows: the first paint builds a few screens' worth, "Show more" the rest. */
const FIRST = 30;
const PAGE = 100;

export function WaitingQueue() {
  const panel = usePanel();
  const model = panel.waiting;
  const confirming = useSignal(false);
  /** Rows shown: the oldest first; more on demand (decisions and exports cover all of them). */
  const shown = useSignal(FIRST);
  const rows = model.rows.value;
  const open = model.open.value;
  const busy = model.working.value;
  const chosen = model.ready.value.filter((r) => model.selected.value.has(r.id));

  async function approveAllThatFit() {
    confirming.value = false;
    const results = Object.values(await model.approveAllThatFit());
    const approved = results.filter((r) => r.kind === 'approved').length;
    const noSeat = results.filter((r) => r.kind === 'noSeat').length;
    panel.announce(i18n.t('waiting.done', [String(approved), String(noSeat)]));
  }

  async function decide(action: 'approve' | 'reject', list: WaitingRow[]) {
    const results = Object.values(await model.decide(action, list));
    const done = results.filter((r) => r.kind === 'approved' || r.kind === 'rejected').length;
    panel.announce(i18n.t(action === 'approve' ? 'requests.approved' : 'requests.rejected', done));
  }

  const plan = confirming.value ? model.planApprovals() : null;
  useEffect(() => {
    if (rows.length > 0) mark(MARK.waitingRows); // for the bench: open → rows on screen
  }, [rows.length > 0]);
  return (
    <section class="waiting" aria-labelledby="waiting-title">
      <ScreenHeader id="waiting-title" title={i18n.t('waiting.title')} onBack={() => panel.back()}>
        {i18n.t('waiting.summary', [String(open.length), String(model.groupCount.value)])}
      </ScreenHeader>
      <div class="row bulk">
        {chosen.length > 0 ? (
          <>
            <span class="small-text">{i18n.t('waiting.selected', [String(chosen.length)])}</span>
            <button type="button" class="small" disabled={busy} onClick={() => void decide('approve', chosen)}>{i18n.t('waiting.approveSelected')}</button>
            <button type="button" class="small" disabled={busy} onClick={() => void decide('reject', chosen)}>{i18n.t('waiting.rejectSelected')}</button>
          </>
        ) : (
          <button type="button" class="small primary" disabled={busy || open.length === 0} onClick={() => (confirming.value = true)}>
            {i18n.t('waiting.approveFit')}
          </button>
        )}
        <span class="spacer" />
        {rows.length > 0 && (
          <ExportButtons what={i18n.t('waiting.title')} fileName={() => exportFileName('everyone', 'waiting')}
            table={() => waitingTable(rows, model.seatsLeftIn)} />
        )}
        <button type="button" class="small" disabled={model.refreshing.value} onClick={() => void model.refresh()}>{i18n.t('waiting.refresh')}</button>
      </div>
      {model.refreshing.value && rows.length === 0 && <p class="muted" role="status">{i18n.t('waiting.refreshing')}</p>}
      {model.notRead.value > 0 && <p class="small-text muted">{i18n.t('waiting.notRead', [String(model.notRead.value)])}</p>}
      {!model.refreshing.value && rows.length === 0 && <p class="muted card">{i18n.t('waiting.none')}</p>}
      {rows.length > 0 && (
        <ul class="items card" aria-label={i18n.t('waiting.list')}>
          {rows.slice(0, shown.value).map((r) => <WaitingItem key={r.id} row={r} />)}
        </ul>
      )}
      {rows.length > shown.value && (
        <p class="row waiting-more">
          <button type="button" class="small" onClick={() => (shown.value += PAGE)}>
            {i18n.t('waiting.showMore', [String(Math.min(PAGE, rows.length - shown.value)), String(rows.length - shown.value)])}
          </button>
        </p>
      )}
      {plan && (
        <ConfirmDialog title={i18n.t('waiting.confirmTitle', [String(plan.people), String(plan.byGroup.size)])}
          confirmLabel={i18n.t('waiting.confirm')} confirmDisabled={plan.people === 0}
          onClose={() => (confirming.value = false)} onConfirm={() => void approveAllThatFit()}>
          <p>{i18n.t('waiting.confirmBody')}</p>
          {plan.held.length > 0 && <p>{i18n.t('waiting.held', [String(plan.held.length)])}</p>}
        </ConfirmDialog>
      )}
    </section>
  );
}

function WaitingItem({ row: r }: { row: WaitingRow }) {
  const model = usePanel().waiting;
  const outcome = model.outcomes.value[r.id];
  const settled = outcome && outcome.kind !== 'failed' && outcome.kind !== 'noSeat';
  const who = r.name || displayNumber(r.waId);
  // This row's decision is on its way: its buttons wait for Zoko's answer; other rows stay free.
  const deciding = model.deciding.value.get(r.id);
  return (
    <li class={`item ${settled ? 'inactive' : ''}`} aria-label={who} aria-busy={deciding ? 'true' : undefined}>
      {!settled && (
        <input type="checkbox" aria-label={i18n.t('waiting.select', [who])} checked={model.selected.value.has(r.id)}
          disabled={Boolean(deciding)} onChange={() => model.toggle(r.id)} />
      )}
      <div class="item-main">
        <span class="name">{who}</span>
        <span class="group-name" title={r.subject}>{r.subject}</span>
        <span class="small-text muted nowrap-text">{displayNumber(r.waId)}</span>
        <span class="small-text muted">
          {r.createdAt > 0 && i18n.t('waiting.waited', [waitedFor(r.createdAt)])}
          {' · '}{r.seatsLeft > 0 ? i18n.t('waiting.seats', r.seatsLeft, [String(r.seatsLeft)]) : i18n.t('waiting.full')}
        </span>
        {deciding && (
          <DecidingLabel action={deciding} />
        )}
        {outcome && !deciding && (
          <span class={`outcome ${outcome.kind === 'approved' ? 'sent' : outcome.kind === 'rejected' ? 'skipped' : 'failed'}`} role="status">
            {outcome.kind === 'failed' ? i18n.t('waiting.failed', [outcome.reason]) : i18n.t(`waiting.${outcome.kind}`)}
          </span>
        )}
      </div>
      {!settled && (
        <div class="row nowrap">
          <button type="button" class="small" disabled={Boolean(deciding)} onClick={() => void model.decide('approve', [r])}>{i18n.t('requests.approve')}</button>
          <button type="button" class="small" disabled={Boolean(deciding)} onClick={() => void model.decide('reject', [r])}>{i18n.t('requests.reject')}</button>
        </div>
      )}
    </li>
  );
}
