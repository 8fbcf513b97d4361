// Turns what a user asked for into a stored subscription: the webhook address checked, sealed and
// masked, the members checked against the roster, defaults filled in.
import { randomUUID } from 'node:crypto';
import type { Roster } from '../config/roster.ts';
import { ValidationError } from '../errors.ts';
import {
  type AlertChannel,
  type AlertSubscription,
  defaultQuietHours,
  type QuietHours,
} from './alert-subscription.ts';
import { maskWebhookUrl, type WebhookSeal } from './webhook-seal.ts';

/** A channel as the user gives it: the webhook address in clear, once. */
export type ChannelInput =
  | { kind: 'email'; address: string }
  | { kind: 'webhook'; service: 'telegram' | 'slack'; url: string };

/** The fields a user may set. */
export interface SubscriptionInput {
  members: string[];
  channel: ChannelInput;
  quietHours?: QuietHours | null | undefined;
  spikes?: boolean | undefined;
  enabled?: boolean | undefined;
}

/** What building a subscription needs. */
export interface SubscriptionContext {
  roster: Roster;
  seal: WebhookSeal;
  /** Plain http is accepted only where private addresses are allowed (tests, local stand-ins). */
  allowPlainHttp: boolean;
}

/** A new subscription owned by the caller. */
export function newSubscription(
  context: SubscriptionContext,
  input: SubscriptionInput,
  owner: { subject: string; name: string },
  now: Date,
): AlertSubscription {
  const at = now.toISOString();
  return {
    subscriptionId: randomUUID(),
    owner: owner.subject,
    ownerName: owner.name,
    members: checkedMembers(context.roster, input.members),
    channel: sealedChannel(context, input.channel),
    quietHours: input.quietHours === undefined ? defaultQuietHours : input.quietHours,
    spikes: input.spikes ?? true,
    enabled: input.enabled ?? true,
    createdAt: at,
    updatedAt: at,
    delivery: { failures: 0 },
  };
}

/** The subscription with the user's changes; the channel is replaced only when a new one is given. */
export function changedSubscription(
  context: SubscriptionContext,
  current: AlertSubscription,
  input: Partial<SubscriptionInput>,
  now: Date,
): AlertSubscription {
  return {
    ...current,
    ...(input.members ? { members: checkedMembers(context.roster, input.members) } : {}),
    ...(input.channel ? { channel: sealedChannel(context, input.channel), delivery: { failures: 0 } } : {}),
    ...(input.quietHours !== undefined ? { quietHours: input.quietHours } : {}),
    ...(input.spikes !== undefined ? { spikes: input.spikes } : {}),
    ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
    updatedAt: now.toISOString(),
  };
}

function checkedMembers(roster: Roster, members: string[]): string[] {
  const known = new Set([...roster.people, ...roster.organisations].map((entry) => entry.id));
  const unknown = members.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new ValidationError(`members: not in the roster: ${unknown.join(', ')}`);
  return [...new Set(members)];
}

function sealedChannel(context: SubscriptionContext, channel: ChannelInput): AlertChannel {
  if (channel.kind === 'email') return { kind: 'email', address: channel.address.toLowerCase() };
  let url: URL;
  try {
    url = new URL(channel.url);
  } catch {
    throw new ValidationError('channel.url: must be an absolute URL');
  }
  const plainAllowed = context.allowPlainHttp && url.protocol === 'http:';
  if (url.protocol !== 'https:' && !plainAllowed) throw new ValidationError('channel.url: must use https');
  if (url.username || url.password) throw new ValidationError('channel.url: must not carry user credentials');
  if (channel.service === 'telegram' && !url.searchParams.get('chat_id')) {
    throw new ValidationError('channel.url: a Telegram bot URL needs its chat_id parameter');
  }
  return {
    kind: 'webhook',
    service: channel.service,
    sealedUrl: context.seal.seal(url.href),
    maskedUrl: maskWebhookUrl(url.href),
  };
}
