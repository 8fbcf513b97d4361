// The outcomes report of a period: as JSON for the dashboard's printable page, and as a PDF.
import { renderOutcomesPdf } from '#shared/reports/outcomes-pdf.ts';
import { buildOutcomesReport } from '#shared/reports/outcomes-report.ts';
import { reportWords } from '#shared/reports/outcomes-text.ts';
import type { ApiDependencies } from '../api-dependencies.ts';
import { parseInput } from '../api-schemas.ts';
import { type ApiRequest, type ApiRoute, json } from '../api-types.ts';
import { resolvePeriod } from '../period.ts';
import { reportQuery } from '../report-schemas.ts';

function reportOf(request: ApiRequest, deps: ApiDependencies) {
  const query = parseInput(reportQuery, request.query, 'query');
  return buildOutcomesReport(deps, resolvePeriod(query, deps.now()), query.lang);
}

export const outcomesReportRoute: ApiRoute = {
  method: 'GET',
  path: '/api/reports/outcomes',
  access: 'read',
  async handle(request, deps) {
    const report = await reportOf(request, deps);
    // The printable page shows the report in its own language, whatever the interface language.
    const { sentences: _templates, period, ...labels } = reportWords[report.lang];
    return json(200, {
      ...report,
      labels: { ...labels, period: period(report.period.from, report.period.to) },
    });
  },
};

export const outcomesPdfRoute: ApiRoute = {
  method: 'GET',
  path: '/api/reports/outcomes.pdf',
  access: 'read',
  async handle(request, deps) {
    const report = await reportOf(request, deps);
    const pdf = await renderOutcomesPdf(report);
    return {
      statusCode: 200,
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="outcomes-${report.period.from}-${report.period.to}-${report.lang}.pdf"`,
        'cache-control': 'no-store',
      },
      body: pdf.toString('base64'),
      isBase64Encoded: true,
    };
  },
};
