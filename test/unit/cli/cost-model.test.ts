// The cost model's arithmetic over a hand-made measurement: per-source counts scale with the source
// count, new items are priced at what the first poll's extra writes cost, and every line is priced.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCostCommand } from '../../../cli/commands/cost-command.ts';
import {
  defaultAssumptions,
  monthlyBill,
  type PollMeasurement,
  requestsPerSourcePerPoll,
} from '../../../cli/cost/cost-model.ts';
import * as price from '../../../cli/cost/cost-prices.ts';

const steady = {
  readUnits: 100,
  writeUnits: 2,
  dynamoRequests: 50,
  workerInvocations: 4,
  workerMs: 400,
  dispatchMs: 20,
  sqsMessages: 4,
  sqsSendCalls: 1,
};
const measurement: PollMeasurement = {
  sources: 100,
  steady,
  fresh: { ...steady, writeUnits: 2 + 20 * 200, itemsNew: 200, workerMs: 2400 },
  pipelineMetricSeries: 9,
};

const dollars = (sources: number, service: string) =>
  monthlyBill(measurement, sources).find((line) => line.service === service)?.dollars ?? Number.NaN;

describe('monthlyBill', () => {
  it('prices steady writes per poll plus 20 WRU per new item', () => {
    const sources = 200;
    const polls = defaultAssumptions.pollsPerMonth;
    const newItems = sources * defaultAssumptions.newItemsPerSourcePerDay * 30;
    const units = 2 * 2 * polls + 20 * newItems;
    expect(dollars(sources, 'DynamoDB writes')).toBeCloseTo(
      (units / 1e6) * price.dynamoPerMillionWriteUnits,
      9,
    );
  });

  it('scales the per-poll lines with the number of sources', () => {
    expect(dollars(10_000, 'DynamoDB reads')).toBeCloseTo(dollars(200, 'DynamoDB reads') * 50, 9);
    expect(dollars(10_000, 'CloudWatch alarms')).toBe(dollars(200, 'CloudWatch alarms'));
  });

  it('bills a metric series for the hours it receives data', () => {
    const always = measurement.pipelineMetricSeries + defaultAssumptions.failureKindSeries;
    const hours = defaultAssumptions.occasionalSeries.reduce((sum, series) => sum + series.hoursPerMonth, 0);
    expect(dollars(200, 'CloudWatch metrics')).toBeCloseTo(
      (always + hours / 730) * price.cloudWatchPerMetricMonth,
      9,
    );
    // Publishing the API latency all month instead of in office hours costs the difference.
    const allMonth = {
      ...defaultAssumptions,
      occasionalSeries: defaultAssumptions.occasionalSeries.map((series) =>
        series.series === 'ApiLatency' ? { ...series, hoursPerMonth: 730 } : series,
      ),
    };
    const billed = (assumptions: typeof defaultAssumptions) =>
      monthlyBill(measurement, 200, assumptions).find((line) => line.service === 'CloudWatch metrics')
        ?.dollars ?? 0;
    expect(billed(allMonth) - billed(defaultAssumptions)).toBeCloseTo(((730 - 22 * 9) / 730) * 0.3, 9);
  });

  it('prices every line and marks monitoring apart; the parameters cost nothing', () => {
    const lines = monthlyBill(measurement, 200);
    for (const line of lines.filter((line) => line.service !== 'SSM Parameter Store')) {
      expect(line.dollars).toBeGreaterThan(0);
    }
    expect(dollars(200, 'SSM Parameter Store')).toBe(0);
    expect(lines.filter((line) => line.monitoring).map((line) => line.service)).toEqual([
      'CloudWatch metrics',
      'CloudWatch alarms',
      'CloudWatch Logs',
    ]);
    expect(requestsPerSourcePerPoll(measurement)).toBe(0.5);
  });
});

describe('tracker cost', () => {
  const run = async (argv: string[]) => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (chunk) => (out += chunk));
    stderr.on('data', (chunk) => (err += chunk));
    const code = await runCostCommand(argv, { stdin: new PassThrough(), stdout, stderr });
    return { code, out, err };
  };

  it('prints its usage with --help and exits 0', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('usage: tracker cost');
  });

  it('refuses a source count that is not a whole number', async () => {
    const { code, err } = await run(['--sources', 'many']);
    expect(code).toBe(2);
    expect(err).toContain("--sources: a whole number from 1 to 5000, not 'many'");
  });
});
