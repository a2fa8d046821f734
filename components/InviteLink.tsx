/** The invite link: copy it, show it as a QR code, or reset it (the old link stops working). */
import { useSignal } from '@preact/signals';
import { isWhatsAppInviteLink } from '../utils/invite-link';
import type { GroupModel } from '../utils/models/group-model';
import { ConfirmDialog } from './ConfirmDialog';
import { CopyButton } from './CopyButton';
import { ErrorNotice } from './ErrorNotice';
import { QrCode } from './QrCode';
import { usePanel } from './panel-context';

export function InviteLink({ model }: { model: GroupModel }) {
  const panel = usePanel();
  const showQr = useSignal(false);
  const confirming = useSignal(false);
  const link = model.link.value ?? model.group.value?.inviteLink ?? '';
  const safe = isWhatsAppInviteLink(link);
  const { resetLink } = model;

  async function reset() {
    const fresh = await resetLink.run();
    confirming.value = false;
    if (fresh) panel.announce('Invite link reset. The old link no longer works.');
  }

  return (
    <section class="card" aria-labelledby="link-title">
      <div class="card-head"><h3 id="link-title">Invite link</h3></div>
      {link ? (
        safe ? (
          <a class="link-text" href={link} target="_blank" rel="noopener noreferrer" data-testid="invite-link">{link}</a>
        ) : (
          <p class="link-text" data-testid="invite-link">{link}</p>
        )
      ) : (
        <p class="muted">This group has no invite link yet.</p>
      )}
      {link && !safe && <p class="small-text muted">This is not a WhatsApp invite link, so it is shown as text only.</p>}
      <div class="row">
        {safe && <CopyButton text={link} />}
        {safe && (
          <button type="button" class="small" aria-expanded={showQr.value} onClick={() => (showQr.value = !showQr.value)}>
            {showQr.value ? 'Hide QR code' : 'Show QR code'}
          </button>
        )}
        {!model.readOnly.value && (
          <button type="button" class="small" onClick={() => (confirming.value = true)}>Reset invite link</button>
        )}
      </div>
      <ErrorNotice error={resetLink.error.value} />
      {showQr.value && safe && <QrCode text={link} label={`QR code for ${link}`} />}
      {confirming.value && (
        <ConfirmDialog title="Reset the invite link?" confirmLabel="Reset link" pending={resetLink.pending.value}
          onConfirm={() => void reset()} onClose={() => (confirming.value = false)}>
          <p>The current link stops working at once: anyone who has it can no longer join with it. A new link is made.</p>
          {resetLink.error.value && <ErrorNotice error={resetLink.error.value} />}
        </ConfirmDialog>
      )}
    </section>
  );
}
