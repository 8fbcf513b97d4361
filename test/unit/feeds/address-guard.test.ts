import { describe, expect, it } from 'vitest';
import { createAddressGuard } from '#shared/feeds/fetch/address-guard.ts';

describe('createAddressGuard', () => {
  it.each([
    ['IPv4 loopback', '127.0.0.1'],
    ['IPv4 private', '10.1.2.3'],
    ['IPv4 link-local (cloud metadata)', '169.254.169.254'],
    ['IPv4 private /16', '192.168.0.1'],
    ['IPv4 carrier-grade NAT', '100.64.0.1'],
    ['IPv6 unspecified', '::'],
    ['IPv6 loopback', '::1'],
    ['IPv6 loopback in brackets', '[::1]'],
    ['IPv6 link-local', 'fe80::1'],
    ['IPv6 link-local with a zone index', 'fe80::1%eth0'],
    ['IPv6 unique local', 'fd00::1'],
    ['IPv6 site-local', 'fec0::1'],
    ['IPv6 multicast', 'ff02::1'],
    ['IPv4-mapped loopback, dotted', '::ffff:127.0.0.1'],
    ['IPv4-mapped loopback, hex', '::ffff:7f00:1'],
    ['IPv4-mapped loopback, written out', '0:0:0:0:0:ffff:7f00:1'],
    ['IPv4-mapped metadata address', '::ffff:a9fe:a9fe'],
    ['IPv4-compatible loopback', '::7f00:1'],
    ['IPv4-compatible loopback, dotted', '::127.0.0.1'],
    ['IPv4-compatible public address', '::5db8:d822'],
    ['NAT64 to loopback', '64:ff9b::7f00:1'],
    ['NAT64 to a private address, dotted', '64:ff9b::10.0.0.1'],
    ['NAT64 local-use prefix', '64:ff9b:1::7f00:1'],
    ['6to4 of loopback', '2002:7f00:1::'],
    ['6to4 of a private address', '2002:c0a8:1::1'],
    ['Teredo', '2001:0:4136:e378:8000:63bf:3fff:fdd2'],
    ['not an address', 'localhost'],
  ])('refuses %s (%s) by default', (_name, address) => {
    // Act
    const allowed = createAddressGuard().allows(address);

    // Assert
    expect(allowed).toBe(false);
  });

  it.each([
    ['a public IPv4 address', '93.184.216.34'],
    ['a public IPv6 address', '2a00:1450:4001:80b::200e'],
    ['an IPv4-mapped public address', '::ffff:93.184.216.34'],
    ['an IPv4-mapped public address in hex', '::ffff:5db8:d822'],
  ])('allows %s (%s)', (_name, address) => {
    expect(createAddressGuard().allows(address)).toBe(true);
  });

  it('allows configured ranges and addresses, IPv4-mapped spellings included', () => {
    // Arrange
    const guard = createAddressGuard(['127.0.0.0/8', '10.0.0.5']);

    // Act, Assert
    expect(guard.allows('93.184.216.34')).toBe(true);
    expect(guard.allows('127.0.0.2')).toBe(true);
    expect(guard.allows('::ffff:7f00:2')).toBe(true);
    expect(guard.allows('10.0.0.5')).toBe(true);
    expect(guard.allows('10.0.0.6')).toBe(false);
    expect(guard.allows('::7f00:1')).toBe(false);
  });
});
