/** The invite link: copy it, show it as a QR code, or reset it (the old link stops working). */
import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';
import { isWhatsAppInviteLink } from '../utils/invite-link';
import type { OpenGroupModel } from '../utils/panel/open-group-model';
import { ConfirmDialog } from './ConfirmDialog';
import { CopyButton } from './CopyButton';
import { ErrorNotice } from './ErrorNotice';
import { QrCode } from './QrCode';
import { usePanel } from './panel-context';

export function InviteLink({ model }: { model: OpenGroupModel }) {
  const panel = usePanel();
  const showQr = useSignal(false);
  const confirming = useSignal(false);
  const link = model.link.value ?? model.group.value?.inviteLink ?? '';
  const safe = isWhatsAppInviteLink(link);
  const { resetLink } = model;

  async function reset() {
    const fresh = await resetLink.run();
    confirming.value = false;
    if (fresh) panel.announce(i18n.t('link.resetDone'));
  }

  return (
    <section class="card" aria-labelledby="link-title">
      <div class="card-head"><h3 id="link-title">{i18n.t('link.title')}</h3></div>
      {link ? (
        safe ? (
          <a class="link-text" href={link} target="_blank" rel="noopener noreferrer" data-testid="invite-link">{link}</a>
        ) : (
          <p class="link-text" data-testid="invite-link">{link}</p>
        )
      ) : (
        <p class="muted">{i18n.t('link.none')}</p>
      )}
      {link && !safe && <p class="small-text muted">{i18n.t('link.notWhatsApp')}</p>}
      <div class="row">
        {safe && <CopyButton text={link} />}
        {safe && (
          <button type="button" class="small" aria-expanded={showQr.value} onClick={() => (showQr.value = !showQr.value)}>
            {showQr.value ? i18n.t('link.hideQr') : i18n.t('link.showQr')}
          </button>
        )}
        {!model.readOnly.value && (
          <button type="button" class="small" onClick={() => (confirming.value = true)}>{i18n.t('link.reset')}</button>
        )}
      </div>
      <ErrorNotice error={resetLink.error.value} />
      {showQr.value && safe && <QrCode text={link} label={i18n.t('link.qrLabel', [link])} />}
      {confirming.value && (
        <ConfirmDialog title={i18n.t('link.resetTitle')} confirmLabel={i18n.t('link.resetConfirm')} pending={resetLink.pending.value}
          onConfirm={() => void reset()} onClose={() => (confirming.value = false)}>
          <p>{i18n.t('link.resetBody')}</p>
          {resetLink.error.value && <ErrorNotice error={resetLink.error.value} />}
        </ConfirmDialog>
      )}
    </section>
  );
}
