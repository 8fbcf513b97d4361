// The list prices the cost model assumes: AWS us-east-1 on-demand prices, without any free tier
// (eu-central-1, nearer Baku, is 10–25% dearer for most lines). Each constant names its page.

export const pricesRegion = 'us-east-1';

/** https://aws.amazon.com/lambda/pricing/ (Arm): per request and per GB-second. */
export const lambdaPerMillionRequests = 0.2;
export const lambdaArmPerGbSecond = 0.0000133334;

/** https://aws.amazon.com/dynamodb/pricing/on-demand/: per million request units, storage and PITR per GB-month. */
export const dynamoPerMillionWriteUnits = 0.625;
export const dynamoPerMillionReadUnits = 0.125;
export const dynamoStoragePerGbMonth = 0.25;
export const dynamoPitrPerGbMonth = 0.2;

/** https://aws.amazon.com/sqs/pricing/: standard queue, per million requests (64 KB chunks). */
export const sqsPerMillionRequests = 0.4;

/** https://aws.amazon.com/ses/pricing/: per 1,000 outbound e-mails. */
export const sesPerThousandEmails = 0.1;

/**
 * https://aws.amazon.com/systems-manager/pricing/ (Parameter Store): standard parameters and their
 * standard-throughput API calls are free; the AWS managed key aws/ssm has no monthly charge.
 */
export const standardParameterPerMonth = 0;

/**
 * https://aws.amazon.com/cloudwatch/pricing/: custom metric-month (first 10,000; prorated by the hour,
 * metered only in hours the metric receives data), standard-resolution alarm metric-month, log GB.
 */
export const cloudWatchPerMetricMonth = 0.3;
export const cloudWatchPerAlarmMetricMonth = 0.1;
export const cloudWatchLogsIngestPerGb = 0.5;
export const cloudWatchLogsStoragePerGbMonth = 0.03;

/** https://aws.amazon.com/eventbridge/pricing/ (Scheduler): per million invocations. */
export const schedulerPerMillionInvocations = 1;

/** https://aws.amazon.com/api-gateway/pricing/ (HTTP APIs): per million requests. */
export const httpApiPerMillionRequests = 1;
