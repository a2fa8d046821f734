/** "?": the keyboard shortcuts, in a dialog. */
import { i18n } from '#i18n';
import { useEffect, useRef } from 'preact/hooks';
import { usePanel } from './panel-context';

const LINES = ['shortcuts.palette', 'shortcuts.search', 'shortcuts.results', 'shortcuts.approve', 'shortcuts.reject', 'shortcuts.copy',
  'shortcuts.chatInvite', 'shortcuts.chatLink', 'shortcuts.back', 'shortcuts.help', 'shortcuts.command'] as const;

export function ShortcutHelp() {
  const panel = usePanel();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current!.showModal();
    return () => ref.current?.close();
  }, []);
  const close = () => (panel.helpOpen.value = false);
  return (
    <dialog ref={ref} aria-labelledby="shortcuts-title" onCancel={(e) => { e.preventDefault(); close(); }}>
      <h2 id="shortcuts-title">{i18n.t('shortcuts.title')}</h2>
      <ul class="shortcut-list">{LINES.map((k) => <li key={k}>{i18n.t(k)}</li>)}</ul>
      <div class="row dialog-actions"><button type="button" onClick={close} autoFocus>{i18n.t('shortcuts.close')}</button></div>
    </dialog>
  );
}
