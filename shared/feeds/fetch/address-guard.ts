// Refuses private, loopback and link-local addresses after DNS resolution, inside the connection,
// so neither a redirect nor DNS rebinding can reach an internal service (miniflux does the same).
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

const privateRanges: [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'], // RFC 6598 carrier-grade NAT
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'], // link-local, including cloud metadata at 169.254.169.254
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['224.0.0.0', 3, 'ipv4'], // multicast and reserved
  // IPv6 prefixes that embed or reach an IPv4 address are refused whole: the IPv4 address inside
  // may be private, and a NAT64 or 6to4 gateway would carry the request to it.
  ['::', 96, 'ipv6'], // unspecified, loopback and IPv4-compatible ::a.b.c.d (RFC 4291 §2.5.5.1)
  ['64:ff9b::', 96, 'ipv6'], // NAT64 well-known prefix (RFC 6052)
  ['64:ff9b:1::', 48, 'ipv6'], // NAT64 local-use prefix (RFC 8215)
  ['2001::', 32, 'ipv6'], // Teredo (RFC 4380)
  ['2002::', 16, 'ipv6'], // 6to4 (RFC 3056)
  ['fc00::', 7, 'ipv6'], // unique local
  ['fe80::', 10, 'ipv6'], // link-local
  ['fec0::', 10, 'ipv6'], // site-local, deprecated (RFC 3879) but still routed inside some networks
  ['ff00::', 8, 'ipv6'], // multicast
];

// The IPv4 part of an IPv4-mapped address (::ffff:0:0/96) in any spelling: the URL parser writes
// every IPv6 address in one canonical form (::ffff:127.0.0.1 and 0:0:0:0:0:ffff:7f00:1 alike).
function mappedIpv4(address: string): string | undefined {
  let canonical: string;
  try {
    canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
  const m = /^::ffff:([\da-f]{1,4}):([\da-f]{1,4})$/.exec(canonical);
  if (!m) return undefined;
  const high = Number.parseInt(m[1] ?? '0', 16);
  const low = Number.parseInt(m[2] ?? '0', 16);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

const blocked = new BlockList();
for (const [net, prefix, type] of privateRanges) blocked.addSubnet(net, prefix, type);

/** Decides whether an address may be connected to. */
export interface AddressGuard {
  allows(address: string): boolean;
}

/** A guard that refuses private addresses except those in `allowed` (addresses or CIDR ranges). */
export function createAddressGuard(allowed: readonly string[] = []): AddressGuard {
  const exceptions = new BlockList();
  for (const entry of allowed) {
    const [net = '', prefix] = entry.split('/');
    const type = isIP(net) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) exceptions.addAddress(net, type);
    else exceptions.addSubnet(net, Number(prefix), type);
  }
  const check = (address: string): boolean => {
    // A zone index (fe80::1%eth0) names an interface, not an address, and the URL parser rejects it.
    const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
    const family = isIP(bare);
    if (family === 0) return false;
    // An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is judged by its IPv4 part.
    const mapped = family === 6 ? mappedIpv4(bare) : undefined;
    if (mapped) return check(mapped);
    const type = family === 6 ? 'ipv6' : 'ipv4';
    return !blocked.check(bare, type) || exceptions.check(bare, type);
  };
  return { allows: check };
}

/** Error raised when the guard refuses a resolved address. */
export class AddressRefusedError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`refused to connect to ${host} (${address}): private, loopback or link-local address`);
    this.name = 'AddressRefusedError';
  }
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** A `dns.lookup` replacement for socket options that fails when any resolved address is refused. */
export function guardedLookup(guard: AddressGuard) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const refused = addresses.find((entry) => !guard.allows(entry.address));
      if (refused) return callback(new AddressRefusedError(hostname, refused.address), []);
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first)
        return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}
