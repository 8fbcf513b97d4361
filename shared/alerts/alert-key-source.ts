// Where the webhook seal's key comes from: a SecureString parameter in the cloud (ALERT_KEY_PARAMETER
// names it; the operator stores random text in it and its SHA-256 is the key), else a key file in the
// local data folder, created on first use.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SSMClient } from '@aws-sdk/client-ssm';
import { readSecureParameter } from '../config/secure-parameter.ts';
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

/** Key material shorter than this is refused: 32 random base64 characters carry 192 bits. */
const minimumKeyText = 32;

/** The seal keyed by the SecureString parameter `name` (its text, hashed to 32 bytes). */
export async function parameterAlertSeal(name: string, client?: SSMClient): Promise<WebhookSeal> {
  const text = await readSecureParameter(name, client);
  if (text.length < minimumKeyText) {
    throw new ConfigError(
      `The parameter ${name} holds ${text.length} characters; store at least ${minimumKeyText} random ones (openssl rand -base64 48)`,
    );
  }
  // The operator stores characters, not bytes: hashing them gives a uniform 32-byte key.
  return webhookSeal(createHash('sha256').update(text).digest());
}

/**
 * A seal that refuses every address with `reason`: what the alerts run uses when its key cannot be
 * read, so e-mail channels still go out and each webhook channel records why it failed.
 */
export function unavailableSeal(reason: string): WebhookSeal {
  const refuse = (): never => {
    throw new ConfigError(reason);
  };
  return { seal: refuse, open: refuse };
}

/** The seal the environment names: the parameter when ALERT_KEY_PARAMETER is set, else the local file. */
export async function alertSealFromEnv(): Promise<WebhookSeal> {
  const parameter = optionalEnv('ALERT_KEY_PARAMETER');
  if (parameter) return parameterAlertSeal(parameter);
  return webhookSeal(localAlertKey(optionalEnv('ALERT_KEY_FILE') ?? localAlertKeyPath()));
}
