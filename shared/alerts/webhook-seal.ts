// Webhook addresses carry their credential (a bot token, a Slack hook path), so they are stored sealed
// with AES-256-GCM (NIST SP 800-38D: a fresh 96-bit nonce per message, a 128-bit tag) and shown masked.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ConfigError } from '../errors.ts';

const algorithm = 'aes-256-gcm';
const version = 'v1';

/** Seals and opens webhook addresses with one 32-byte key. */
export interface WebhookSeal {
  seal(plain: string): string;
  open(sealed: string): string;
}

/** A seal over a 32-byte key. */
export function webhookSeal(key: Buffer): WebhookSeal {
  if (key.length !== 32) throw new ConfigError('The alert key must be 32 bytes (base64 of 32 random bytes)');
  return {
    seal(plain) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv(algorithm, key, nonce);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const parts = [nonce, cipher.getAuthTag(), body].map((part) => part.toString('base64url'));
      return [version, ...parts].join('.');
    },
    open(sealed) {
      const [tag, nonce, authTag, body] = sealed.split('.');
      if (tag !== version || !nonce || !authTag || body === undefined) {
        throw new ConfigError('A sealed webhook address is malformed');
      }
      const decipher = createDecipheriv(algorithm, key, Buffer.from(nonce, 'base64url'));
      decipher.setAuthTag(Buffer.from(authTag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}

/** The address as it may be shown: scheme and host, the path and query hidden but for their last 4 characters. */
export function maskWebhookUrl(url: string): string {
  const parsed = new URL(url);
  const rest = `${parsed.pathname}${parsed.search}`;
  return `${parsed.protocol}//${parsed.host}/…${rest.length > 12 ? rest.slice(-4) : ''}`;
}
