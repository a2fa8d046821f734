/** What a failure is, as both runtimes see it: a `kind` the UI acts on, as plain data that crosses messaging. */

export type ErrorKind =
  | 'auth' | 'forbidden' | 'notFound' | 'rateLimited' | 'invalidInput' | 'suspended'
  | 'partial' | 'network' | 'timeout' | 'server' | 'unexpected';

/** What crosses the messaging boundary: plain data, never an Error instance. */
export interface ErrorData {
  kind: ErrorKind;
  /** Zoko's or Meta's own words when it gave some; else a short description. */
  message: string;
  status?: number;
  retryAfterS?: number;
  /**
   * Zoko asked the account to wait (a 429, or a 503 with a long `Retry-After`): until then (ms) nothing is sent.
   * Pages show the time and offer "Try now", which ends the wait.
   */
  pausedUntil?: number;
  /** A retry was not sent: the minute's request budget could not afford it. */
  overBudget?: boolean;
  metaCode?: number;
  /** Per-item failures of a partial success (206). */
  failed?: { id: string; reason: string }[];
  /** Set when the reply was lost inside the browser (the worker restarted), not on the way to Zoko. */
  lostReply?: boolean;
  /**
   * For a write whose answer was lost (timeout, dropped connection, 5xx, unreadable body): what a re-read
   * found. `notDone`: it did not happen, trying again is safe. `unknown`: the re-read could not tell.
   * `safeToRepeat`: it may have happened, and repeating it does no harm (Zoko skips numbers already invited).
   * `watching`: a creation Zoko may still finish; the list shows it as "Creating…" until it appears.
   */
  outcome?: 'notDone' | 'unknown' | 'safeToRepeat' | 'watching';
  /** The browser withholds access to Zoko's site (the agent restricted it): pages offer to ask for it again. */
  needsHostAccess?: string;
}
