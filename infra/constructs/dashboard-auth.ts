// Cognito for the dashboard: a user pool with the two role groups, a public app client using the
// authorization code flow with PKCE, and the hosted UI domain users sign in through.
import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  CfnUserPoolGroup,
  OAuthScope,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { roles } from '#shared/auth/roles.ts';

/** Options of the auth construct. */
export interface DashboardAuthProps {
  domainPrefix: string;
}

/** The user pool, its groups, the dashboard's client and the hosted UI. */
export class DashboardAuth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: DashboardAuthProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      passwordPolicy: { minLength: 12, requireSymbols: false },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const acknowledge = (id: string, reason: string) =>
      Validations.of(this.userPool).acknowledge({ id, reason });
    acknowledge(
      'AwsSolutions-COG1',
      'Passwords need 12 characters with letters and digits but no forced symbols: NIST SP 800-63B favours length over composition rules.',
    );
    acknowledge(
      'AwsSolutions-COG2',
      'A handful of council staff sign in; MFA is left for the operator to switch on in the pool once staff have authenticator apps.',
    );
    acknowledge(
      'AwsSolutions-COG8',
      'The Plus feature plan (threat protection) is billed per active user and exceeds the budget of a few staff accounts; no self sign-up is allowed.',
    );
    for (const role of roles) {
      new CfnUserPoolGroup(this, `Group-${role}`, { userPoolId: this.userPool.userPoolId, groupName: role });
    }
    // The callback is the dashboard itself; its URL is known only after the API exists, so the client
    // allows a placeholder that HttpApiFront replaces once the endpoint is known.
    this.client = this.userPool.addClient('Dashboard', {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: ['https://localhost/'],
        logoutUrls: ['https://localhost/'],
      },
      preventUserExistenceErrors: true,
    });
    this.domain = this.userPool.addDomain('HostedUi', {
      cognitoDomain: { domainPrefix: props.domainPrefix },
    });
  }

  /** The token issuer the JWT authorizer trusts. */
  get issuer(): string {
    return `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
  }

  /** The hosted UI's base URL. */
  get hostedUiBaseUrl(): string {
    return this.domain.baseUrl();
  }
}
