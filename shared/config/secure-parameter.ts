// Secrets the operator keeps in SSM Parameter Store as SecureString parameters (the Facebook page
// token, the key that seals webhook addresses). Standard parameters cost nothing to keep or read, where
// a Secrets Manager secret costs $0.40 a month; neither value can be rotated by AWS, so rotation, the
// one thing Secrets Manager would add, is of no use here. The values are never logged.
// https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html
import { GetParameterCommand, ParameterNotFound, SSMClient } from '@aws-sdk/client-ssm';
import { ConfigError } from '../errors.ts';

/** The command that stores a parameter, for error messages and the README. */
export const putParameterHint = (name: string): string =>
  `aws ssm put-parameter --type SecureString --overwrite --name ${name} --value '…'`;

/** Reads and decrypts the SecureString parameter `name`; a missing or empty one is a ConfigError. */
export async function readSecureParameter(name: string, client?: SSMClient): Promise<string> {
  const value = await readOptionalSecureParameter(name, client);
  if (value === undefined) {
    throw new ConfigError(
      `The parameter ${name} is missing or empty; store it with: ${putParameterHint(name)}`,
    );
  }
  return value;
}

/** Reads and decrypts the SecureString parameter `name`; undefined when it does not exist or is empty. */
export async function readOptionalSecureParameter(
  name: string,
  client = new SSMClient({}),
): Promise<string | undefined> {
  try {
    const answer = await client.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
    return answer.Parameter?.Value?.trim() || undefined;
  } catch (error) {
    if (error instanceof ParameterNotFound) return undefined;
    throw error;
  }
}
