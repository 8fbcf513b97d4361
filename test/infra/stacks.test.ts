// Asserts the synthesized templates: the table's keys and protections, the schedules in Baku time,
// the functions' runtime and architecture, the API's routes and which of them need a token.
import { resolve } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultAssumptions } from '../../cli/cost/cost-model.ts';
import { ServiceStack } from '../../infra/stacks/service-stack.ts';
import { StorageStack } from '../../infra/stacks/storage-stack.ts';
import { trackerTable } from '../../infra/table.ts';

let storage: Template;
let service: Template;

beforeAll(() => {
  // Skipping bundling keeps the test fast; `npx cdk synth` in CI bundles for real.
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const env = { account: '123456789012', region: 'eu-central-1' };
  const storageStack = new StorageStack(app, 'Storage', { env });
  const serviceStack = new ServiceStack(app, 'Service', {
    env,
    table: storageStack.table,
    outletsFile: resolve('config/outlets.json'),
    rosterFile: resolve('config/roster.json'),
    dashboardDir: resolve('functions/api/static'),
    authDomainPrefix: 'test-tracker',
    version: '0.0.0-test',
    mail: {
      from: 'Press tracker <digest@council.example>',
      identity: 'council.example',
      configurationSet: 'digest-set',
    },
    facebookPageId: '1234567890',
  });
  storage = Template.fromStack(storageStack);
  service = Template.fromStack(serviceStack);
}, 120_000);

describe('StorageStack', () => {
  it('defines the table with the shared keys, indexes and TTL', () => {
    storage.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: trackerTable.partitionKey.name, KeyType: 'HASH' },
        { AttributeName: trackerTable.sortKey.name, KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      GlobalSecondaryIndexes: trackerTable.globalSecondaryIndexes.map((index) =>
        Match.objectLike({ IndexName: index.indexName }),
      ),
    });
  });

  it('protects the table: point-in-time recovery, deletion protection, retained on delete', () => {
    storage.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        Replicas: [
          Match.objectLike({
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          }),
        ],
      }),
    });
  });
});

describe('ServiceStack', () => {
  it('runs every function on Node.js 24 and arm64', () => {
    const functions = service.findResources('AWS::Lambda::Function');
    const ours = Object.values(functions).filter((fn) => fn.Properties.Handler === 'index.handler');
    // api, dispatch, scrape worker, weekly digest, Facebook snapshot, alerts
    expect(ours).toHaveLength(6);
    for (const fn of ours) {
      expect(fn.Properties.Runtime).toBe('nodejs24.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
    }
  });

  it('schedules the poll every 15 minutes in Asia/Baku time', () => {
    service.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0/15 * * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Baku',
      Target: Match.objectLike({
        Input: JSON.stringify({ scheduleId: 'poll-press', executionId: '<aws.scheduler.execution-id>' }),
      }),
    });
  });

  it('sends the weekly digest on Monday 09:00 Asia/Baku, with retries and a dead-letter queue', () => {
    service.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 9 ? * MON *)',
      ScheduleExpressionTimezone: 'Asia/Baku',
      Target: Match.objectLike({
        RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 2 }),
        DeadLetterConfig: Match.objectLike({ Arn: Match.anyValue() }),
      }),
    });
  });

  it('lets only the digest and the alerts send mail, through the given SES identity and configuration set', () => {
    service.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          MAIL_FROM: 'Press tracker <digest@council.example>',
          SES_CONFIGURATION_SET: 'digest-set',
          DIGEST_FILE: '/var/task/config/digest.json',
        }),
      },
    });
    const statements = Object.values(service.findResources('AWS::IAM::Policy')).flatMap(
      (policy) => policy.Properties.PolicyDocument.Statement as Array<{ Action: unknown; Resource: unknown }>,
    );
    const ses = statements.filter((statement) => JSON.stringify(statement.Action).includes('ses:'));
    expect(ses).toHaveLength(2);
    for (const statement of ses) {
      expect(statement.Action).toBe('ses:SendEmail');
      const resources = JSON.stringify(statement.Resource);
      expect(resources).toContain(':identity/council.example');
      expect(resources).toContain(':configuration-set/digest-set');
      expect(resources).not.toContain('*');
    }
  });

  it('keeps logs for a limited time', () => {
    const groups = Object.values(service.findResources('AWS::Logs::LogGroup'));
    expect(groups.length).toBeGreaterThanOrEqual(3);
    for (const group of groups) expect(group.Properties.RetentionInDays).toBe(90);
  });

  it('leaves only health and the dashboard files without the JWT authorizer', () => {
    const routes = Object.values(service.findResources('AWS::ApiGatewayV2::Route')).map((route) => ({
      key: route.Properties.RouteKey as string,
      auth: (route.Properties.AuthorizationType as string | undefined) ?? 'NONE',
    }));
    expect(routes).toEqual(
      expect.arrayContaining([
        { key: 'GET /api/health', auth: 'NONE' },
        { key: 'ANY /api/{proxy+}', auth: 'JWT' },
        { key: 'GET /', auth: 'NONE' },
        { key: 'GET /{proxy+}', auth: 'NONE' },
      ]),
    );
    expect(routes.filter((route) => route.key.includes('/api/') && route.auth !== 'JWT')).toEqual([
      { key: 'GET /api/health', auth: 'NONE' },
    ]);
  });

  it('sends failed poll batches to a dead-letter queue and reports partial batch failures', () => {
    service.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: Match.objectLike({ maxReceiveCount: 3 }),
    });
    service.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('grants no function a table-wide scan, delete or table management', () => {
    const policies = JSON.stringify(service.findResources('AWS::IAM::Policy'));
    expect(policies).toContain('dynamodb:PutItem');
    for (const action of ['dynamodb:Scan', 'dynamodb:DeleteItem', 'dynamodb:DescribeTable', 'dynamodb:*']) {
      expect(policies).not.toContain(action);
    }
  });

  it('snapshots the Facebook page daily at 06:30 in Asia/Baku time', () => {
    service.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(30 6 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Baku',
    });
  });

  it('lets only the Facebook snapshot read its token parameter, with just the table actions it needs', () => {
    // The secrets are SecureString parameters the operator creates; the stack makes no secret.
    expect(Object.keys(service.findResources('AWS::SecretsManager::Secret'))).toHaveLength(0);
    const functions = service.findResources('AWS::Lambda::Function');
    const snapshot = Object.values(functions).find(
      (fn) => fn.Properties.Environment?.Variables?.FACEBOOK_TOKEN_PARAMETER !== undefined,
    );
    expect(snapshot?.Properties.Environment.Variables).toMatchObject({
      FACEBOOK_PAGE_ID: '1234567890',
      FACEBOOK_TOKEN_PARAMETER: '/council-press-tracker/facebook-page-token',
    });
    const policies = Object.values(service.findResources('AWS::IAM::Policy'));
    const readingToken = policies.filter((policy) =>
      JSON.stringify(policy).includes(':parameter/council-press-tracker/facebook-page-token'),
    );
    expect(readingToken).toHaveLength(1);
    const statements = readingToken[0]?.Properties.PolicyDocument.Statement as Array<{
      Action: string | string[];
      Resource: unknown;
    }>;
    const parameterStatement = statements.find((statement) =>
      [statement.Action].flat().some((action) => action.startsWith('ssm:')),
    );
    expect(parameterStatement?.Action).toBe('ssm:GetParameter');
    expect(JSON.stringify(parameterStatement?.Resource)).toContain(
      ':parameter/council-press-tracker/facebook-page-token',
    );
    const tableActions = statements
      .flatMap((statement) => [statement.Action].flat())
      .filter((action) => action.startsWith('dynamodb:'))
      .sort();
    expect(tableActions).toEqual([
      'dynamodb:BatchWriteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
    ]);
  });

  it('runs the alerts every 5 minutes in Asia/Baku time; only it and the API read the webhook key', () => {
    service.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0/5 * * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Baku',
    });
    const functions = Object.values(service.findResources('AWS::Lambda::Function'));
    const withKey = functions.filter((fn) => fn.Properties.Environment?.Variables?.ALERT_KEY_PARAMETER);
    expect(withKey).toHaveLength(2);
    expect(withKey[0]?.Properties.Environment.Variables.ALERT_KEY_PARAMETER).toBe(
      '/council-press-tracker/webhook-key',
    );
    const policies = Object.values(service.findResources('AWS::IAM::Policy'));
    const reading = policies.filter((policy) =>
      JSON.stringify(policy).includes(':parameter/council-press-tracker/webhook-key'),
    );
    expect(reading).toHaveLength(2);
    const alertsPolicy = reading.find((policy) => JSON.stringify(policy).includes('ses:SendEmail'));
    expect(alertsPolicy).toBeDefined();
    const actions = (alertsPolicy?.Properties.PolicyDocument.Statement ?? []) as Array<{
      Action: string | string[];
    }>;
    const tableActions = actions
      .flatMap((statement) => [statement.Action].flat())
      .filter((action) => action.startsWith('dynamodb:'))
      .sort();
    expect([...new Set(tableActions)]).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ]);
  });

  it('has the alarm metrics and SecureString parameters the cost model prices', () => {
    // A standard alarm is billed per metric it watches; a metric-math alarm per metric in its expression.
    const alarms = Object.values(service.findResources('AWS::CloudWatch::Alarm'));
    const alarmMetrics = alarms.reduce(
      (sum, alarm) =>
        sum +
        (alarm.Properties.Metrics
          ? (alarm.Properties.Metrics as Array<{ MetricStat?: unknown }>).filter(
              (metric) => metric.MetricStat,
            ).length
          : 1),
      0,
    );
    expect(alarmMetrics).toBe(defaultAssumptions.alarmMetrics);
    const parameters = new Set(
      JSON.stringify(service.findResources('AWS::IAM::Policy')).match(/:parameter\/[\w/-]+/g) ?? [],
    );
    expect(parameters.size).toBe(defaultAssumptions.secureParameters);
  });

  it('grants the API no cross-origin access', () => {
    service.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.absent() });
  });

  it('creates the two role groups and a PKCE-ready public client for the hosted UI', () => {
    service.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'pr-staff' });
    service.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'management' });
    service.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
    });
  });
});
