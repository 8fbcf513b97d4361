// One undici Agent per poll whose connector runs the address guard, so every hop of every request
// is checked after DNS resolution and at connect time, redirects included.
import { isIP } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { AddressRefusedError, createAddressGuard, guardedLookup } from './address-guard.ts';

/** Settings of the HTTP client. */
export interface HttpClientOptions {
  /** Addresses or CIDR ranges exempt from the private-address guard (tests allow 127.0.0.0/8). */
  allowPrivateAddresses?: readonly string[];
  /** @default 10_000 */
  connectTimeoutMs?: number;
}

/** Builds the guarded agent; close it when the poll ends. */
export function createHttpClient(options: HttpClientOptions = {}): Agent {
  const guard = createAddressGuard(options.allowPrivateAddresses);
  const base = buildConnector({ timeout: options.connectTimeoutMs ?? 10_000, lookup: guardedLookup(guard) });
  return new Agent({
    // Node skips `lookup` for IP literals, so those are checked here before the socket is opened.
    connect(opts, callback) {
      const host = opts.hostname.replace(/^\[|\]$/g, '');
      if (isIP(host) !== 0 && !guard.allows(host)) {
        callback(new AddressRefusedError(host, host), null);
        return;
      }
      base(opts, callback);
    },
    connections: 2, // matches the per-origin limit of the poller
    keepAliveTimeout: 4_000,
  });
}
