/** An error as a sentence with the way forward: open settings, try again, or go back. */
import { i18n } from '#i18n';
import { usePanel } from './panel-context';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { clockTime, describeError } from '../utils/error-text';
import type { ErrorData } from '../utils/errors';
import { requestHostAccess } from '../utils/panel/host-access';
import { endZokoWait } from '../utils/panel/zoko-wait';

interface Props {
  error: ErrorData | null | undefined;
  onRetry?: () => void;
  onBack?: () => void;
  /** When set, a rate-limited read retries by itself at this time: count down to it. */
  retryAt?: number | null;
}

export function ErrorNotice({ error, onRetry, onBack, retryAt }: Props) {
  const panel = usePanel();
  // "Try again in 20 s" counts from when this answer arrived (a view with its own retry passes `retryAt`).
  const tryAt = useMemo(() => (error?.retryAfterS && !retryAt ? Date.now() + error.retryAfterS * 1000 : null), [error, retryAt]);
  const seconds = useCountdown(retryAt ?? tryAt);
  const described = error ? describeError(error) : null;
  const pausedUntil = described?.action === 'tryNow' ? error!.pausedUntil! : null;
  // Zoko asked us to wait: the retry happens at that time, by the view's own timer (`retryAt`) or by this one.
  useRetryAt(retryAt ? null : pausedUntil, onRetry);
  if (!error || !described) return null;
  const { text, lead, action } = described;
  if (pausedUntil !== null) {
    const tryNow = () => void endZokoWait().then(() => onRetry?.());
    return (
      <div class="notice error" role="alert">
        <p>{onRetry ? i18n.t('errors.pausedRetrying', [clockTime(pausedUntil)]) : text}</p>
        <button type="button" class="small" onClick={tryNow}>{i18n.t('common.tryNow')}</button>
      </div>
    );
  }
  const counting = Boolean(retryAt && seconds > 0);
  const waiting = Boolean(tryAt && seconds > 0);
  const said = counting ? `${lead} ${i18n.t('common.retryingIn', [String(seconds)])}`
    : waiting ? `${lead} ${i18n.t('errors.tryIn', [String(seconds)])}`
    : tryAt ? `${lead} ${i18n.t('errors.tryNowReady')}` : text;
  return (
    <div class="notice error" role="alert">
      <p>{said}</p>
      {action === 'openOptions' && (
        <button type="button" class="small" onClick={panel.openSettings}>{i18n.t('common.openSettings')}</button>
      )}
      {action === 'retry' && onRetry && !counting && !waiting && (
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

/** Calls `retry` once at `at` (ms); the latest `retry` given, so a re-render does not restart the wait. */
function useRetryAt(at: number | null, retry: (() => void) | undefined) {
  const latest = useRef(retry);
  latest.current = retry;
  useEffect(() => {
    if (at === null || !latest.current) return;
    const t = setTimeout(() => latest.current?.(), Math.max(0, at - Date.now()));
    return () => clearTimeout(t);
  }, [at]);
}

/** Whole seconds left until `at`, read at each render; a tick a second re-renders while it runs. */
function useCountdown(at: number | null | undefined): number {
  const [, tick] = useState(0);
  useEffect(() => {
    if (!at) return;
    const t = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(t);
  }, [at]);
  return at ? Math.max(0, Math.ceil((at - Date.now()) / 1000)) : 0;
}
