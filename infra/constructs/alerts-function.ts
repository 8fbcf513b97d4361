// The alerts function with its key secret: it reads the table, writes alert records, subscription
// delivery state and its run, may open the webhook key, and may mail only through the digest's identity.
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { AppFunction } from './app-function.ts';
import { grantTable, tableActions } from './table-grants.ts';

/** What the alerts function is built from. */
export interface AlertsFunctionProps {
  table: TableV2;
  environment: Record<string, string>;
  extraFiles: Record<string, string>;
  /** The SES identity, configuration set and From address the digest uses. */
  mail: { from: string; identity: string; configurationSet: string };
}

/** The alerts function and the secret that seals webhook addresses. */
export class AlertsFunction extends Construct {
  readonly function: NodejsFunction;
  readonly keySecret: Secret;

  constructor(scope: Construct, id: string, props: AlertsFunctionProps) {
    super(scope, id);
    this.keySecret = new Secret(this, 'WebhookKey', {
      description: 'Key material that seals alert webhook addresses (its SHA-256 is the AES-256-GCM key)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    Validations.of(this.keySecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating the key would make every sealed webhook address unreadable; it is random, read only by the alerts function and the API, and never leaves them.',
    });
    this.function = new AppFunction(this, 'Alerts', {
      entry: 'functions/alerts/handler.ts',
      environment: {
        ...props.environment,
        ALERT_KEY_SECRET_ARN: this.keySecret.secretArn,
        MAIL_FROM: props.mail.from,
        SES_CONFIGURATION_SET: props.mail.configurationSet,
      },
      extraFiles: props.extraFiles,
      timeout: Duration.minutes(2),
    }).function;
    grantSecretValue(this.keySecret, this.function);
    grantTable(props.table, this.function, ...tableActions.read, ...tableActions.alertRecords);
    const stack = Stack.of(this);
    this.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          stack.formatArn({ service: 'ses', resource: 'identity', resourceName: props.mail.identity }),
          stack.formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: props.mail.configurationSet,
          }),
        ],
      }),
    );
  }

  /**
   * Lets the API seal the addresses of new subscriptions. Its table grant (put and update, for
   * reviews) already covers subscriptions, which are deleted by marking and the table's TTL.
   */
  grantSubscriptionManagement(api: IGrantable & { addEnvironment(key: string, value: string): unknown }) {
    grantSecretValue(this.keySecret, api);
    api.addEnvironment('ALERT_KEY_SECRET_ARN', this.keySecret.secretArn);
  }
}

/** GetSecretValue only: grantRead would add DescribeSecret, which neither reader calls. */
function grantSecretValue(secret: Secret, grantee: IGrantable) {
  Grant.addToPrincipal({
    grantee,
    actions: ['secretsmanager:GetSecretValue'],
    resourceArns: [secret.secretArn],
  });
}
