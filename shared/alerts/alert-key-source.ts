// Where the webhook seal's key comes from: Secrets Manager in the cloud (ALERT_KEY_SECRET_ARN names a
// secret of 64 random characters; its SHA-256 is the key), else a key file in the local data folder,
// created on first use.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { optionalEnv } from '../config/settings.ts';
import { ConfigError } from '../errors.ts';
import { type WebhookSeal, webhookSeal } from './webhook-seal.ts';

/** The local key file: TRACKER_DATA_DIR (default `.local`) / alert-key. */
export function localAlertKeyPath(dataDir = optionalEnv('TRACKER_DATA_DIR', '.local') as string): string {
  return join(dataDir, 'alert-key');
}

/** Reads the key file, writing a fresh random key (readable by the owner only) when there is none. */
export function localAlertKey(path = localAlertKeyPath()): Buffer {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
}

/** The seal the environment names: the Secrets Manager secret when ALERT_KEY_SECRET_ARN is set, else the local file. */
export async function alertSealFromEnv(): Promise<WebhookSeal> {
  const secretArn = optionalEnv('ALERT_KEY_SECRET_ARN');
  if (!secretArn) return webhookSeal(localAlertKey(optionalEnv('ALERT_KEY_FILE') ?? localAlertKeyPath()));
  const answer = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: secretArn }));
  if (!answer.SecretString) throw new ConfigError('The alert key secret holds no text');
  // Secrets Manager generates characters, not bytes: hashing 64 of them gives a uniform 32-byte key.
  return webhookSeal(createHash('sha256').update(answer.SecretString.trim()).digest());
}
