// Sends one batch through a subscription's channel: email through the shared mail port, a webhook as
// one JSON POST through the guarded HTTP client. Failures are reported by kind, never with the address.
import { request } from 'undici';
import { AddressRefusedError } from '../feeds/fetch/address-guard.ts';
import { createHttpClient } from '../feeds/fetch/http-client.ts';
import type { MailSender } from '../mail/mail-port.ts';
import { type AlertItem, alertHtml, alertSlackText, alertSubjectLine, alertText } from './alert-message.ts';
import type { AlertSubscription } from './alert-subscription.ts';
import type { WebhookSeal } from './webhook-seal.ts';

/** What delivery needs. */
export interface DeliveryDeps {
  mail: MailSender;
  seal: WebhookSeal;
  /** Addresses or ranges a webhook may reach despite the private-address guard (tests, local stand-ins). */
  allowPrivateAddresses?: readonly string[];
  /** @default 10_000 */
  webhookTimeoutMs?: number;
}

/** A failed delivery; its message is a short kind that holds no address or token. */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
}

/** Sends the batch; rejects with a DeliveryError when the carrier refused it. */
export async function deliverAlerts(
  deps: DeliveryDeps,
  subscription: AlertSubscription,
  items: AlertItem[],
): Promise<void> {
  const { channel } = subscription;
  if (channel.kind === 'email') {
    try {
      await deps.mail.send({
        to: channel.address,
        subject: alertSubjectLine(items),
        html: alertHtml(items),
        text: alertText(items),
      });
    } catch (error) {
      throw new DeliveryError(`mail ${(error as { responseCode?: number }).responseCode ?? 'refused'}`, {
        cause: error,
      });
    }
    return;
  }
  const url = deps.seal.open(channel.sealedUrl);
  const body =
    channel.service === 'slack'
      ? { text: alertSlackText(items) }
      : // Telegram's sendMessage takes the chat in chat_id; plain text needs no parse_mode escaping.
        {
          chat_id: new URL(url).searchParams.get('chat_id'),
          text: `${alertSubjectLine(items)}\n${alertText(items)}`,
          disable_web_page_preview: true,
        };
  await postJson(deps, url, body);
}

async function postJson(deps: DeliveryDeps, url: string, body: unknown): Promise<void> {
  const dispatcher = createHttpClient({ allowPrivateAddresses: deps.allowPrivateAddresses ?? [] });
  try {
    // undici's request (not fetch) so the bundle carries only its core; it follows no redirect.
    const response = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      dispatcher,
      signal: AbortSignal.timeout(deps.webhookTimeoutMs ?? 10_000),
    });
    await response.body.dump();
    if (response.statusCode < 200 || response.statusCode >= 300)
      throw new DeliveryError(`http-status ${response.statusCode}`);
  } catch (error) {
    if (error instanceof DeliveryError) throw error;
    throw new DeliveryError(kindOf(error));
  } finally {
    await dispatcher.close();
  }
}

function kindOf(error: unknown): string {
  const chain: unknown[] = [];
  for (let link = error; link && chain.length < 5; link = (link as { cause?: unknown }).cause)
    chain.push(link);
  if (chain.some((link) => link instanceof AddressRefusedError)) return 'blocked';
  if (chain.some((link) => ['TimeoutError', 'AbortError'].includes((link as Error).name))) return 'timeout';
  return 'network';
}
