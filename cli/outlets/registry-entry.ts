// Turns what discovery found into a registry entry an operator can paste into config/outlets.json.
import type { SiteDiscovery } from './feed-discovery.ts';
import { primaryLanguage } from './feed-metadata.ts';

/** An id from the homepage's host: "axar.az" → "axar", "oc-media.org" → "oc-media-org". */
export function outletIdOf(homepage: string): string {
  const host = new URL(homepage).hostname.replace(/^www\./, '');
  const labels = host.split('.');
  const base = labels.length === 2 && labels[1] === 'az' ? (labels[0] ?? host) : labels.join('-');
  return (
    base
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'outlet'
  );
}

/** The registry entry for one discovered site; `on` is the date of the check (YYYY-MM-DD). */
export function registryEntryOf(site: SiteDiscovery, on: string): Record<string, unknown> {
  const page = new URL(site.finalUrl ?? site.homepage);
  const homepage = page.pathname === '/' ? page.origin : page.href;
  const seen = new Set<string>();
  const feeds = site.candidates.filter((c) => {
    const key = c.finalUrl ?? c.url;
    if (!c.ok || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // The address after redirects is the one to poll, so no poll pays for the redirect again.
  const sources = feeds.map((feed) => ({
    type: 'feed',
    url: feed.finalUrl ?? feed.url,
    ...(feed.language ? { language: feed.language } : {}),
    verified:
      `${feed.how === 'advertised' ? 'advertised by the homepage (link rel=alternate)' : `found at a usual path, not advertised`}` +
      ` and parsed as a feed (${feed.items} items) on ${on}` +
      (feed.finalUrl ? `; advertised or tried as ${feed.url}, which redirects here` : '') +
      (feed.language ? '' : '; the feed declares no language'),
  }));
  const fromFeeds = [...new Set(feeds.flatMap((f) => (f.language ? [f.language] : [])))];
  const pageLanguage = primaryLanguage(site.pageLanguage);
  const languages = fromFeeds.length > 0 ? fromFeeds : pageLanguage ? [pageLanguage] : ['az'];
  const languageNote =
    fromFeeds.length > 0
      ? ''
      : pageLanguage
        ? '; languages read from the page'
        : '; no language declared, az assumed';
  return {
    id: outletIdOf(homepage),
    name: site.siteName || page.hostname.replace(/^www\./, ''),
    languages,
    homepage,
    verified:
      (sources.length > 0
        ? `homepage checked on ${on}: ${sources.length} feed(s) parsed`
        : `homepage checked on ${on}: no feed advertised or at the usual paths; listed so coverage is attributed by domain`) +
      languageNote,
    sources,
  };
}
