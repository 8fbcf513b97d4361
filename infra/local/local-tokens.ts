// Local stand-in for Cognito's tokens: HS256 JWTs carrying `cognito:groups`, signed with a secret
// kept in the local data folder so tokens printed by one start stay valid after a restart.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { jwtVerify, SignJWT } from 'jose';
import type { Role } from '#shared/auth/roles.ts';

const issuer = 'council-press-tracker-local';
const audience = 'council-press-tracker';

/** Signs and verifies local tokens. */
export interface LocalTokenAuthority {
  issue(role: Role, subject?: string): Promise<string>;
  /** The verified claims, or undefined for a missing, expired or forged token. */
  verify(token: string): Promise<Record<string, unknown> | undefined>;
}

/** Loads the secret from `secretFile` (creating it on first use), or uses a fresh one when no file is given. */
export function localTokenAuthority(secretFile?: string): LocalTokenAuthority {
  const secret = secretFile ? loadOrCreateSecret(secretFile) : randomBytes(32);
  return {
    issue: (role, subject = `local-${role}`) =>
      new SignJWT({ 'cognito:groups': [role], email: `${role}@local.test`, 'cognito:username': subject })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(subject)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime('30d')
        .sign(secret),
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, secret, { issuer, audience, algorithms: ['HS256'] });
        return payload as Record<string, unknown>;
      } catch {
        return undefined;
      }
    },
  };
}

function loadOrCreateSecret(file: string): Uint8Array {
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32);
  writeFileSync(file, secret.toString('base64'), { mode: 0o600 });
  return secret;
}
