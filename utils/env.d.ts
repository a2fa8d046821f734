interface ImportMetaEnv {
  /** Zoko's API root, fixed at build time (see wxt.config.ts). */
  readonly WXT_ZOKO_BASE_URL?: string;
  /** Per-request timeout in ms; the e2e build shortens it so timeout journeys stay quick. */
  readonly WXT_ZOKO_TIMEOUT_MS?: string;
  /** First retry backoff in ms; the e2e build shortens it so fault journeys stay quick. */
  readonly WXT_ZOKO_RETRY_BASE_MS?: string;
}
