// Outlet identity on the web: the registrable domain (eTLD+1 from the Public Suffix List, through
// tldts), so www., language subdomains and editions (en.trend.az, az.trend.az) are one outlet.
import { getDomain } from 'tldts';
import type { Outlet, OutletRegistry } from '../config/outlets.ts';

/** The registrable domain of a URL or host name, or undefined for IPs, bare suffixes and junk. */
export function registrableDomain(urlOrHost: string | null | undefined): string | undefined {
  if (!urlOrHost) return undefined;
  // Loopback stand-ins are addressed by IP; their hosts carry no public suffix, so none is returned.
  const domain = getDomain(urlOrHost, { allowPrivateDomains: false });
  return domain ?? undefined;
}

/** Where an item was attributed: a registered outlet, or a domain nobody registered. */
export type Attribution =
  | { kind: 'registered'; outlet: Outlet; domain: string }
  | { kind: 'discovered'; domain: string };

/** Attributes URLs to outlets by registrable domain, built once per registry. */
export interface OutletAttributor {
  attribute(url: string | null | undefined): Attribution | undefined;
  /** The registrable domain of a registered outlet's homepage. */
  domainOf(outletId: string): string | undefined;
}

/** Builds an attributor over the registry; the first outlet listed wins a shared domain. */
export function createAttributor(registry: Pick<OutletRegistry, 'outlets'>): OutletAttributor {
  const byDomain = new Map<string, Outlet>();
  const domainById = new Map<string, string>();
  for (const outlet of registry.outlets) {
    const domain = registrableDomain(outlet.homepage);
    if (!domain) continue;
    domainById.set(outlet.id, domain);
    if (!byDomain.has(domain)) byDomain.set(domain, outlet);
  }
  return {
    attribute(url) {
      const domain = registrableDomain(url);
      if (!domain) return undefined;
      const outlet = byDomain.get(domain);
      return outlet ? { kind: 'registered', outlet, domain } : { kind: 'discovered', domain };
    },
    domainOf: (outletId) => domainById.get(outletId),
  };
}
