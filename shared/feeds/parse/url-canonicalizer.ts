// Canonical absolute article URLs, so one article keeps one identity however it was linked.

// Click-tracking parameters that never change the page (Google, Facebook, Yandex, Mailchimp, HubSpot).
const trackingParam =
  /^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|yclid|ysclid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|igshid)$/i;

/**
 * Resolves `href` against `base` and canonicalises it: http(s) only, host lower-cased (URL does it),
 * default port and fragment dropped, tracking parameters removed; null when it is not a web URL.
 */
export function canonicalUrl(href: string | undefined | null, base?: string): string | null {
  const trimmed = href?.trim();
  if (!trimmed) return null;
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) {
    if (trackingParam.test(key)) url.searchParams.delete(key);
  }
  return url.href;
}
