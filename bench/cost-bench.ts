// Cost benchmark: the 10,000-source case measured on the real dispatch → queue → worker path with
// 2,000 loopback sources against DynamoDB Local, scaled up by the cost model; the 200-source bill
// comes from the same run. Prints DynamoDB requests per source per poll and both monthly bills.

import { defaultAssumptions } from '../cli/cost/cost-model.ts';
import { costReport } from '../cli/cost/cost-report.ts';
import { measurePollRun } from '../cli/cost/measure-poll-run.ts';

/** Runs the measurement and prints the report. */
export async function runCostBench(sources = 2000): Promise<void> {
  const measurement = await measurePollRun(sources, (line) => console.log(line));
  console.log(costReport(measurement, [200, 10_000], defaultAssumptions));
}
