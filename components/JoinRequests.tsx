/** People waiting to join: approve or reject one, some (selected) or all. */
import { useSignal } from '@preact/signals';
import { displayNumber } from '../utils/phone-format';
import type { JoinDecision } from '../utils/messaging';
import type { GroupModel } from '../utils/models/group-model';
import { timeAgo } from '../utils/time';
import { ErrorNotice } from './ErrorNotice';
import { usePanel } from './panel-context';

export function JoinRequests({ model }: { model: GroupModel }) {
  const panel = usePanel();
  const selected = useSignal<Set<string>>(new Set());
  const requests = model.requests.value ?? [];
  const { decide } = model;
  const busy = decide.pending.value;
  const readOnly = model.readOnly.value;

  async function run(action: JoinDecision, ids: string[]) {
    const left = await decide.run(action, ids);
    if (left) {
      selected.value = new Set();
      const n = ids.length;
      panel.announce(`${n} ${n === 1 ? 'request' : 'requests'} ${action === 'approve' ? 'approved' : 'rejected'}`);
    }
  }

  const toggle = (id: string) => {
    const next = new Set(selected.value);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    selected.value = next;
  };
  const some = [...selected.value].filter((id) => requests.some((r) => r.id === id));

  return (
    <section class="card" aria-labelledby="jr-title">
      <div class="card-head">
        <h3 id="jr-title">Join requests</h3>
        {requests.length > 0 && <span class="count">{requests.length}<span class="sr-only"> waiting</span></span>}
        <span class="spacer" />
        {model.group.value?.autoApproval && <span class="tag">Auto-approve on</span>}
      </div>
      <ErrorNotice error={decide.error.value} onRetry={() => void model.refreshRequests.run()} />
      {model.requests.value === null ? (
        <p class="muted">Could not load join requests.</p>
      ) : requests.length === 0 ? (
        <p class="muted">Nobody is waiting to join.</p>
      ) : (
        <>
          {!readOnly && (
            <div class="row bulk">
              {some.length > 0 ? (
                <>
                  <span class="small-text">{some.length} selected</span>
                  <button type="button" class="small" disabled={busy} onClick={() => void run('approve', some)}>Approve selected</button>
                  <button type="button" class="small" disabled={busy} onClick={() => void run('reject', some)}>Reject selected</button>
                </>
              ) : (
                <>
                  <button type="button" class="small primary" disabled={busy}
                    onClick={() => void run('approve', requests.map((r) => r.id))}>Approve all</button>
                  <button type="button" class="small" disabled={busy}
                    onClick={() => void run('reject', requests.map((r) => r.id))}>Reject all</button>
                </>
              )}
            </div>
          )}
          <ul class="items" aria-label="Join requests">
            {requests.map((r) => (
              <li key={r.id} class="item" aria-label={r.name || displayNumber(r.waId)}>
                {!readOnly && (
                  <input type="checkbox" aria-label={`Select ${r.name || displayNumber(r.waId)}`}
                    checked={selected.value.has(r.id)} onChange={() => toggle(r.id)} />
                )}
                <div class="item-main">
                  <span class="name">{r.name || displayNumber(r.waId)}</span>
                  <span class="small-text muted nowrap-text">{displayNumber(r.waId)}</span>
                  {r.createdAt > 0 && <span class="small-text muted">{timeAgo(r.createdAt)}</span>}
                </div>
                {!readOnly && (
                  <div class="row nowrap">
                    <button type="button" class="small" disabled={busy} onClick={() => void run('approve', [r.id])}>Approve</button>
                    <button type="button" class="small" disabled={busy} onClick={() => void run('reject', [r.id])}>Reject</button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
