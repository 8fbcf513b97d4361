// The stateless stack: the API function behind an HTTP API with a Cognito JWT authorizer, the poll
// pipeline (scheduler → dispatch → SQS → scrape workers, with a dead-letter queue), and the grants
// each function needs and no more.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Annotations, CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { reportFontFiles } from '../../shared/reports/report-fonts.ts';
import { AlertsFunction } from '../constructs/alerts-function.ts';
import { AppFunction } from '../constructs/app-function.ts';
import { DashboardAuth } from '../constructs/dashboard-auth.ts';
import { HttpApiFront } from '../constructs/http-api-front.ts';
import { OperationsAlarms } from '../constructs/operations-alarms.ts';
import { ScheduledTargets } from '../constructs/scheduled-targets.ts';
import { defaultParameterNames, grantParameterRead } from '../constructs/secure-parameters.ts';
import { grantTable, tableActions } from '../constructs/table-grants.ts';

/** What the service stack is given. */
export interface ServiceStackProps extends StackProps {
  table: TableV2;
  /** Absolute paths of the outlet registry and roster to bundle. */
  outletsFile: string;
  rosterFile: string;
  /** Absolute path of the dashboard's static files. */
  dashboardDir: string;
  /** Prefix of the Cognito hosted UI domain (must be unique in the region). */
  authDomainPrefix: string;
  version: string;
  /** Absolute path of the digest's recipients file to bundle. @default config/digest.json */
  digestFile?: string;
  /** How the digest is mailed through SES; placeholders (with a synth warning) when absent. */
  mail?: DigestMailSettings;
  /** The council's Facebook page id; the Facebook feature is off without it. */
  facebookPageId?: string | undefined;
  /** E-mail addresses subscribed to the alarm topic. @default none (subscribe later in the console) */
  alarmEmails?: string[];
  /** SecureString parameter holding the Facebook page token. @default /council-press-tracker/facebook-page-token */
  facebookTokenParameter?: string | undefined;
  /** SecureString parameter whose text keys the seal of webhook addresses. @default /council-press-tracker/webhook-key */
  alertKeyParameter?: string | undefined;
}

/** The SES identity the digest is sent from, given to the stack (it is verified outside it). */
export interface DigestMailSettings {
  /** The From address, e.g. `Press tracker <digest@council.example>`; must belong to `identity`. */
  from: string;
  /** The verified SES identity: the sender's domain or the address itself. */
  identity: string;
  /** The SES configuration set every message is tagged with (event publishing, suppression). */
  configurationSet: string;
}

/** Functions, queue, schedules and API. */
export class ServiceStack extends Stack {
  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    const configFiles = { 'config/outlets.json': props.outletsFile, 'config/roster.json': props.rosterFile };
    const configEnv = {
      TABLE_NAME: props.table.tableName,
      OUTLETS_FILE: '/var/task/config/outlets.json',
      ROSTER_FILE: '/var/task/config/roster.json',
      APP_VERSION: props.version,
    };

    const deadLetters = new Queue(this, 'PollDeadLetters', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    const pollQueue = new Queue(this, 'PollQueue', {
      // Six times the worker's timeout, as AWS recommends for Lambda event sources.
      visibilityTimeout: Duration.minutes(18),
      deadLetterQueue: { queue: deadLetters, maxReceiveCount: 3 },
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });

    const dispatch = new AppFunction(this, 'Dispatch', {
      entry: 'functions/dispatch/handler.ts',
      environment: { ...configEnv, POLL_QUEUE_URL: pollQueue.queueUrl },
      extraFiles: configFiles,
      timeout: Duration.minutes(1),
    }).function;
    // SendMessageBatch is authorised by sqs:SendMessage; the queue URL comes from the environment.
    pollQueue.grant(dispatch, 'sqs:SendMessage');
    grantTable(props.table, dispatch, ...tableActions.dispatchRead, ...tableActions.recordRuns);

    const worker = new AppFunction(this, 'ScrapeWorker', {
      entry: 'functions/scrape-worker/handler.ts',
      environment: configEnv,
      extraFiles: configFiles,
      memorySize: 512,
      timeout: Duration.minutes(3),
    }).function;
    worker.addEventSource(
      new SqsEventSource(pollQueue, { batchSize: 1, reportBatchItemFailures: true, maxConcurrency: 10 }),
    );
    grantTable(props.table, worker, ...tableActions.read, ...tableActions.ingest);

    // The operator stores the page token in this SecureString parameter (README, "Facebook").
    const facebookTokenParameter = props.facebookTokenParameter ?? defaultParameterNames.facebookToken;
    const facebookEnv: Record<string, string> = props.facebookPageId
      ? { FACEBOOK_PAGE_ID: props.facebookPageId }
      : {};
    const facebookSnapshot = new AppFunction(this, 'FacebookSnapshot', {
      entry: 'functions/facebook-snapshot/handler.ts',
      environment: { ...configEnv, ...facebookEnv, FACEBOOK_TOKEN_PARAMETER: facebookTokenParameter },
      extraFiles: configFiles,
      timeout: Duration.minutes(5),
    }).function;
    grantParameterRead(this, facebookTokenParameter, facebookSnapshot);
    grantTable(props.table, facebookSnapshot, ...tableActions.facebookSnapshot);

    const auth = new DashboardAuth(this, 'Auth', { domainPrefix: props.authDomainPrefix });
    const api = new AppFunction(this, 'Api', {
      entry: 'functions/api/handler.ts',
      environment: {
        ...configEnv,
        ...facebookEnv,
        STATIC_DIR: '/var/task/static',
        AUTH_ISSUER: auth.issuer,
        AUTH_CLIENT_ID: auth.client.userPoolClientId,
        AUTH_DOMAIN: auth.hostedUiBaseUrl,
      },
      extraFiles: {
        ...configFiles,
        'static/vendor/uplot.js': require.resolve('uplot/dist/uPlot.iife.min.js'),
        'static/vendor/uplot.css': require.resolve('uplot/dist/uPlot.min.css'),
        // The outcomes PDF's font (shared/reports/report-fonts.ts looks for `fonts/` beside the code).
        ...Object.fromEntries(
          Object.entries(reportFontFiles).map(([name, source]) => [`fonts/${name}`, require.resolve(source)]),
        ),
      },
      extraDirectories: { static: props.dashboardDir },
      // pdfmake is most of a megabyte that only the outcomes PDF uses (shared/reports/outcomes-pdf.ts).
      sidecarModules: { 'pdf-maker.mjs': 'shared/reports/pdf-maker.ts' },
    }).function;
    grantTable(props.table, api, ...tableActions.read, ...tableActions.review);

    const front = new HttpApiFront(this, 'HttpApi', { handler: api, auth });
    const weeklyDigest = this.weeklyDigest(props, configEnv, configFiles, front.api.apiEndpoint);
    const alerts = new AlertsFunction(this, 'InstantAlerts', {
      table: props.table,
      environment: configEnv,
      extraFiles: configFiles,
      mail: this.mailSettings(props),
      keyParameter: props.alertKeyParameter ?? defaultParameterNames.alertKey,
    });
    alerts.grantSubscriptionManagement(api);
    const schedules = new ScheduledTargets(this, 'Schedules', {
      targets: { dispatch, weeklyDigest, facebookSnapshot, alerts: alerts.function },
    });
    const alarms = new OperationsAlarms(this, 'Alarms', {
      functions: {
        Api: api,
        Dispatch: dispatch,
        ScrapeWorker: worker,
        WeeklyDigest: weeklyDigest,
        FacebookSnapshot: facebookSnapshot,
        Alerts: alerts.function,
      },
      deadLetterQueues: { PollDeadLetters: deadLetters, ScheduleDeadLetters: schedules.deadLetters },
      api: front.api,
      alarmEmails: props.alarmEmails ?? [],
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarms.topic.topicArn });
    new CfnOutput(this, 'DashboardUrl', { value: front.api.apiEndpoint });
    new CfnOutput(this, 'UserPoolId', { value: auth.userPool.userPoolId });
    new CfnOutput(this, 'DeadLetterQueueUrl', { value: deadLetters.queueUrl });
    new CfnOutput(this, 'FacebookTokenParameter', { value: facebookTokenParameter });
    new CfnOutput(this, 'AlertKeyParameter', {
      value: props.alertKeyParameter ?? defaultParameterNames.alertKey,
    });
  }

  /** The digest function: reads the table, records the week, and may send only through the given SES identity. */
  private weeklyDigest(
    props: ServiceStackProps,
    configEnv: Record<string, string>,
    configFiles: Record<string, string>,
    dashboardUrl: string,
  ) {
    const mail = this.mailSettings(props);
    if (!props.mail) {
      Annotations.of(this).addWarning(
        'The digest has no SES identity: deploy with -c digestFrom=… -c sesIdentity=… -c sesConfigurationSet=…',
      );
    }
    const digest = new AppFunction(this, 'WeeklyDigest', {
      entry: 'functions/weekly-digest/handler.ts',
      environment: {
        ...configEnv,
        DIGEST_FILE: '/var/task/config/digest.json',
        DASHBOARD_URL: dashboardUrl,
        MAIL_FROM: mail.from,
        SES_CONFIGURATION_SET: mail.configurationSet,
      },
      extraFiles: { ...configFiles, 'config/digest.json': props.digestFile ?? defaultDigestFile },
      timeout: Duration.minutes(5),
    }).function;
    grantTable(
      props.table,
      digest,
      ...tableActions.read,
      ...tableActions.recordRuns,
      ...tableActions.digestRecords,
    );
    // SendEmail is authorised against both the identity and the configuration set it names.
    digest.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          this.formatArn({ service: 'ses', resource: 'identity', resourceName: mail.identity }),
          this.formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: mail.configurationSet,
          }),
        ],
      }),
    );
    return digest;
  }

  /** The SES settings given, or placeholders (the digest warns at synth). */
  private mailSettings(props: ServiceStackProps): DigestMailSettings {
    return (
      props.mail ?? {
        from: 'digest@example.invalid',
        identity: 'example.invalid',
        configurationSet: 'council-press-tracker',
      }
    );
  }
}

const require = createRequire(import.meta.url);
const defaultDigestFile = fileURLToPath(new URL('../../config/digest.json', import.meta.url));
