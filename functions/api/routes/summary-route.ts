// GET /api/summary: the period's figures from the day and month aggregates, never from the mentions.
import { createAttributor } from '#shared/reach/outlet-attribution.ts';
import { distinctOutletCount } from '#shared/reach/outlet-identity.ts';
import { type Granularity, planSummary, summarise } from '#shared/reports/period-summary.ts';
import { readAggregates } from '#shared/store/aggregate-reads.ts';
import { daysBetween } from '#shared/time/baku-calendar.ts';
import { parseInput, summaryQuery } from '../api-schemas.ts';
import { type ApiRoute, json } from '../api-types.ts';
import { resolvePeriod } from '../period.ts';

/** Day buckets up to a month, weeks up to a quarter, months beyond. */
function defaultGranularity(days: number): Granularity {
  return days <= 31 ? 'day' : days <= 120 ? 'week' : 'month';
}

export const summaryRoute: ApiRoute = {
  method: 'GET',
  path: '/api/summary',
  access: 'read',
  async handle(request, deps) {
    const query = parseInput(summaryQuery, request.query, 'query');
    const period = resolvePeriod(query, deps.now());
    const granularity = query.granularity ?? defaultGranularity(daysBetween(period.from, period.to));
    const plan = planSummary(period.from, period.to, granularity);
    const [whole, seriesTotals] = await Promise.all([
      readAggregates(deps.table, plan.buckets),
      readAggregates(deps.table, plan.seriesBuckets, true),
    ]);
    const counters = new Map([...seriesTotals, ...whole]);
    const summary = summarise(period.from, period.to, granularity, counters);
    // Outlets count by registrable domain: two registry entries of one site are one outlet.
    const attributor = createAttributor(deps.registry);
    summary.totals.distinctOutlets = distinctOutletCount(summary.totals.perOutlet, attributor);
    summary.previous.totals.distinctOutlets = distinctOutletCount(
      summary.previous.totals.perOutlet,
      attributor,
    );
    return json(200, summary);
  },
};
