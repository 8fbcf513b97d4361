// `tracker facebook sync [--since YYYY-MM-DD] [--until YYYY-MM-DD]`: backfills or refreshes the
// page's snapshots on demand. Progress goes to stderr, one JSON line of results to stdout. Every
// write is keyed by post or day, so running it twice stores the same items once.
import { loadRoster, resolveRosterPath } from '#shared/config/roster.ts';
import { envTokenSource, facebookSettingsFromEnv } from '#shared/facebook/facebook-settings.ts';
import { type FacebookSyncDeps, syncFacebookPage } from '#shared/facebook/sync-facebook-page.ts';
import { compileMatcher } from '#shared/matching/index.ts';
import { addDays, bakuDay, daysBetween } from '#shared/time/baku-calendar.ts';
import { parseCommandFlags, usageError } from '../command-flags.ts';
import type { TableConnection } from '../table-connection.ts';

const help = {
  usage: 'usage: tracker facebook sync [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--roster <file>]',
  more: '  Default period: the last 30 days up to today (Asia/Baku).',
};

/** What the command needs from its host. */
export interface FacebookCommandDeps {
  openTable: () => Promise<TableConnection>;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  now?: () => Date;
  retry?: FacebookSyncDeps['retry'];
}

const isDay = (text: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);

/** Runs `facebook sync`; resolves to the exit code (0 synced, 1 not done, 2 bad usage). */
export async function runFacebookCommand(argv: string[], deps: FacebookCommandDeps): Promise<number> {
  const err = (line: string) => deps.stderr.write(`${line}\n`);
  const parsed = parseCommandFlags(
    argv,
    { since: { type: 'string' }, until: { type: 'string' }, roster: { type: 'string' } },
    help,
    deps,
    true,
  );
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length !== 1 || parsed.positionals[0] !== 'sync') {
    return usageError(deps, 'expected the subcommand "sync"', help);
  }
  const today = bakuDay(deps.now?.() ?? new Date());
  const until = parsed.values.until ?? today;
  const since = parsed.values.since ?? addDays(until, -30);
  for (const [flag, value] of [
    ['--since', since],
    ['--until', until],
  ] as const) {
    if (!isDay(value)) return usageError(deps, `${flag} must be a date as YYYY-MM-DD, got "${value}"`, help);
  }
  if (since > until) return usageError(deps, '--since must not be after --until', help);
  let opened: TableConnection | undefined;
  try {
    const settings = facebookSettingsFromEnv();
    if (!settings) {
      err('No Facebook page is configured: set FACEBOOK_PAGE_ID and FACEBOOK_PAGE_TOKEN.');
      return 1;
    }
    opened = await deps.openTable();
    err(`facebook: page ${settings.pageId}, ${since} to ${until} (${daysBetween(since, until)} days)`);
    const result = await syncFacebookPage(
      {
        table: opened.table,
        settings,
        token: envTokenSource,
        matcher: compileMatcher(loadRoster(resolveRosterPath(parsed.values.roster))),
        progress: err,
        ...(deps.now ? { now: deps.now } : {}),
        ...(deps.retry ? { retry: deps.retry } : {}),
      },
      { since, until },
    );
    deps.stdout.write(`${JSON.stringify({ since, until, ...result })}\n`);
    return result.outcome === 'synced' ? 0 : 1;
  } catch (error) {
    // What was stored before the failure stays; the message says why the run stopped.
    err(`facebook sync failed: ${(error as Error).message}`);
    return 1;
  } finally {
    opened?.close();
  }
}
