// Use case: snapshot one Facebook page for a period of Baku days.
// Input: the period (since..until), the page settings, a token source and the matcher.
// Output: what was stored and how the run ended.
// Steps: skip when the token was rejected before and is unchanged, or while a rate limit's backoff
// lasts; store today's page totals; store every post of the period with its latest counts; store
// each daily insight value, one metric per request and at most 90 days each; record the state.
import { createHash } from 'node:crypto';
import type { Matcher } from '../matching/index.ts';
import type { TableContext } from '../store/table-context.ts';
import { addDays, bakuDay, bakuDayStart } from '../time/baku-calendar.ts';
import type { FacebookState } from './facebook-records.ts';
import type { FacebookSettings, TokenSource } from './facebook-settings.ts';
import { putPosts, readFacebookState, updateDay, writeFacebookState } from './facebook-store.ts';
import { createGraphClient, type GraphClient, type GraphClientOptions } from './graph-client.ts';
import { GraphError } from './graph-errors.ts';
import { syncInsights } from './insight-sync.ts';
import { toStoredPost } from './post-records.ts';

/** What a sync needs. */
export interface FacebookSyncDeps {
  table: TableContext;
  settings: FacebookSettings;
  token: TokenSource;
  matcher: Matcher;
  now?: () => Date;
  /** One line per step, for the CLI's stderr and the function's log. */
  progress?: (line: string) => void;
  /** Metrics to ask for. @default insightMetrics */
  metrics?: readonly string[];
  /** Retry timing of Graph requests (tests shorten it). */
  retry?: Pick<GraphClientOptions, 'retryBaseMs' | 'retryDeadlineMs'>;
}

/** How a sync ended. */
export type SyncOutcome = 'synced' | 'rate-limited' | 'token-rejected' | 'token-missing' | 'backing-off';

/** The result of one sync. */
export interface SyncResult {
  outcome: SyncOutcome;
  posts: number;
  insightDays: number;
  /** Metrics found retired in this run (each is reported once, in the run that finds it). */
  newlyRetired: string[];
  detail: string;
}

/** Without an estimate from Graph, a rate-limited page is left alone this long. */
const defaultBackoffMs = 60 * 60_000;

/** Snapshots the page for `since`..`until` (Baku days, both included). */
export async function syncFacebookPage(
  deps: FacebookSyncDeps,
  period: { since: string; until: string },
): Promise<SyncResult> {
  const now = deps.now?.() ?? new Date();
  const say = deps.progress ?? (() => {});
  const { table, settings } = deps;
  const state = await readFacebookState(table, settings.pageId);
  const result: SyncResult = { outcome: 'synced', posts: 0, insightDays: 0, newlyRetired: [], detail: '' };
  const finish = async (outcome: SyncOutcome, detail: string) => {
    Object.assign(result, { outcome, detail });
    state.lastSync = { at: now.toISOString(), outcome, detail };
    await writeFacebookState(table, settings.pageId, state);
    say(`facebook: ${outcome} (${detail})`);
    return result;
  };

  const token = await deps.token();
  if (!token) return finish('token-missing', 'no page token is configured');
  const fingerprint = tokenFingerprint(token);
  if (state.tokenRejected?.fingerprint === fingerprint) {
    return finish('token-rejected', 'the token was rejected before; waiting for a new one');
  }
  if (state.rateLimitedUntil && state.rateLimitedUntil > now.toISOString()) {
    return finish('backing-off', `rate limited until ${state.rateLimitedUntil}`);
  }

  const client = createGraphClient({ ...settings, token, ...deps.retry });
  try {
    await snapshotPage(deps, client, state, now, say);
    result.posts = await syncPosts(deps, client, period, now, say);
    const insights = await syncInsights({ ...deps, client, state, period, now, say });
    result.insightDays = insights.days;
    result.newlyRetired = insights.newlyRetired;
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    if (error.kind === 'token-rejected') {
      state.tokenRejected = { fingerprint, at: now.toISOString(), message: error.message };
      return finish(
        'token-rejected',
        `Graph rejected the token (code ${error.code ?? '?'}): ${error.message}`,
      );
    }
    if (error.kind === 'rate-limited') {
      state.rateLimitedUntil = new Date(
        now.getTime() + (error.retryAfterMs ?? defaultBackoffMs),
      ).toISOString();
      return finish('rate-limited', `${error.message}; resumes after ${state.rateLimitedUntil}`);
    }
    throw new Error(`Graph API request failed: ${error.message}`, { cause: error });
  } finally {
    await client.close();
  }
  delete state.tokenRejected;
  delete state.rateLimitedUntil;
  return finish('synced', `${result.posts} posts, ${result.insightDays} insight days`);
}

/** A short, one-way fingerprint: enough to notice the token changed, useless to anyone reading it. */
export function tokenFingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 16);
}

/** Throws the usage warning of the last answer, so the run stops before the app is cut off. */
export function stopIfNearLimit(client: GraphClient): void {
  if (client.nearLimit) throw client.nearLimit;
}

async function snapshotPage(
  deps: FacebookSyncDeps,
  client: GraphClient,
  state: FacebookState,
  now: Date,
  say: (line: string) => void,
) {
  const page = await client.page();
  if (typeof page.name === 'string') state.pageName = page.name.slice(0, 200);
  await updateDay(deps.table, deps.settings.pageId, bakuDay(now), {
    followersCount: page.followers_count,
    fanCount: page.fan_count,
  });
  say(`page: ${state.pageName ?? deps.settings.pageId}, ${page.followers_count ?? '?'} followers`);
  stopIfNearLimit(client);
}

async function syncPosts(
  deps: FacebookSyncDeps,
  client: GraphClient,
  period: { since: string; until: string },
  now: Date,
  say: (line: string) => void,
): Promise<number> {
  const sinceSeconds = Date.parse(bakuDayStart(period.since)) / 1000;
  const untilSeconds = Date.parse(bakuDayStart(addDays(period.until, 1))) / 1000;
  let stored = 0;
  let pages = 0;
  for await (const graphPosts of client.publishedPosts(sinceSeconds, untilSeconds)) {
    pages++;
    const posts = graphPosts
      .map((post) => toStoredPost(post, deps.matcher, now))
      .filter((post) => post !== undefined)
      .filter(
        (post) =>
          Date.parse(post.created) / 1000 >= sinceSeconds && Date.parse(post.created) / 1000 < untilSeconds,
      );
    await putPosts(deps.table, deps.settings.pageId, posts);
    stored += posts.length;
    say(`posts: page ${pages}, ${stored} stored`);
    stopIfNearLimit(client);
  }
  return stored;
}
