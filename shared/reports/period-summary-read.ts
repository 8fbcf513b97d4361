// Reads a period's summary from the day, week and month aggregates, with outlets counted by
// registrable domain: the one read behind /api/summary and the outcomes report, so both agree.
import type { OutletRegistry } from '../config/outlets.ts';
import { createAttributor } from '../reach/outlet-attribution.ts';
import { distinctOutletCount } from '../reach/outlet-identity.ts';
import { readAggregates } from '../store/aggregate-reads.ts';
import { counterName } from '../store/keys.ts';
import type { TableContext } from '../store/table-context.ts';
import { type Granularity, type PeriodSummary, planSummary, summarise } from './period-summary.ts';

/** Reads and summarises the period `from`..`to` (Baku days) and the period before it. */
export async function readPeriodSummary(
  deps: { table: TableContext; registry: Pick<OutletRegistry, 'outlets'> },
  from: string,
  to: string,
  granularity: Granularity,
  /** Members (people or organisations) to add a series each for. */
  members: string[] = [],
): Promise<PeriodSummary> {
  const plan = planSummary(from, to, granularity);
  const memberCounters = members.flatMap((id) => [
    counterName.entity('person', id),
    counterName.entity('organisation', id),
  ]);
  const [whole, seriesTotals] = await Promise.all([
    readAggregates(deps.table, plan.buckets),
    readAggregates(deps.table, plan.seriesBuckets, true, memberCounters),
  ]);
  const counters = new Map([...seriesTotals, ...whole]);
  const summary = summarise(from, to, granularity, counters, members);
  // Outlets count by registrable domain: two registry entries of one site are one outlet.
  const attributor = createAttributor(deps.registry);
  summary.totals.distinctOutlets = distinctOutletCount(summary.totals.perOutlet, attributor);
  summary.previous.totals.distinctOutlets = distinctOutletCount(
    summary.previous.totals.perOutlet,
    attributor,
  );
  return summary;
}

/** Day buckets up to a month, weeks up to a quarter, months beyond. */
export function defaultGranularity(days: number): Granularity {
  return days <= 31 ? 'day' : days <= 120 ? 'week' : 'month';
}
