// The alerts function: it reads the table, writes alert records, subscription delivery state and its
// run, may read the webhook key's parameter, and may mail only through the digest's identity.
import { Duration, Stack } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { AppFunction } from './app-function.ts';
import { grantParameterRead } from './secure-parameters.ts';
import { grantTable, tableActions } from './table-grants.ts';

/** What the alerts function is built from. */
export interface AlertsFunctionProps {
  table: TableV2;
  environment: Record<string, string>;
  extraFiles: Record<string, string>;
  /** The SES identity, configuration set and From address the digest uses. */
  mail: { from: string; identity: string; configurationSet: string };
  /** The SecureString parameter whose text keys the seal of webhook addresses. */
  keyParameter: string;
}

/** The alerts function, which may read the parameter that seals webhook addresses. */
export class AlertsFunction extends Construct {
  readonly function: NodejsFunction;
  private readonly keyParameter: string;

  constructor(scope: Construct, id: string, props: AlertsFunctionProps) {
    super(scope, id);
    this.keyParameter = props.keyParameter;
    this.function = new AppFunction(this, 'Alerts', {
      entry: 'functions/alerts/handler.ts',
      environment: {
        ...props.environment,
        ALERT_KEY_PARAMETER: props.keyParameter,
        MAIL_FROM: props.mail.from,
        SES_CONFIGURATION_SET: props.mail.configurationSet,
      },
      extraFiles: props.extraFiles,
      timeout: Duration.minutes(2),
    }).function;
    grantParameterRead(this, props.keyParameter, this.function);
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
    grantParameterRead(this, this.keyParameter, api);
    api.addEnvironment('ALERT_KEY_PARAMETER', this.keyParameter);
  }
}
