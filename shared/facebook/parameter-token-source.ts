// The page token from a SecureString parameter, read at every run so a token the operator replaces is
// picked up without a deploy. The value is never logged; only whether one is set is reported.
import type { SSMClient } from '@aws-sdk/client-ssm';
import { readOptionalSecureParameter } from '../config/secure-parameter.ts';
import { type TokenSource, tokenFromSecretText } from './facebook-settings.ts';

/**
 * A token source reading the parameter `name`: the token itself, or {"token": "…"}. Until the operator
 * creates the parameter there is no token, which the snapshot reports as such rather than failing.
 */
export function parameterTokenSource(name: string, client?: SSMClient): TokenSource {
  return async () => tokenFromSecretText(await readOptionalSecureParameter(name, client));
}
