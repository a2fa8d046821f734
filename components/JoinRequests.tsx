/** People waiting to join: approve or reject one, some (selected) or all. */
import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';
import { displayNumber } from '../utils/panel/phone-format';
import type { JoinDecision } from '../utils/domain';
import type { OpenGroupModel } from '../utils/panel/open-group-model';
import { timeAgo } from '../utils/panel/time';
import { exportFileName, joinRequestsTable } from '../utils/panel/csv';
import { groupBlock } from '../utils/group-state';
import { DecidingLabel } from './DecidingLabel';
import { ErrorNotice } from './ErrorNotice';
import { ExportButtons } from './ExportButton';
import { usePanel } from './panel-context';

export function JoinRequests({ model }: { model: OpenGroupModel }) {
  const panel = usePanel();
  const selected = useSignal<Set<string>>(new Set());
  const requests = model.requests.value ?? [];
  const { decide } = model;
  /** Some decision is on its way: bulk actions wait for it; each row waits only for its own. */
  const deciding = model.deciding.value;
  const busy = deciding.size > 0;
  const readOnly = model.readOnly.value;
  // Every seat taken: approvals cannot succeed (WhatsApp refuses a 9th, 131204), so they are disabled, with why.
  const full = groupBlock({ participantCount: model.joined.value.length }) === 'full';
  const fullWhy = full ? 'jr-full' : undefined;
  /** The group's participants are not read yet, so its free seats are not known: approvals wait for them. */
  const seatsUnknown = !model.group.value;

  /** A notice of our own: approvals that could not fit are not sent (WhatsApp would refuse them: 131204). */
  const held = useSignal<string | null>(null);

  async function run(action: JoinDecision, asked: string[]) {
    const { ids, held: heldBack } = model.fitting(action, asked);
    held.value = heldBack === 0 ? null
      : ids.length === 0 ? i18n.t('requests.groupFull') : i18n.t('requests.onlyFit', ids.length, [String(ids.length)]);
    if (ids.length === 0) return;
    const left = await decide.run(action, ids);
    if (left) {
      // Only what was decided leaves the selection: the agent may have selected others meanwhile.
      selected.value = new Set([...selected.value].filter((id) => !ids.includes(id)));
      const n = ids.length;
      panel.announce(i18n.t(action === 'approve' ? 'requests.approved' : 'requests.rejected', n));
    }
  }

  const toggle = (id: string) => {
    const next = new Set(selected.value);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    selected.value = next;
  };
  const some = [...selected.value].filter((id) => requests.some((r) => r.id === id) && !deciding.has(id));

  return (
    <section class="card" aria-labelledby="jr-title">
      <div class="card-head">
        <h3 id="jr-title">{i18n.t('requests.title')}</h3>
        {model.requestCount.value > 0 && <span class="count">{model.requestCount.value}<span class="sr-only">{i18n.t('requests.waitingSr')}</span></span>}
        <span class="spacer" />
        {model.group.value?.autoApproval && <span class="tag">{i18n.t('requests.autoOn')}</span>}
      </div>
      <ErrorNotice error={decide.error.value} onRetry={() => void model.refreshRequests.run()} />
      {/* What the last "Approve all" did stays said when it filled the group: both notices are true. */}
      {held.value && <p class="notice warn" role="status">{held.value}</p>}
      {full && !readOnly && requests.length > 0 && <p class="notice warn" id="jr-full">{i18n.t('requests.groupFull')}</p>}
      {model.requestCount.value > requests.length && requests.length > 0 && (
        <p class="small-text muted">{i18n.t('requests.showingOf', [String(requests.length), String(model.requestCount.value)])}</p>
      )}
      {model.requests.value === null ? (
        <p class="muted">{i18n.t('requests.couldNotLoad')}</p>
      ) : requests.length === 0 ? (
        <p class="muted">{i18n.t('requests.none')}</p>
      ) : (
        <>
          {!readOnly && (
            <div class="row bulk">
              {some.length > 0 ? (
                <>
                  <span class="small-text">{i18n.t('requests.selected', [String(some.length)])}</span>
                  <button type="button" class="small" disabled={busy || full || seatsUnknown} aria-describedby={fullWhy}
                    onClick={() => void run('approve', some)}>{i18n.t('requests.approveSelected')}</button>
                  <button type="button" class="small" disabled={busy} onClick={() => void run('reject', some)}>{i18n.t('requests.rejectSelected')}</button>
                </>
              ) : (
                <>
                  <button type="button" class="small primary" disabled={busy || full || seatsUnknown} aria-describedby={fullWhy}
                    onClick={() => void run('approve', requests.map((r) => r.id))}>{i18n.t('requests.approveAll')}</button>
                  <button type="button" class="small" disabled={busy}
                    onClick={() => void run('reject', requests.map((r) => r.id))}>{i18n.t('requests.rejectAll')}</button>
                </>
              )}
            </div>
          )}
          <ExportButtons what={i18n.t('requests.title')}
            fileName={() => exportFileName(model.group.value?.subject ?? '', 'join-requests')}
            table={() => joinRequestsTable(requests)} />
          <ul class="items" aria-label={i18n.t('requests.list')}>
            {requests.map((r) => {
              const on = deciding.get(r.id);
              return (
                <li key={r.id} class="item" aria-label={r.name || displayNumber(r.waId)} aria-busy={on ? 'true' : undefined}>
                  {!readOnly && (
                    <input type="checkbox" aria-label={i18n.t('requests.select', [r.name || displayNumber(r.waId)])}
                      checked={selected.value.has(r.id)} disabled={Boolean(on)} onChange={() => toggle(r.id)} />
                  )}
                  <div class="item-main">
                    <span class="name">{r.name || displayNumber(r.waId)}</span>
                    <span class="small-text muted nowrap-text">{displayNumber(r.waId)}</span>
                    {r.createdAt > 0 && <span class="small-text muted">{timeAgo(r.createdAt)}</span>}
                    {on && <DecidingLabel action={on} />}
                  </div>
                  {!readOnly && (
                    <div class="row nowrap">
                      <button type="button" class="small" disabled={Boolean(on) || full || seatsUnknown} aria-describedby={fullWhy}
                        onClick={() => void run('approve', [r.id])}>{i18n.t('requests.approve')}</button>
                      <button type="button" class="small" disabled={Boolean(on)} onClick={() => void run('reject', [r.id])}>{i18n.t('requests.reject')}</button>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
