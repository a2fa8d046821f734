/**
 * A real modal dialog (native <dialog>: focus stays inside, Escape closes) whose confirm button is named
 * for what it does: "Reset link", "Delete group", "Remove".
 */
import { i18n } from '#i18n';
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';

interface Props {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  pending?: boolean;
  confirmDisabled?: boolean;
  /** Focus the confirm button, so Enter confirms (for a dialog opened by a key: the second key says yes). */
  focusConfirm?: boolean;
}

export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onClose, pending, confirmDisabled, focusConfirm }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current!;
    dialog.showModal();
    if (focusConfirm) dialog.querySelector<HTMLButtonElement>('button[type=submit]')?.focus();
    return () => dialog.close();
  }, []);
  return (
    <dialog ref={ref} role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`}
      onCancel={(e) => { e.preventDefault(); onClose(); }}>
      <form method="dialog" onSubmit={(e) => { e.preventDefault(); onConfirm(); }}>
        <h2 id={`${id}-title`}>{title}</h2>
        <div id={`${id}-body`} class="dialog-body">{children}</div>
        <div class="row dialog-actions">
          <button type="button" onClick={onClose}>{i18n.t('common.cancel')}</button>
          <button type="submit" class="danger" disabled={pending || confirmDisabled}>{pending ? i18n.t('common.working') : confirmLabel}</button>
        </div>
      </form>
    </dialog>
  );
}
