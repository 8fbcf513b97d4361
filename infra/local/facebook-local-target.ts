// The Facebook snapshot on the local stack: the same handler as the cloud, built from local
// dependencies (FACEBOOK_PAGE_ID, FACEBOOK_PAGE_TOKEN and FACEBOOK_GRAPH_URL from the environment).
import { loadRoster } from '#shared/config/roster.ts';
import { envTokenSource, facebookSettingsFromEnv } from '#shared/facebook/facebook-settings.ts';
import { syncFacebookPage } from '#shared/facebook/sync-facebook-page.ts';
import { compileMatcher } from '#shared/matching/index.ts';
import type { ScheduleDefinition } from '#shared/schedules.ts';
import type { TableContext } from '#shared/store/table-context.ts';
import { addDays, bakuDay } from '#shared/time/baku-calendar.ts';
import { createFacebookSnapshotHandler } from '../../functions/facebook-snapshot/handler.ts';

/** What the local Facebook target is built from. */
export interface FacebookLocalTargetOptions {
  table: TableContext;
  rosterPath: string;
  log: (line: string) => void;
}

/** The schedule target, and a backfill for the demo (the daily run covers only the last 30 days). */
export interface FacebookLocalTarget {
  run(schedule: Pick<ScheduleDefinition, 'id'>): Promise<void>;
  backfill(days: number): Promise<void>;
}

/** Builds the local target; when no page is configured its runs record that and do nothing. */
export function buildFacebookLocalTarget(options: FacebookLocalTargetOptions): FacebookLocalTarget {
  const settings = facebookSettingsFromEnv();
  const matcher = compileMatcher(loadRoster(options.rosterPath));
  const quiet = () => {};
  const handler = createFacebookSnapshotHandler({
    table: options.table,
    settings,
    token: envTokenSource,
    matcher,
    log: quiet,
  });
  return {
    async run(schedule) {
      const run = await handler({ scheduleId: schedule.id });
      options.log(`schedule ${schedule.id}: ${run.outcome} (${run.detail})`);
    },
    async backfill(days) {
      if (!settings) return;
      const today = bakuDay(new Date());
      const result = await syncFacebookPage(
        { table: options.table, settings, token: envTokenSource, matcher },
        { since: addDays(today, -(days - 1)), until: today },
      );
      options.log(`facebook: ${result.outcome} (${result.detail})`);
    },
  };
}
