// The two secrets the functions read, kept as SSM SecureString parameters that the operator creates
// (CloudFormation cannot create a SecureString): standard parameters cost nothing, where a Secrets
// Manager secret costs $0.40 a month, and neither value is one AWS could rotate.

import { Stack } from 'aws-cdk-lib';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';

/** The parameter names used unless the deploy names others (context `facebookTokenParameter`, `alertKeyParameter`). */
export const defaultParameterNames = {
  facebookToken: '/council-press-tracker/facebook-page-token',
  alertKey: '/council-press-tracker/webhook-key',
} as const;

/** The ARN of the parameter `name` in the scope's account and region. */
export function parameterArn(scope: Construct, name: string): string {
  return Stack.of(scope).formatArn({
    service: 'ssm',
    resource: 'parameter',
    resourceName: name.replace(/^\//, ''),
  });
}

/**
 * ssm:GetParameter on one parameter, nothing more. Values encrypted with the AWS managed key aws/ssm
 * may be decrypted by any principal of the account that may read the parameter, so no KMS grant.
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/ps-restrict-decryption.html
 */
export function grantParameterRead(scope: Construct, name: string, grantee: IGrantable): void {
  Grant.addToPrincipal({ grantee, actions: ['ssm:GetParameter'], resourceArns: [parameterArn(scope, name)] });
}
