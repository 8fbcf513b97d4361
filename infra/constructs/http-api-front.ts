// The HTTP API in front of the API function: /api/health is open, every other /api/* route passes
// the Cognito JWT authorizer first, and the dashboard's static files are public.
import { Fn, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { type CfnStage, HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { CfnUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { DashboardAuth } from './dashboard-auth.ts';

/** Options of the API front. */
export interface HttpApiFrontProps {
  handler: IFunction;
  auth: DashboardAuth;
}

/** The HTTP API and its routes. */
export class HttpApiFront extends Construct {
  readonly api: HttpApi;

  constructor(scope: Construct, id: string, props: HttpApiFrontProps) {
    super(scope, id);
    const integration = new HttpLambdaIntegration('Api', props.handler);
    const authorizer = new HttpJwtAuthorizer('Cognito', props.auth.issuer, {
      jwtAudience: [props.auth.client.userPoolClientId],
    });
    // The dashboard is served from the API's own origin, so no cross-origin access is granted.
    this.api = new HttpApi(this, 'Api', { description: 'Council press tracker API and dashboard' });
    this.api.addRoutes({ path: '/api/health', methods: [HttpMethod.GET], integration });
    this.api.addRoutes({ path: '/api/{proxy+}', methods: [HttpMethod.ANY], integration, authorizer });
    this.api.addRoutes({ path: '/', methods: [HttpMethod.GET], integration });
    this.api.addRoutes({ path: '/{proxy+}', methods: [HttpMethod.GET], integration });
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Only the health check and the dashboard files are public by design (the dashboard signs in through the hosted UI); every other /api route has the JWT authorizer.',
    });
    this.logAccess();

    // The hosted UI returns to the dashboard at the API's own URL.
    const client = props.auth.client.node.defaultChild as CfnUserPoolClient;
    const dashboardUrl = Fn.join('', [this.api.apiEndpoint, '/']);
    client.callbackUrLs = [dashboardUrl as unknown as string];
    client.logoutUrLs = [dashboardUrl as unknown as string];
  }

  /** One access log line per request, kept as long as the functions' logs. */
  private logAccess(): void {
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const stage = this.api.defaultStage?.node.defaultChild as CfnStage;
    // Fields from the HTTP API access-log variables; no query strings or headers, which may carry tokens.
    stage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({
        requestId: '$context.requestId',
        time: '$context.requestTime',
        method: '$context.httpMethod',
        route: '$context.routeKey',
        status: '$context.status',
        latencyMs: '$context.responseLatency',
        ip: '$context.identity.sourceIp',
      }),
    };
  }
}
