// Prints the measured run and the monthly bills as plain text, every price and assumption stated.
import {
  type BillLine,
  type CostAssumptions,
  monthlyBill,
  type PollMeasurement,
  requestsPerSourcePerPoll,
} from './cost-model.ts';
import * as price from './cost-prices.ts';

/** The report's text for the given source counts. */
export function costReport(m: PollMeasurement, sourceCounts: number[], assumptions: CostAssumptions): string {
  const out: string[] = [];
  const perSource = (value: number) => (value / m.sources).toFixed(2);
  out.push(
    `Measured locally: ${m.sources} loopback sources on dispatch → queue → scrape worker, DynamoDB Local`,
  );
  out.push(
    `  steady poll (all unchanged): ${m.steady.dynamoRequests} DynamoDB requests (${perSource(m.steady.dynamoRequests)} per source), ` +
      `${m.steady.readUnits.toFixed(1)} RRU, ${m.steady.writeUnits.toFixed(1)} WRU, ${m.steady.workerInvocations} worker invocations ` +
      `(${(m.steady.workerMs / Math.max(1, m.steady.workerInvocations)).toFixed(0)} ms each), ${m.steady.sqsMessages} SQS messages`,
  );
  out.push(
    `  first poll (${m.fresh.itemsNew} new items): ${m.fresh.dynamoRequests} DynamoDB requests, ${m.fresh.readUnits.toFixed(1)} RRU, ` +
      `${m.fresh.writeUnits.toFixed(1)} WRU, ${m.fresh.workerInvocations} worker invocations`,
  );
  out.push(`  DynamoDB requests per source per poll: ${requestsPerSourcePerPoll(m).toFixed(2)}`);
  out.push(
    `Assumed: ${assumptions.pollsPerMonth} polls a month, ${assumptions.newItemsPerSourcePerDay} new items per source a day, ` +
      `worker ${assumptions.workerMemoryGb * 1024} MB, ${assumptions.digestRecipients} digest readers, ${assumptions.apiRequestsPerMonth} API requests ` +
      `of ${assumptions.apiSecondsPerRequest * 1000} ms at ${assumptions.apiMemoryGb * 1024} MB, ${assumptions.sqsIdleReceivesPerMonth.toLocaleString('en-US')} idle SQS receives by Lambda's pollers, ` +
      `${assumptions.logBytesPerInvocation} log bytes per invocation, ${assumptions.storedBytesPerArticle} bytes stored per article, ${assumptions.alarmMetrics} alarm metrics, ` +
      `${assumptions.failureKindSeries} failure kinds every hour, ` +
      `${assumptions.occasionalSeries.map((series) => `${series.series} in ${Math.round(series.hoursPerMonth)} h`).join(', ')} a month.`,
  );
  out.push(
    `Prices: ${price.pricesRegion} list prices, no free tier (see cli/cost/cost-prices.ts for each source).`,
  );
  for (const sources of sourceCounts) {
    const lines = monthlyBill(m, sources, assumptions);
    out.push('', `Monthly bill at ${sources.toLocaleString('en-US')} sources every 15 minutes:`);
    for (const line of lines) {
      out.push(
        `  ${line.service.padEnd(26)} ${line.quantity.padEnd(30)} $${line.dollars.toFixed(3).padStart(8)}`,
      );
    }
    const sum = (subset: BillLine[]) => subset.reduce((total, line) => total + line.dollars, 0);
    out.push(
      `  ${'pipeline (without monitoring)'.padEnd(57)} $${sum(lines.filter((l) => !l.monitoring))
        .toFixed(2)
        .padStart(8)}`,
    );
    out.push(
      `  ${'monitoring (CloudWatch)'.padEnd(57)} $${sum(lines.filter((l) => l.monitoring))
        .toFixed(2)
        .padStart(8)}`,
    );
    out.push(`  ${'total'.padEnd(57)} $${sum(lines).toFixed(2).padStart(8)}`);
  }
  return `${out.join('\n')}\n`;
}
