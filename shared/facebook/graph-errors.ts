// What a Graph API failure means for a run. Meta's error object carries `message`, `type`, `code`,
// `error_subcode` and `fbtrace_id` (developers.facebook.com/docs/graph-api/guides/error-handling);
// the code decides: 190 is a rejected token, 4/17/32/613/80001 are rate limits, 100 on an insights
// request names an invalid (for example retired) metric, and 5xx or code 1/2 are transient.

/** The kinds of Graph failure a run treats differently. */
export type GraphFailureKind = 'token-rejected' | 'rate-limited' | 'invalid-metric' | 'transient' | 'other';

/** Rate-limit codes: application, user, page (32), custom (613) and business use case (80001…). */
const rateLimitCodes = new Set([4, 17, 32, 613, 80000, 80001, 80002, 80003, 80004, 80005, 80006, 80008]);

/** A failed Graph request, without the request's URL (which may carry the token). */
export class GraphError extends Error {
  readonly kind: GraphFailureKind;
  readonly status: number;
  readonly code: number | undefined;
  readonly subcode: number | undefined;
  readonly traceId: string | undefined;
  /** For rate limits: the earliest moment worth asking again, when the answer said. */
  readonly retryAfterMs: number | undefined;

  constructor(init: {
    kind: GraphFailureKind;
    status: number;
    message: string;
    code?: number | undefined;
    subcode?: number | undefined;
    traceId?: string | undefined;
    retryAfterMs?: number | undefined;
  }) {
    super(init.message);
    this.name = 'GraphError';
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.subcode = init.subcode;
    this.traceId = init.traceId;
    this.retryAfterMs = init.retryAfterMs;
  }
}

interface GraphErrorBody {
  error?: {
    message?: unknown;
    type?: unknown;
    code?: unknown;
    error_subcode?: unknown;
    fbtrace_id?: unknown;
  };
}

/** Classifies a non-2xx answer (or a 2xx carrying an error object) from its status, body and headers. */
export function graphErrorFrom(status: number, body: unknown, headers: Headers): GraphError {
  const error = (body as GraphErrorBody | undefined)?.error;
  const code = typeof error?.code === 'number' ? error.code : undefined;
  const subcode = typeof error?.error_subcode === 'number' ? error.error_subcode : undefined;
  const message = typeof error?.message === 'string' ? error.message.slice(0, 300) : `HTTP ${status}`;
  const traceId = typeof error?.fbtrace_id === 'string' ? error.fbtrace_id : undefined;
  let kind: GraphFailureKind = 'other';
  if (code === 190 || code === 102) kind = 'token-rejected';
  else if ((code !== undefined && rateLimitCodes.has(code)) || status === 429) kind = 'rate-limited';
  else if (code === 100 && /metric/i.test(message)) kind = 'invalid-metric';
  else if (status >= 500 || code === 1 || code === 2) kind = 'transient';
  const usage = readUsage(headers);
  return new GraphError({
    kind,
    status,
    message,
    code,
    subcode,
    traceId,
    retryAfterMs: kind === 'rate-limited' ? usage.regainAccessMs : undefined,
  });
}

/** How close the app is to its limits, from the usage headers of any answer. */
export interface GraphUsage {
  /** The highest percentage any usage header reports (call count, CPU time, total time). */
  highestPercent: number;
  /** `estimated_time_to_regain_access` (minutes in the header) in milliseconds, if any. */
  regainAccessMs: number | undefined;
}

/** Reads X-App-Usage, X-Page-Usage and X-Business-Use-Case-Usage; malformed headers count as no usage. */
export function readUsage(headers: Headers): GraphUsage {
  let highestPercent = 0;
  let regainMinutes: number | undefined;
  const consider = (entry: unknown) => {
    if (!entry || typeof entry !== 'object') return;
    for (const [name, value] of Object.entries(entry as Record<string, unknown>)) {
      if (typeof value !== 'number') continue;
      if (name === 'estimated_time_to_regain_access') {
        if (value > 0) regainMinutes = Math.max(regainMinutes ?? 0, value);
      } else if (name !== 'type') {
        highestPercent = Math.max(highestPercent, value);
      }
    }
  };
  for (const name of ['x-app-usage', 'x-page-usage', 'x-ad-account-usage'])
    consider(parseJson(headers.get(name)));
  // The business header maps an object id to a list of entries, one per use-case type.
  const business = parseJson(headers.get('x-business-use-case-usage'));
  if (business && typeof business === 'object') {
    for (const entries of Object.values(business as Record<string, unknown>)) {
      if (Array.isArray(entries)) entries.forEach(consider);
    }
  }
  return { highestPercent, regainAccessMs: regainMinutes === undefined ? undefined : regainMinutes * 60_000 };
}

function parseJson(text: string | null): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
