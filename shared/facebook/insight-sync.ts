// The insights step of a sync: each metric on its own request (so a retired metric drops only
// itself), at most 90 days a request, values gathered per day and written one item per day.
import type { TableContext } from '../store/table-context.ts';
import { addDays, bakuDay, daysBetween } from '../time/baku-calendar.ts';
import type { FacebookState } from './facebook-records.ts';
import type { FacebookSettings } from './facebook-settings.ts';
import { updateDay } from './facebook-store.ts';
import type { GraphClient } from './graph-client.ts';
import { GraphError } from './graph-errors.ts';
import { insightMetrics, maxInsightDays } from './graph-types.ts';

/** What the insights step needs. */
export interface InsightSyncInput {
  table: TableContext;
  settings: FacebookSettings;
  client: GraphClient;
  state: FacebookState;
  period: { since: string; until: string };
  now: Date;
  metrics?: readonly string[];
  say: (line: string) => void;
}

/** Stores the period's daily insight values; returns the days written and the metrics found retired. */
export async function syncInsights(
  input: InsightSyncInput,
): Promise<{ days: number; newlyRetired: string[] }> {
  const { settings, state, say } = input;
  // Today's values are still growing; they are stored too and overwritten by the next run.
  const today = bakuDay(input.now);
  const until = [input.period.until, today].sort()[0] as string;
  const byDay = new Map<string, Record<string, number>>();
  const newlyRetired: string[] = [];
  state.retiredMetrics ??= {};
  for (const metric of input.metrics ?? insightMetrics) {
    if (state.retiredMetrics[metric]?.version === settings.version) continue;
    let values = 0;
    try {
      for (const chunk of chunks(input.period.since, until)) {
        for (const point of await input.client.insight(metric, chunk.since, chunk.until)) {
          byDay.set(point.day, { ...byDay.get(point.day), [metric]: point.value });
          values++;
        }
        if (input.client.nearLimit) break;
      }
    } catch (error) {
      if (!(error instanceof GraphError) || error.kind !== 'invalid-metric') {
        await writeDays(input, byDay);
        throw error;
      }
      state.retiredMetrics[metric] = { version: settings.version, at: input.now.toISOString() };
      newlyRetired.push(metric);
      say(
        `insights ${metric}: Graph ${settings.version} no longer offers this metric; it is skipped from now on`,
      );
      continue;
    }
    say(`insights ${metric}: ${values} daily values`);
    if (input.client.nearLimit) {
      await writeDays(input, byDay);
      throw input.client.nearLimit;
    }
  }
  await writeDays(input, byDay);
  return { days: byDay.size, newlyRetired };
}

/** Day items written at once: enough to hide the round trips, few enough not to burst the table. */
const dayWritesAtOnce = 10;

async function writeDays(input: InsightSyncInput, byDay: Map<string, Record<string, number>>) {
  const entries = [...byDay];
  for (let offset = 0; offset < entries.length; offset += dayWritesAtOnce) {
    await Promise.all(
      entries
        .slice(offset, offset + dayWritesAtOnce)
        .map(([day, insights]) => updateDay(input.table, input.settings.pageId, day, { insights })),
    );
  }
}

/** Splits since..until into runs of at most 90 days. */
export function chunks(since: string, until: string): Array<{ since: string; until: string }> {
  const parts: Array<{ since: string; until: string }> = [];
  for (let start = since; start <= until; start = addDays(start, maxInsightDays)) {
    const end = addDays(start, maxInsightDays - 1);
    parts.push({ since: start, until: end < until ? end : until });
  }
  return daysBetween(since, until) > 0 ? parts : [];
}
