/** The command palette: a combobox in a modal dialog; ↑ ↓ choose, Enter runs, Esc closes. */
import { i18n } from '#i18n';
import { useEffect, useRef } from 'preact/hooks';
import type { PaletteItem } from '../utils/panel/palette-model';
import type { Group } from '../utils/domain';
import { blockTag, groupBlock } from '../utils/group-state';
import { usePanel } from './panel-context';

/** What a result says it will do. */
function label(item: PaletteItem): string {
  if (item.kind === 'panel') return i18n.t(`palette.${item.action}`);
  return i18n.t(`palette.${item.action}`, [item.group.subject]);
}

export function CommandPalette() {
  const panel = usePanel();
  const palette = panel.palette;
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current!.showModal();
    return () => ref.current?.close();
  }, []);
  const results = palette.results.value;
  const active = Math.min(palette.active.value, Math.max(0, results.length - 1));

  function onKey(e: KeyboardEvent) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      palette.move(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const item = results[active];
      if (item) void panel.runPaletteItem(item);
    }
  }

  return (
    <dialog ref={ref} class="palette" aria-labelledby="palette-title" onCancel={(e) => { e.preventDefault(); palette.hide(); }}>
      <h2 id="palette-title" class="sr-only">{i18n.t('palette.title')}</h2>
      <input type="text" role="combobox" aria-expanded="true" aria-controls="palette-results" aria-autocomplete="list"
        aria-label={i18n.t('palette.label')} aria-activedescendant={results[active] ? `palette-${active}` : undefined}
        placeholder={i18n.t('palette.placeholder')} value={palette.query.value} autoFocus spellcheck={false}
        onInput={(e) => { palette.query.value = e.currentTarget.value; palette.active.value = 0; }} onKeyDown={onKey} />
      <ul id="palette-results" role="listbox" aria-label={i18n.t('palette.results')}>
        {results.map((item, i) => (
          <li key={`${item.kind}-${item.action}-${item.kind === 'group' ? item.group.id : ''}`} id={`palette-${i}`} role="option"
            aria-selected={i === active} class={i === active ? 'active' : ''}
            onMouseDown={(e) => { e.preventDefault(); void panel.runPaletteItem(item); }}>
            {label(item)}
            {item.kind === 'group' && <GroupTag group={item.group} />}
          </li>
        ))}
      </ul>
      {results.length === 0 && <p class="muted small-text">{i18n.t('palette.none')}</p>}
      <p class="muted small-text">{i18n.t('palette.hint')}</p>
    </dialog>
  );
}

/** "Full" / "Suspended" beside a group's result: what its action can still do is known before Enter. */
function GroupTag({ group }: { group: Group }) {
  const block = groupBlock(group);
  return block ? <> <span class="tag warn">{blockTag(block)}</span></> : null;
}
