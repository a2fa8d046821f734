/**
 * A row's decision on its way: "Approving…", then, once Zoko is slow, "Still waiting for Zoko (12 s)", counting,
 * so a slow answer reads as slow rather than frozen. Only the row being decided says it; the rest stays usable.
 */
import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';

/** Past this, a decision is said to be waiting on Zoko, with the seconds counted. */
export const SLOW_AFTER_MS = 3_000;

export function DecidingLabel({ action }: { action: 'approve' | 'reject' }) {
  const waited = useSignal(0);
  useEffect(() => {
    const since = Date.now();
    const tick = setInterval(() => (waited.value = Date.now() - since), 1_000);
    return () => clearInterval(tick);
  }, []);
  const text = waited.value >= SLOW_AFTER_MS
    ? i18n.t('requests.stillWaiting', [String(Math.round(waited.value / 1000))])
    : i18n.t(action === 'approve' ? 'requests.approving' : 'requests.rejecting');
  return <span class="outcome" role="status">{text}</span>;
}
