// The alarms that tell the operator when the tracker breaks, all published to one SNS topic whose
// e-mail subscribers are given at deploy time. Each description says what to do first.
import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { metricNames, metricNamespace, metricServices } from '#shared/observability/metric-names.ts';

/** What the alarms watch and whom they tell. */
export interface OperationsAlarmsProps {
  functions: Record<string, IFunction>;
  deadLetterQueues: Record<string, IQueue>;
  api: IHttpApi;
  /** Addresses subscribed to the alarm topic (each confirms by e-mail). */
  alarmEmails: string[];
}

/** The alarm topic and every alarm. */
export class OperationsAlarms extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: OperationsAlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { displayName: 'Council press tracker alarms', enforceSSL: true });
    for (const email of props.alarmEmails) this.topic.addSubscription(new EmailSubscription(email));

    for (const [name, fn] of Object.entries(props.functions)) {
      this.alarm(`${name}Errors`, fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }), {
        threshold: 1,
        description: `The ${name} function failed. First open its log group in CloudWatch Logs Insights and read the ERROR lines of the last hour (filter by correlationId to follow one poll run).`,
      });
    }
    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      this.alarm(
        `${name}Messages`,
        queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
        {
          threshold: 1,
          description: `Messages are waiting in the ${name} dead-letter queue. First read one message in the SQS console to see which sources or schedule failed, fix the cause, then redrive the queue.`,
        },
      );
    }
    this.freshnessAlarms();
    this.apiErrorAlarm(props.api);
  }

  /** Alarms on the pipeline's own metrics: no new items, many failing sources, Facebook, the digest. */
  private freshnessAlarms(): void {
    const worker = (name: string, period: Duration) => this.metric(metricServices.scrapeWorker, name, period);
    // Missing data means no worker ran at all, which is as bad as a day without new items.
    this.alarm(
      'NoNewItems',
      new MathExpression({
        expression: 'FILL(items, 0)',
        usingMetrics: { items: worker(metricNames.itemsNew, Duration.hours(1)) },
        period: Duration.hours(1),
        label: 'New items per hour',
      }),
      {
        threshold: 1,
        comparison: ComparisonOperator.LESS_THAN_THRESHOLD,
        evaluationPeriods: 24,
        missing: TreatMissingData.BREACHING,
        description:
          'No new item came from any source for 24 hours. First check /api/status and the dispatch function: are polls scheduled, and are sources failing (see the SourcesFailed metric)?',
      },
    );
    this.alarm(
      'ManySourcesFailing',
      new MathExpression({
        expression: 'IF(polled > 0, failed / polled, 0)',
        usingMetrics: {
          polled: worker(metricNames.sourcesPolled, Duration.hours(1)),
          failed: worker(metricNames.sourcesFailed, Duration.hours(1)),
        },
        period: Duration.hours(1),
        label: 'Share of polled sources that failed',
      }),
      {
        threshold: 1 / 3,
        comparison: ComparisonOperator.GREATER_THAN_THRESHOLD,
        description:
          'More than a third of the sources failed in the last hour. First look at the SourcesFailed metric by kind: many network errors at once usually mean the function lost outbound access.',
      },
    );
    this.alarm(
      'FacebookTokenRejected',
      this.metric(metricServices.facebookSnapshot, metricNames.facebookTokenRejected, Duration.hours(1)),
      {
        threshold: 1,
        description:
          'Facebook rejected the page token. First create a new long-lived page token and put it in the FacebookPageToken secret as {"token": "…"}; the next daily snapshot uses it.',
      },
    );
    // The digest runs Monday 09:00 Baku with scheduler retries for an hour. Hourly periods over the
    // 7-day maximum evaluation range: once the last digest leaves the window, the alarm fires, which
    // is at about 10:00 Baku on a Monday whose digest was not sent (before the 12:00 deadline).
    this.alarm(
      'WeeklyDigestNotSent',
      this.metric(metricServices.weeklyDigest, metricNames.digestsSent, Duration.hours(1)),
      {
        threshold: 1,
        comparison: ComparisonOperator.LESS_THAN_THRESHOLD,
        evaluationPeriods: 168,
        missing: TreatMissingData.BREACHING,
        description:
          'No weekly digest was sent in the past 7 days. First read the weekly-digest log of Monday morning, fix the cause, then run `tracker digest` for the past week.',
      },
    );
  }

  /** API 5xx above 1% of requests over 15 minutes. */
  private apiErrorAlarm(api: IHttpApi): void {
    const period = Duration.minutes(15);
    this.alarm(
      'ApiServerErrors',
      new MathExpression({
        expression: 'IF(requests > 0, 100 * errors / requests, 0)',
        usingMetrics: {
          errors: api.metricServerError({ period, statistic: 'Sum' }),
          requests: api.metricCount({ period, statistic: 'Sum' }),
        },
        period,
        label: 'API 5xx in percent',
      }),
      {
        threshold: 1,
        comparison: ComparisonOperator.GREATER_THAN_THRESHOLD,
        description:
          'More than 1% of API requests failed with 5xx in 15 minutes. First read the api function log for ERROR lines and check its Throttles and Duration metrics.',
      },
    );
  }

  private metric(service: string, name: string, period: Duration): Metric {
    return new Metric({
      namespace: metricNamespace,
      metricName: name,
      dimensionsMap: { service },
      statistic: 'Sum',
      period,
    });
  }

  private alarm(
    id: string,
    metric: IMetric,
    options: {
      threshold: number;
      description: string;
      comparison?: ComparisonOperator;
      evaluationPeriods?: number;
      missing?: TreatMissingData;
    },
  ): Alarm {
    const alarm = new Alarm(this, id, {
      metric,
      threshold: options.threshold,
      comparisonOperator: options.comparison ?? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: options.evaluationPeriods ?? 1,
      treatMissingData: options.missing ?? TreatMissingData.NOT_BREACHING,
      alarmDescription: options.description,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    return alarm;
  }
}
