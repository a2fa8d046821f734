/**
 * The group list: search as you type, people-waiting first, one-click "Copy invite link".
 * Windowed (fixed row height) so 10,000 groups render as a screenful of rows.
 */
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isWhatsAppInviteLink } from '../utils/invite-link';
import { MARK, markOnce } from '../utils/perf-marks';
import { MAX_PARTICIPANTS } from '../utils/validation';
import type { Group } from '../utils/zoko/schemas';
import { CopyButton } from './CopyButton';
import { ErrorNotice } from './ErrorNotice';
import { Icon } from './Icon';
import { usePanel } from './panel-context';

const ROW_HEIGHT = 64;
const OVERSCAN = 6;

export function GroupList() {
  const panel = usePanel();
  const { groups: model } = panel;
  const scrollTop = useSignal(0);
  const viewport = useSignal(600);
  const scroller = useRef<HTMLDivElement>(null);
  const visible = model.visible.value;

  // After the DOM commit: the moment an agent sees rows (timed by `npm run bench`).
  useEffect(() => {
    if (visible.length > 0) markOnce(MARK.firstRows);
  });

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => (viewport.value = el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, [scroller.current]);

  const status = model.status.value;
  const waiting = model.totalPending.value;

  if (model.configured.value === false) {
    return (
      <section class="empty" aria-labelledby="connect-title">
        <h2 id="connect-title">Connect to Zoko</h2>
        <p class="muted">Add your Zoko API key in the settings to see your WhatsApp groups here.</p>
        <button type="button" class="primary" onClick={() => void browser.runtime.openOptionsPage()}>Open settings</button>
      </section>
    );
  }

  const first = Math.max(0, Math.floor(scrollTop.value / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(visible.length, Math.ceil((scrollTop.value + viewport.value) / ROW_HEIGHT) + OVERSCAN);

  return (
    <section class="list-screen" aria-label="Groups">
      <div class="toolbar">
        <div class="search">
          <Icon name="search" />
          <input type="search" aria-label="Search groups" placeholder="Search by name or group id"
            value={model.query} onInput={(e) => (model.query.value = e.currentTarget.value)} autoFocus />
        </div>
        <button type="button" class="icon" aria-label="Refresh" title="Refresh" onClick={() => void model.refresh()}
          disabled={status !== 'idle'}>
          <Icon name="refresh" />
        </button>
      </div>
      <div class="list-meta row small-text muted">
        <span>
          {model.total.value} groups{waiting > 0 ? ` · ${waiting} waiting to join` : ''}
        </span>
        <span class="spacer" />
        {status === 'updating' && <span class="updating" role="status">Updating…</span>}
      </div>
      {panel.flash.value && <p class="notice ok" role="status">{panel.flash.value}</p>}
      <ErrorNotice error={model.error.value} onRetry={() => void model.refresh()} />
      {model.creations.value.map((c) => (
        <div key={c.requestId} class="creating row" role="status">
          <span class="spinner" aria-hidden="true" /> Creating “{c.subject}”…
        </div>
      ))}
      {status === 'loading' && visible.length === 0 && <SkeletonRows />}
      {status !== 'loading' && model.groups.value.length === 0 && !model.error.value && (
        <div class="empty">
          <h2>No groups yet</h2>
          <p class="muted">Create the first WhatsApp group for your store.</p>
          <button type="button" class="primary" onClick={panel.create}>Create group</button>
        </div>
      )}
      {model.groups.value.length > 0 && visible.length === 0 && (
        <p class="empty muted">No group matches “{model.query.value}”.</p>
      )}
      <div class="scroller" ref={scroller} onScroll={(e) => (scrollTop.value = e.currentTarget.scrollTop)}>
        <ul role="list" class="rows" style={{ height: `${visible.length * ROW_HEIGHT}px` }}>
          {visible.slice(first, last).map((g, i) => (
            <GroupRow key={g.id} group={g} waiting={model.counts.value[g.id] ?? 0} top={(first + i) * ROW_HEIGHT}
              onOpen={() => panel.openGroup(g.id)} position={first + i + 1} size={visible.length} />
          ))}
        </ul>
      </div>
    </section>
  );
}

interface RowProps { group: Group; waiting: number; top: number; onOpen: () => void; position: number; size: number }

function GroupRow({ group: g, waiting, top, onOpen, position, size }: RowProps) {
  return (
    <li class="group-row" style={{ top: `${top}px`, height: `${ROW_HEIGHT}px` }} aria-posinset={position} aria-setsize={size}>
      <button type="button" class="row-main" onClick={onOpen}>
        <span class="subject">{g.subject}</span>
        <span class="meta">
          <span>{g.participantCount}/{MAX_PARTICIPANTS} members</span>
          {g.autoApproval && <span class="tag">Auto-approve</span>}
          {g.suspended && <span class="tag warn">Suspended</span>}
        </span>
      </button>
      {waiting > 0 && <span class="pending" title={`${waiting} waiting to join`}>{waiting}<span class="sr-only"> waiting to join</span></span>}
      {isWhatsAppInviteLink(g.inviteLink) && <CopyButton text={g.inviteLink} compact />}
    </li>
  );
}

function SkeletonRows() {
  return (
    <div aria-busy="true" aria-label="Loading groups">
      {[0, 1, 2, 3].map((i) => <div key={i} class="skeleton" />)}
    </div>
  );
}
