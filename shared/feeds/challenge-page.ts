// Recognises an anti-bot interstitial served in place of a feed; both the fetcher (by status and
// headers) and the parser (by body) ask, so it belongs to neither.

const header = (headers: Record<string, string | string[] | undefined>, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** True for a Cloudflare-style interstitial ("Just a moment...") rather than the content asked for. */
export function looksLikeChallenge(
  headers: Record<string, string | string[] | undefined>,
  body: string,
): boolean {
  if (header(headers, 'cf-mitigated') === 'challenge') return true;
  return /challenge-platform|cf-browser-verification|<title>\s*(Just a moment|Attention Required|DDoS-Guard)/i.test(
    body,
  );
}
