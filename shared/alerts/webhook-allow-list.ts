// Webhooks go through the private-address guard like every configured URL; only an operator's
// explicit setting lets them reach a private address (a local stand-in, a test receiver).
import { optionalEnv } from '../config/settings.ts';

/** Addresses from ALERT_WEBHOOK_ALLOW_PRIVATE (comma-separated addresses or CIDR ranges; empty by default). */
export function webhookAllowListFromEnv(): string[] {
  return (optionalEnv('ALERT_WEBHOOK_ALLOW_PRIVATE') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}
