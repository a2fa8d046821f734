/**
 * The group list: search as you type, people-waiting first, one-click "Copy invite link".
 * Windowed (fixed row height) so 10,000 groups render as a screenful of rows.
 */
import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { isWhatsAppInviteLink } from '../utils/invite-link';
import { waitedFor } from '../utils/wait-time';
import { MARK, markOnce } from '../utils/panel/perf-marks';
import { stepThroughResults, type ResultStep } from '../utils/panel/group-list-model';
import { MAX_PARTICIPANTS } from '../utils/validation';
import { blockTag, groupBlock } from '../utils/group-state';
import type { Group } from '../utils/domain';
import { CopyButton } from './CopyButton';
import { ErrorNotice } from './ErrorNotice';
import { Icon } from './Icon';
import { usePanel } from './panel-context';
import { lazy } from './lazy';

/** Only for agents who use the panel beside an inbox: loaded when there is a chat (or an offer) to show. */
const ThisChat = lazy(() => import('./ThisChat').then((m) => m.ThisChat), true);

const ROW_HEIGHT = 64;
const OVERSCAN = 6;

export function GroupList() {
  const panel = usePanel();
  const { groups: model } = panel;
  const scrollTop = useSignal(0);
  const viewport = useSignal(600);
  const scroller = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  /** A result to focus once it is rendered: the list is windowed, so a row far down is not in the DOM yet. */
  const focusPending = useRef<number | null>(null);
  const visible = model.visible.value;

  useEffect(() => {
    if (focusPending.current !== null) focusResult(focusPending.current);
  });

  function focusResult(index: number) {
    const button = scroller.current?.querySelector<HTMLElement>(`li[aria-posinset="${index + 1}"] .row-main`);
    focusPending.current = button ? null : index;
    button?.focus();
  }

  /** Arrow keys: to a result (scrolled into the window first) or back to the search box, its text kept. */
  function moveFocus(step: ResultStep): boolean {
    if (step === null) return false;
    if (step === 'search') {
      search.current?.focus();
      return true;
    }
    const el = scroller.current;
    if (el) {
      const top = step * ROW_HEIGHT;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
      scrollTop.value = el.scrollTop;
    }
    focusResult(step);
    return true;
  }

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
        <h2 id="connect-title">{i18n.t('list.connectTitle')}</h2>
        <p class="muted">{i18n.t('list.connectText')}</p>
        <button type="button" class="primary" onClick={panel.openSettings}>{i18n.t('common.openSettings')}</button>
      </section>
    );
  }

  const first = Math.max(0, Math.floor(scrollTop.value / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(visible.length, Math.ceil((scrollTop.value + viewport.value) / ROW_HEIGHT) + OVERSCAN);

  return (
    <section class="list-screen" aria-label={i18n.t('list.region')}>
      {panel.chat.shown.value && <ThisChat />}
      <div class="toolbar">
        <div class="search">
          <Icon name="search" />
          <input type="search" aria-label={i18n.t('list.search')} placeholder={i18n.t('list.searchPlaceholder')}
            value={model.query} onInput={(e) => (model.query.value = e.currentTarget.value)} autoFocus
            ref={search} aria-controls="group-results" aria-describedby="search-hint"
            onKeyDown={(e) => {
              if (hasModifier(e)) return;
              // Enter opens the first match (not while an IME is composing: that Enter picks the characters).
              if (e.key === 'Enter' && !e.isComposing && model.searching.value && model.visible.value[0]) {
                e.preventDefault();
                panel.openGroup(model.visible.value[0].id);
              } else if (moveFocus(stepThroughResults('search', e.key, model.visible.value.length))) e.preventDefault();
            }} />
          <span id="search-hint" class="sr-only">{i18n.t('list.searchHint')}</span>
        </div>
        <button type="button" class="icon" aria-label={i18n.t('list.refresh')} title={i18n.t('list.refresh')} onClick={() => void model.refresh()}
          disabled={status !== 'idle'}>
          <Icon name="refresh" />
        </button>
      </div>
      <div class="list-meta row small-text muted">
        {/* Polite: read out when typing pauses, so a screen reader hears how many match. */}
        <span aria-live="polite">
          {model.searching.value
            ? i18n.t('list.countOf', model.total.value, [String(visible.length), String(model.total.value)])
            : i18n.t('list.count', model.total.value)}
        </span>
        {/* Everyone waiting, across groups, one click away. */}
        {waiting > 0 && (
          <button type="button" class="link-button" onClick={panel.openWaiting}>{i18n.t('list.openWaiting', [String(waiting)])}</button>
        )}
        <span class="spacer" />
        {status === 'updating' && <span class="updating" role="status">{i18n.t('list.updating')}</span>}
      </div>
      {panel.flash.value && <p class="notice ok" role="status">{panel.flash.value}</p>}
      {model.unreadable.value > 0 && <p class="notice warn" role="note">{i18n.t('list.unreadable', model.unreadable.value, [String(model.unreadable.value)])}</p>}
      <ErrorNotice error={model.error.value} onRetry={() => void model.refresh()} />
      {model.creations.value.map((c) => (
        <div key={c.requestId} class="creating row" role="status">
          <span class="spinner" aria-hidden="true" /> {i18n.t('list.creating', [c.subject])}
        </div>
      ))}
      {status === 'loading' && visible.length === 0 && <SkeletonRows />}
      {status !== 'loading' && model.groups.value.length === 0 && !model.error.value && (
        <div class="empty">
          <h2>{i18n.t('list.emptyTitle')}</h2>
          <p class="muted">{i18n.t('list.emptyText')}</p>
          <button type="button" class="primary" onClick={panel.create}>{i18n.t('list.createGroup')}</button>
        </div>
      )}
      {model.groups.value.length > 0 && visible.length === 0 && (
        <p class="empty muted">{i18n.t('list.noMatch', [model.query.value])}</p>
      )}
      <div class="scroller" ref={scroller} onScroll={(e) => (scrollTop.value = e.currentTarget.scrollTop)}>
        <ul role="list" id="group-results" class="rows" style={{ height: `${visible.length * ROW_HEIGHT}px` }}
          onKeyDown={(e) => {
            const row = (e.target as HTMLElement).closest('li[aria-posinset]');
            if (!row || hasModifier(e)) return;
            const at = Number(row.getAttribute('aria-posinset')) - 1;
            if (moveFocus(stepThroughResults(at, e.key, model.visible.value.length))) e.preventDefault();
          }}>
          {visible.slice(first, last).map((g, i) => (
            <GroupRow key={g.id} group={g} waiting={model.counts.value[g.id] ?? 0} since={model.oldestWait.value[g.id]} top={(first + i) * ROW_HEIGHT}
              onOpen={() => panel.openGroup(g.id)} position={first + i + 1} size={visible.length} />
          ))}
        </ul>
      </div>
    </section>
  );
}

const hasModifier = (e: KeyboardEvent) => e.altKey || e.ctrlKey || e.metaKey || e.shiftKey;

interface RowProps { group: Group; waiting: number; since?: number; top: number; onOpen: () => void; position: number; size: number }

function GroupRow({ group: g, waiting, since, top, onOpen, position, size }: RowProps) {
  // Full or suspended, said on the row: the agent knows before opening the group or picking it.
  const block = groupBlock(g);
  return (
    <li class="group-row" style={{ top: `${top}px`, height: `${ROW_HEIGHT}px` }} aria-posinset={position} aria-setsize={size}>
      <button type="button" class="row-main" onClick={onOpen}>
        <span class="subject">{g.subject}</span>
        <span class="meta">
          <span>{i18n.t('list.members', [String(g.participantCount), String(MAX_PARTICIPANTS)])}</span>
          {g.autoApproval && <span class="tag">{i18n.t('list.autoApprove')}</span>}
          {block && <span class="tag warn">{blockTag(block)}</span>}
          {waiting > 0 && since !== undefined && <span class="waited">{i18n.t('list.oldestWait', [waitedFor(since)])}</span>}
        </span>
      </button>
      {waiting > 0 && <span class="pending" title={i18n.t('list.waiting', [String(waiting)])}>{waiting}<span class="sr-only">{i18n.t('list.waitingSr')}</span></span>}
      {isWhatsAppInviteLink(g.inviteLink) && <CopyButton text={g.inviteLink} compact />}
    </li>
  );
}

function SkeletonRows() {
  return (
    <div aria-busy="true" aria-label={i18n.t('list.loadingGroups')}>
      {[0, 1, 2, 3].map((i) => <div key={i} class="skeleton" />)}
    </div>
  );
}
