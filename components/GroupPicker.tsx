/**
 * Picks a group for one action ("Invite to…", "Send invite link…"): a modal dialog with a filter, recent
 * groups first; Enter takes the first match, a click takes any. Picking is the action: no second confirm.
 * `blocked` says why a pick would do nothing now (the chat it was opened for changed); the caller refuses
 * the pick and says so, one place for that rule. Full and suspended groups are listed, marked: the caller's
 * model refuses an invitation into them with the reason.
 */
import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';
import { useEffect, useId, useRef } from 'preact/hooks';
import type { Group } from '../utils/domain';
import { MAX_PARTICIPANTS } from '../utils/validation';
import { blockTag, groupBlock } from '../utils/group-state';

/** Enough to find a group by eye; the filter finds the rest among thousands. */
const SHOWN = 40;

interface Props {
  title: string;
  groups: Group[];
  onPick: (group: Group) => void;
  onClose: () => void;
  blocked?: string | null;
}

export function GroupPicker({ title, groups, onPick, onClose, blocked = null }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const query = useSignal('');
  useEffect(() => {
    const dialog = ref.current!;
    dialog.showModal();
    return () => dialog.close();
  }, []);
  const q = query.value.trim().toLocaleLowerCase();
  const matches = (q ? groups.filter((g) => g.subject.toLocaleLowerCase().includes(q)) : groups).slice(0, SHOWN);
  return (
    <dialog ref={ref} class="picker" aria-labelledby={`${id}-title`} onCancel={(e) => { e.preventDefault(); onClose(); }}>
      <form method="dialog" onSubmit={(e) => { e.preventDefault(); if (matches[0]) onPick(matches[0]); }}>
        <h2 id={`${id}-title`}>{title}</h2>
        {blocked && <p class="notice error" role="alert">{blocked}</p>}
        <input type="search" aria-label={i18n.t('inbox.filter')} placeholder={i18n.t('inbox.filter')} value={query.value}
          onInput={(e) => (query.value = e.currentTarget.value)} autoFocus />
        <ul class="picker-list" aria-label={title}>
          {matches.map((g) => (
            <li key={g.id}>
              <button type="button" class="picker-item" onClick={() => onPick(g)}>
                <span class="subject">{g.subject}</span>
                <GroupMark group={g} />
              </button>
            </li>
          ))}
        </ul>
        {matches.length === 0 && <p class="muted small-text">{i18n.t('inbox.noGroups')}</p>}
        <div class="row dialog-actions">
          <button type="button" onClick={onClose}>{i18n.t('common.cancel')}</button>
        </div>
      </form>
    </dialog>
  );
}

/** Seats, and "Full" / "Suspended" when the group takes nobody new: seen before the pick, not after it. */
function GroupMark({ group: g }: { group: Group }) {
  const block = groupBlock(g);
  return (
    <span class="seats">
      {i18n.t('list.members', [String(g.participantCount), String(MAX_PARTICIPANTS)])}
      {block && <> <span class="tag warn">{blockTag(block)}</span></>}
    </span>
  );
}
