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
  metaCode?: number;
  /** Per-item failures of a partial success (206). */
  failed?: { id: string; reason: string }[];
  /** Set when the reply was lost inside the browser (the worker restarted), not on the way to Zoko. */
  lostReply?: boolean;
}
