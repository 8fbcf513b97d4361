// An alert subscription as the rest of the code sees it: who asked, about which roster entries, through
// which channel, and when to keep quiet. A webhook address is only ever held encrypted or masked.

/** Where an alert goes: an email address (the digest's mail path) or a chat webhook. */
export type AlertChannel =
  | { kind: 'email'; address: string }
  | { kind: 'webhook'; service: 'telegram' | 'slack'; sealedUrl: string; maskedUrl: string };

/** Local Baku times (`HH:MM`) between which alerts wait; `start` after `end` spans midnight. */
export interface QuietHours {
  start: string;
  end: string;
}

/** How the last delivery through the subscription's channel went, for /api/status. */
export interface DeliveryState {
  lastSuccessAt?: string;
  lastFailureAt?: string;
  /** A short, secret-free reason such as `http-status 500` or `network`. */
  lastError?: string;
  /** Failed deliveries since the last success. */
  failures: number;
  /** When the next attempt is due, while alerts wait for a retry. */
  nextRetryAt?: string;
}

/** One stored subscription. */
export interface AlertSubscription {
  subscriptionId: string;
  /** The signed-in user who owns it (their token subject) and their display name. */
  owner: string;
  ownerName: string;
  /** Roster ids (people, or the council itself). */
  members: string[];
  channel: AlertChannel;
  /** Null turns quiet hours off. */
  quietHours: QuietHours | null;
  /** Also alert when a member's day is a spike. */
  spikes: boolean;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
  delivery: DeliveryState;
}

/** Quiet hours of a new subscription: the night in Baku. */
export const defaultQuietHours: QuietHours = { start: '22:00', end: '08:00' };

/** The subscription as the API shows it: the webhook's sealed address never leaves the store. */
export function publicSubscription(subscription: AlertSubscription) {
  const { channel, ...rest } = subscription;
  return {
    ...rest,
    channel:
      channel.kind === 'email'
        ? channel
        : { kind: channel.kind, service: channel.service, maskedUrl: channel.maskedUrl },
  };
}
