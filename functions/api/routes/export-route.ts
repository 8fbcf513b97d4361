// GET /api/export.csv: the filtered mention list as a spreadsheet-safe CSV file, without rejected
// mentions unless the status filter asks for them, headed in `lang` when given.
import { createAttributor } from '#shared/reach/outlet-attribution.ts';
import { outletIdentity } from '#shared/reach/outlet-identity.ts';
import { csvHeader, csvRows } from '#shared/reports/mentions-csv.ts';
import { listMentions } from '#shared/store/mention-list.ts';
import { exportQuery, parseInput } from '../api-schemas.ts';
import type { ApiRoute } from '../api-types.ts';
import { resolvePeriod } from '../period.ts';
import { searchMembers } from '../search-members.ts';

/** Lambda answers at most 6 MB; this many rows stay well inside it. */
const maxRows = 10_000;

export const exportRoute: ApiRoute = {
  method: 'GET',
  path: '/api/export.csv',
  access: 'read',
  async handle(request, deps) {
    const { lang, ...query } = parseInput(exportQuery, request.query, 'query');
    const period = resolvePeriod(query, deps.now());
    // What the cards count: rejected mentions only when the status filter asks for them.
    const filter = {
      ...query,
      ...searchMembers(query.q, deps.roster),
      countedOnly: true,
      from: period.fromInstant,
      to: period.toInstant,
    };
    const names = new Map(
      [...deps.roster.people, ...deps.roster.organisations].map((entry) => [
        entry.id,
        entry.names.en ?? entry.names.az ?? entry.names.ru ?? entry.id,
      ]),
    );
    const attributor = createAttributor(deps.registry);
    let body = csvHeader(lang);
    let rows = 0;
    let cursor: string | undefined;
    do {
      const page = await listMentions(deps.table, filter, 100, cursor);
      body += csvRows(page.items, names, (outletId) => outletIdentity(outletId, attributor));
      rows += page.items.length;
      cursor = page.cursor ?? undefined;
    } while (cursor && rows < maxRows);
    return {
      statusCode: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="mentions-${period.from}-${period.to}.csv"`,
        'cache-control': 'no-store',
      },
      // A BOM lets spreadsheet programs read the Azerbaijani and Russian text as UTF-8.
      body: `\uFEFF${body}`,
    };
  },
};
