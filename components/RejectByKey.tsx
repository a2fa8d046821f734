/** The question a rejection by key asks: who, from which group; Enter rejects, Escape keeps the request. */
import { i18n } from '#i18n';
import { ConfirmDialog } from './ConfirmDialog';
import { usePanel } from './panel-context';

export function RejectByKey() {
  const panel = usePanel();
  const ask = panel.rejectByKey.value;
  if (!ask) return null;
  const close = () => (panel.rejectByKey.value = null);
  return (
    <ConfirmDialog title={i18n.t('requests.rejectByKeyTitle', [ask.name])} confirmLabel={i18n.t('requests.reject')} focusConfirm
      onClose={close} onConfirm={() => { close(); ask.confirm(); }}>
      <p>{i18n.t('requests.rejectByKeyText', [ask.name, ask.subject])}</p>
    </ConfirmDialog>
  );
}
