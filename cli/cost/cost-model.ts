// Turns the counts of a measured local poll run into a monthly bill for a given number of sources,
// each line with the quantity it prices, so the reader can check every step.
import * as price from './cost-prices.ts';

/** What one poll of every source consumed, as counted in a local run. */
export interface RunCounts {
  readUnits: number;
  writeUnits: number;
  dynamoRequests: number;
  workerInvocations: number;
  /** Summed wall time of the worker invocations, in milliseconds. */
  workerMs: number;
  dispatchMs: number;
  sqsMessages: number;
  sqsSendCalls: number;
}

/** A measured local run: a first poll that stored every item, then a steady (all unchanged) poll. */
export interface PollMeasurement {
  sources: number;
  fresh: RunCounts & { itemsNew: number };
  steady: RunCounts;
  /** Distinct metric series (name + dimensions) the worker and dispatcher emitted. */
  pipelineMetricSeries: number;
}

/** A metric series published only in some hours of the month (CloudWatch bills the hours it receives data). */
export interface OccasionalSeries {
  series: string;
  hoursPerMonth: number;
}

/** What the model assumes beyond the measurement; every figure is printed with the bill. */
export interface CostAssumptions {
  pollsPerMonth: number;
  newItemsPerSourcePerDay: number;
  workerMemoryGb: number;
  dispatchMemoryGb: number;
  digestRecipients: number;
  apiRequestsPerMonth: number;
  apiSecondsPerRequest: number;
  apiMemoryGb: number;
  /** Lambda's SQS pollers long-poll the queue all month (5 pollers, one 20 s receive each). */
  sqsIdleReceivesPerMonth: number;
  /** START/END/REPORT lines, a summary and an EMF document per invocation. */
  logBytesPerInvocation: number;
  storedBytesPerArticle: number;
  /** Failure kinds (a dimension of SourcesFailed) seen in every hour: some feed of many always fails. */
  failureKindSeries: number;
  /** Series beyond the poll's, each with the hours a month it receives data. */
  occasionalSeries: OccasionalSeries[];
  /** Metrics the stack's alarms watch (test/infra/stacks.test.ts checks the synthesized count). */
  alarmMetrics: number;
  /** SecureString parameters: the Facebook page token and the webhook key. */
  secureParameters: number;
}

/** The defaults: a poll every 15 minutes for 30 days. */
export const defaultAssumptions: CostAssumptions = {
  pollsPerMonth: 4 * 24 * 30,
  newItemsPerSourcePerDay: 3,
  workerMemoryGb: 0.5,
  dispatchMemoryGb: 0.5,
  digestRecipients: 10,
  apiRequestsPerMonth: 3000,
  apiSecondsPerRequest: 0.1,
  apiMemoryGb: 1,
  sqsIdleReceivesPerMonth: 5 * 3 * 60 * 24 * 30,
  logBytesPerInvocation: 1500,
  storedBytesPerArticle: 3000,
  failureKindSeries: 2,
  occasionalSeries: [
    // The dashboard is used in office hours: 22 working days of 9 hours.
    { series: 'ApiLatency', hoursPerMonth: 22 * 9 },
    // Alerts go out in about two hours of a working day.
    { series: 'AlertsSent', hoursPerMonth: 22 * 2 },
    { series: 'FacebookCalls', hoursPerMonth: 30 },
    { series: 'FacebookTokenRejected', hoursPerMonth: 30 },
    { series: 'DigestsSent', hoursPerMonth: 52 / 12 },
  ],
  alarmMetrics: 15,
  secureParameters: 2,
};

/** Hours in a month as CloudWatch prorates a metric-month. */
const hoursPerMonth = 730;

/** One priced line of the bill. */
export interface BillLine {
  service: string;
  quantity: string;
  dollars: number;
  /** Monitoring (CloudWatch metrics, alarms, logs) rather than the pipeline itself. */
  monitoring: boolean;
}

const million = 1_000_000;

/** The monthly bill for `sources` sources polled every 15 minutes. */
export function monthlyBill(
  m: PollMeasurement,
  sources: number,
  a: CostAssumptions = defaultAssumptions,
): BillLine[] {
  const scale = sources / m.sources;
  const polls = a.pollsPerMonth;
  const newItems = sources * a.newItemsPerSourcePerDay * 30;
  const perItem = (key: keyof RunCounts) => (m.fresh[key] - m.steady[key]) / Math.max(1, m.fresh.itemsNew);
  const writeUnits = m.steady.writeUnits * scale * polls + perItem('writeUnits') * newItems;
  const readUnits = m.steady.readUnits * scale * polls + perItem('readUnits') * newItems;
  const storedGb = (newItems * 12 * a.storedBytesPerArticle) / 1024 ** 3;
  const workerInvocations = m.steady.workerInvocations * scale * polls;
  const invocations = workerInvocations + polls + 4.35 + 30 + a.apiRequestsPerMonth;
  const gbSeconds =
    ((m.steady.workerMs * scale * polls + perItem('workerMs') * newItems) / 1000) * a.workerMemoryGb +
    ((m.steady.dispatchMs * scale * polls) / 1000) * a.dispatchMemoryGb +
    a.apiRequestsPerMonth * a.apiSecondsPerRequest * a.apiMemoryGb;
  const messages = m.steady.sqsMessages * scale * polls;
  const sqsRequests = m.steady.sqsSendCalls * scale * polls + 2 * messages + a.sqsIdleReceivesPerMonth;
  const emails = (a.digestRecipients * 52) / 12;
  // CloudWatch prorates a custom metric by the hours it receives data: a poll every 15 minutes keeps
  // the poll's series (and the failure kinds some feed always has) busy every hour of the month.
  const alwaysSeries = m.pipelineMetricSeries + a.failureKindSeries;
  const occasionalHours = a.occasionalSeries.reduce((sum, series) => sum + series.hoursPerMonth, 0);
  const metricMonths = alwaysSeries + occasionalHours / hoursPerMonth;
  const logGb = (invocations * a.logBytesPerInvocation) / 1024 ** 3;
  const line = (service: string, quantity: string, dollars: number, monitoring = false): BillLine => ({
    service,
    quantity,
    dollars,
    monitoring,
  });
  return [
    line(
      'DynamoDB writes',
      `${round(writeUnits)} WRU`,
      (writeUnits / million) * price.dynamoPerMillionWriteUnits,
    ),
    line(
      'DynamoDB reads',
      `${round(readUnits)} RRU`,
      (readUnits / million) * price.dynamoPerMillionReadUnits,
    ),
    line(
      'DynamoDB storage + PITR',
      `${storedGb.toFixed(3)} GB after a year`,
      storedGb * (price.dynamoStoragePerGbMonth + price.dynamoPitrPerGbMonth),
    ),
    line(
      'Lambda requests',
      `${round(invocations)} invocations`,
      (invocations / million) * price.lambdaPerMillionRequests,
    ),
    line('Lambda duration (arm64)', `${round(gbSeconds)} GB-s`, gbSeconds * price.lambdaArmPerGbSecond),
    line('SQS', `${round(sqsRequests)} requests`, (sqsRequests / million) * price.sqsPerMillionRequests),
    line('SES', `${round(emails)} e-mails`, (emails / 1000) * price.sesPerThousandEmails),
    line(
      'SSM Parameter Store',
      `${a.secureParameters} SecureString parameters`,
      a.secureParameters * price.standardParameterPerMonth,
    ),
    line(
      'EventBridge Scheduler',
      `${round(polls + 34)} invocations`,
      ((polls + 34) / million) * price.schedulerPerMillionInvocations,
    ),
    line(
      'HTTP API',
      `${a.apiRequestsPerMonth} requests`,
      (a.apiRequestsPerMonth / million) * price.httpApiPerMillionRequests,
    ),
    line(
      'CloudWatch metrics',
      `${alwaysSeries} series all month + ${a.occasionalSeries.length} in ${Math.round(occasionalHours)} h`,
      metricMonths * price.cloudWatchPerMetricMonth,
      true,
    ),
    line(
      'CloudWatch alarms',
      `${a.alarmMetrics} alarm metrics`,
      a.alarmMetrics * price.cloudWatchPerAlarmMetricMonth,
      true,
    ),
    line(
      'CloudWatch Logs',
      `${logGb.toFixed(3)} GB`,
      logGb * (price.cloudWatchLogsIngestPerGb + 3 * price.cloudWatchLogsStoragePerGbMonth),
      true,
    ),
  ];
}

/** DynamoDB requests per source per steady-state poll. */
export function requestsPerSourcePerPoll(m: PollMeasurement): number {
  return m.steady.dynamoRequests / m.sources;
}

function round(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}
