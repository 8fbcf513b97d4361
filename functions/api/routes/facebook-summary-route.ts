// GET /api/facebook/summary: the page's figures for a period of Baku days and the period before it,
// read from the stored daily snapshots, never from the Graph API at request time.
import { AppError } from '#shared/errors.ts';
import { facebookPeriodSummary } from '#shared/facebook/facebook-summary.ts';
import { parseInput, periodQuery } from '../api-schemas.ts';
import { type ApiRoute, json } from '../api-types.ts';
import { resolvePeriod } from '../period.ts';

/** The Facebook feature is off: no page id is configured. */
export class FacebookNotConfiguredError extends AppError {
  constructor() {
    super('facebook-not-configured', 404, 'No Facebook page is configured (set FACEBOOK_PAGE_ID)');
  }
}

export const facebookSummaryRoute: ApiRoute = {
  method: 'GET',
  path: '/api/facebook/summary',
  access: 'read',
  async handle(request, deps) {
    const query = parseInput(periodQuery, request.query, 'query');
    const period = resolvePeriod(query, deps.now());
    if (!deps.facebookPageId) throw new FacebookNotConfiguredError();
    const summary = await facebookPeriodSummary(
      { table: deps.table, pageId: deps.facebookPageId },
      { from: period.from, to: period.to },
    );
    return json(200, summary);
  },
};
