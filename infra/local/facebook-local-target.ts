// The Facebook snapshot on the local stack: the same handler as the cloud, built from local
// dependencies (FACEBOOK_PAGE_ID, FACEBOOK_PAGE_TOKEN and FACEBOOK_GRAPH_URL from the environment).
import { loadRoster } from '#shared/config/roster.ts';
import { envTokenSource, facebookSettingsFromEnv } from '#shared/facebook/facebook-settings.ts';
import { syncFacebookPage } from '#shared/facebook/sync-facebook-page.ts';
import { compileMatcher } from '#shared/matching/index.ts';
import { addDays, bakuDay } from '#shared/time/baku-calendar.ts';
import { createFacebookSnapshotHandler } from '../../functions/facebook-snapshot/handler.ts';
import type { LocalContext, ScheduledHandler } from './local-targets.ts';

/** The local handler of the daily snapshot; without a configured page its runs record that and do nothing. */
export function localFacebookSnapshot(context: LocalContext): ScheduledHandler {
  return createFacebookSnapshotHandler({
    table: context.ingestion.table,
    settings: facebookSettingsFromEnv(),
    token: envTokenSource,
    matcher: compileMatcher(loadRoster(context.rosterPath)),
    log: () => undefined, // the run's outcome is logged by the target
  });
}

/** Reads the page's last `days` days at once, for the demo (the daily run covers only the last 30). */
export async function facebookBackfill(context: LocalContext, days: number): Promise<void> {
  const settings = facebookSettingsFromEnv();
  if (!settings) return;
  const today = bakuDay(new Date());
  const result = await syncFacebookPage(
    {
      table: context.ingestion.table,
      settings,
      token: envTokenSource,
      matcher: compileMatcher(loadRoster(context.rosterPath)),
    },
    { since: addDays(today, -(days - 1)), until: today },
  );
  context.log(`facebook: ${result.outcome} (${result.detail})`);
}
