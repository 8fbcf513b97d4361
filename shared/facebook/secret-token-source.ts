// The page token from Secrets Manager, read at every run so a token the operator replaces is picked
// up without a deploy. The value is never logged; only whether one is set is reported.
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { type TokenSource, tokenFromSecretText } from './facebook-settings.ts';

/** A token source reading the secret `secretId` (name or ARN). */
export function secretTokenSource(secretId: string, client = new SecretsManagerClient({})): TokenSource {
  return async () => {
    const output = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
    return tokenFromSecretText(output.SecretString);
  };
}
