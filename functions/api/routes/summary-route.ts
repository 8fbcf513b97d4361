// GET /api/summary: the period's figures from the day and month aggregates, never from the mentions.
import { defaultGranularity, readPeriodSummary } from '#shared/reports/period-summary-read.ts';
import { daysBetween } from '#shared/time/baku-calendar.ts';
import { parseInput, summaryQuery } from '../api-schemas.ts';
import { type ApiRoute, json } from '../api-types.ts';
import { resolvePeriod } from '../period.ts';

export const summaryRoute: ApiRoute = {
  method: 'GET',
  path: '/api/summary',
  access: 'read',
  async handle(request, deps) {
    const query = parseInput(summaryQuery, request.query, 'query');
    const period = resolvePeriod(query, deps.now());
    const granularity = query.granularity ?? defaultGranularity(daysBetween(period.from, period.to));
    return json(200, await readPeriodSummary(deps, period.from, period.to, granularity, query.members));
  },
};
