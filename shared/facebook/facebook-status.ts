// The Facebook part of /api/status, the dashboard and the digest: off, or the page with its token
// verdict, rate-limit backoff and retired metrics, read from the stored sync state.
import type { TableContext } from '../store/table-context.ts';
import { readFacebookState } from './facebook-store.ts';

/** What the system knows about the page feature. */
export type FacebookStatus =
  | { configured: false }
  | {
      configured: true;
      pageId: string;
      pageName: string | null;
      /** ok: the last run used it; rejected: Graph answered error 190; missing: none set; unknown: no run yet. */
      token: 'ok' | 'rejected' | 'missing' | 'unknown';
      tokenError: { message: string; at: string } | null;
      rateLimitedUntil: string | null;
      retiredMetrics: string[];
      lastSync: { at: string; outcome: string; detail: string } | null;
    };

/** The page feature's status; `configured: false` when no page id is set. */
export async function facebookStatus(deps: {
  table: TableContext;
  pageId: string | undefined;
}): Promise<FacebookStatus> {
  if (!deps.pageId) return { configured: false };
  const state = await readFacebookState(deps.table, deps.pageId);
  const outcome = state.lastSync?.outcome;
  const token = state.tokenRejected
    ? 'rejected'
    : outcome === 'token-missing'
      ? 'missing'
      : outcome === undefined
        ? 'unknown'
        : 'ok';
  return {
    configured: true,
    pageId: deps.pageId,
    pageName: state.pageName ?? null,
    token,
    tokenError: state.tokenRejected
      ? { message: state.tokenRejected.message, at: state.tokenRejected.at }
      : null,
    rateLimitedUntil: state.rateLimitedUntil ?? null,
    retiredMetrics: Object.keys(state.retiredMetrics ?? {}).sort(),
    lastSync: state.lastSync ?? null,
  };
}
