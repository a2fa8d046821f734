/** An error as a sentence with the way forward: open settings, try again, or go back. */
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { useEffect, useState } from 'preact/hooks';
import { describeError } from '../utils/error-text';
import type { ErrorData } from '../utils/errors';
import { requestHostAccess } from '../utils/panel/host-access';

interface Props {
  error: ErrorData | null | undefined;
  onRetry?: () => void;
  onBack?: () => void;
  /** When set, a rate-limited read retries by itself at this time: count down to it. */
  retryAt?: number | null;
}

export function ErrorNotice({ error, onRetry, onBack, retryAt }: Props) {
  const seconds = useCountdown(retryAt);
  if (!error) return null;
  const { text, lead, action } = describeError(error);
  const counting = Boolean(retryAt && seconds > 0);
  return (
    <div class="notice error" role="alert">
      <p>{counting ? `${lead} ${i18n.t('common.retryingIn', [String(seconds)])}` : text}</p>
      {action === 'openOptions' && (
        <button type="button" class="small" onClick={() => void browser.runtime.openOptionsPage()}>{i18n.t('common.openSettings')}</button>
      )}
      {action === 'retry' && onRetry && !counting && (
        <button type="button" class="small" onClick={onRetry}>{i18n.t('common.tryAgain')}</button>
      )}
      {action === 'grantAccess' && error.needsHostAccess && (
        <button type="button" class="small primary"
          onClick={() => void requestHostAccess(error.needsHostAccess!).then((granted) => granted && onRetry?.())}>
          {i18n.t('common.allowAccess')}
        </button>
      )}
      {action === 'backToList' && onBack && <button type="button" class="small" onClick={onBack}>{i18n.t('common.backToGroups')}</button>}
    </div>
  );
}

function useCountdown(at: number | null | undefined): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!at) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [at]);
  return at ? Math.max(0, Math.ceil((at - now) / 1000)) : 0;
}
