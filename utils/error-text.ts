/** Turns an error `kind` (and Meta's code) into a sentence an agent understands and the way forward. */
import { i18n } from '#i18n';
import type { ErrorData } from './errors';

/** `tryNow`: Zoko asked the account to wait; the agent may end the wait and try at once. */
export type ErrorAction = 'openOptions' | 'retry' | 'backToList' | 'grantAccess' | 'tryNow' | 'none';

export interface ErrorText {
  /** The whole message, wait included ("… Try again in 30 s."). */
  text: string;
  /** The message without the wait, for a live countdown instead. */
  lead: string;
  action: ErrorAction;
}

/** A wait Zoko asks for that is shown as the time it ends (with "Try now") rather than counted down. */
export const LONG_WAIT_S = 60;

/** Every Meta group code DESIGN lists: each has a sentence with the way forward, in every locale. */
export const META_CODES = [131041, 131059, 131201, 131202, 131203, 131204, 131207, 131208, 131211, 131212, 131213, 131214, 131215] as const;
type MetaCode = (typeof META_CODES)[number];

function metaSentence(code: number | undefined): string | undefined {
  if (!code || !META_CODES.includes(code as MetaCode)) return undefined;
  return i18n.t(`errors.meta${code as MetaCode}`);
}

/** The sentence and action for an error; the detail from Zoko is added where it helps. */
export function describeError(error: ErrorData): ErrorText {
  const said = (lead: string, action: ErrorAction, wait?: string): ErrorText =>
    ({ text: wait ? `${lead} ${wait}` : lead, lead, action });
  if (error.lostReply) return said(i18n.t('errors.lostReply'), 'retry'); // Zoko may well have done it
  if (error.needsHostAccess) return said(i18n.t('errors.hostAccess'), 'grantAccess');
  // Zoko asked the account to wait a minute or more: the time it ends, not a count of seconds (a pause may last
  // 15 minutes), and "Try now". A shorter wait is said as before, with its countdown.
  if (error.pausedUntil !== undefined && (error.retryAfterS ?? 0) >= LONG_WAIT_S && error.outcome === undefined) {
    return said(i18n.t('errors.pausedUntil', [clockTime(error.pausedUntil)]), 'tryNow');
  }
  // A write whose outcome was not said: what a re-read found decides whether "Try again" is offered, and the
  // sentence names what went wrong (a 503 is an answer, only not a clear one; a timeout is none).
  const cause = i18n.t(error.kind === 'server' ? 'errors.causeServer' : error.kind === 'unexpected' ? 'errors.causeUnreadable' : 'errors.causeNoAnswer');
  switch (error.outcome) {
    case 'notDone': return said(i18n.t('errors.outcomeNotDone', [cause]), 'retry');
    case 'safeToRepeat': return said(i18n.t('errors.outcomeSafeToRepeat', [cause]), 'retry');
    case 'unknown': return said(i18n.t('errors.outcomeUnknown', [cause]), 'none');
    case 'watching': return said(i18n.t('errors.outcomeWatching'), 'backToList');
  }
  const meta = metaSentence(error.metaCode);
  const wait = error.retryAfterS !== undefined ? i18n.t('errors.tryIn', [String(error.retryAfterS)]) : i18n.t('errors.tryMoment');
  switch (error.kind) {
    case 'auth':
      return said(i18n.t(error.status === 401 ? 'errors.keyRejected' : 'errors.noKey'), 'openOptions');
    case 'forbidden':
      return said(meta ?? i18n.t('errors.forbidden', [sentence(error.message)]), 'none');
    case 'notFound':
      return said(meta ?? i18n.t('errors.groupGone'), meta && error.metaCode !== 131041 ? 'retry' : 'backToList');
    case 'rateLimited':
      return said(meta ?? i18n.t('errors.tooMany'), 'retry', wait);
    case 'invalidInput':
      return said(meta ?? sentence(error.message), 'none');
    case 'suspended':
      return said(meta ?? i18n.t('errors.suspended'), 'none');
    case 'partial':
      return said(i18n.t('errors.partial'), 'retry');  // 131201 says the same
    case 'network':
      return said(i18n.t('errors.network'), 'retry');
    case 'timeout':
      return said(i18n.t('errors.timeout'), 'retry');
    case 'server':
      return said(meta ?? i18n.t('errors.server'), 'retry');
    case 'unexpected':
      return said(i18n.t('errors.unexpected'), 'retry');
  }
}

/** A time today as the agent's locale writes it: "10:42". */
export function clockTime(ms: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(ms);
}

/** Zoko's own words as a sentence: capitalised, ending with a full stop. */
function sentence(s: string): string {
  const t = s.trim() || i18n.t('errors.notAccepted');
  const capital = t[0]!.toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
