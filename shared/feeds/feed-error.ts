// A feed failure as data: a stable kind plus a human message (miniflux keeps the same split).

/**
 * The stable failure kinds a source's health records; `internal` is a fault of the poller itself,
 * recorded on the one source it happened to so that the others are still polled.
 */
export type FeedErrorKind =
  | 'timeout'
  | 'too-large'
  | 'http-status'
  | 'network'
  | 'blocked'
  | 'unparseable'
  | 'internal';

/** Options of a feed failure. */
export interface FeedErrorOptions {
  cause?: unknown;
  /** Worth another attempt within the same poll (network errors, 5xx, 429, timeouts). */
  retryable?: boolean;
  /** Seconds the server asked us to wait (Retry-After), when it did. */
  retryAfterSeconds?: number;
}

/** A failure to fetch or parse one source; `kind` is what the health state records. */
export class FeedError extends Error {
  readonly kind: FeedErrorKind;
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | undefined;

  constructor(kind: FeedErrorKind, message: string, options: FeedErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'FeedError';
    this.kind = kind;
    this.retryable = options.retryable ?? false;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}
