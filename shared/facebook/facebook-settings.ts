// Where the Facebook feature finds its page, its token and the Graph API. Locally both come from the
// environment; in the cloud the token is read from a SecureString parameter at each run, so a token the
// operator replaces is used by the next run without a deploy.
import { optionalEnv } from '../config/settings.ts';
import { ConfigError } from '../errors.ts';

/**
 * The Graph API version every request names. Meta keeps a version for at least two years; moving
 * to a newer one is a deliberate change, so it is pinned here and overridable only on purpose.
 * @default 'v26.0'
 */
export const defaultGraphVersion = 'v26.0';

/** The Graph API's public address; tests, the demo and an operator's stand-in override it. */
export const defaultGraphUrl = 'https://graph.facebook.com';

/** The page and the Graph API it is read through. */
export interface FacebookSettings {
  pageId: string;
  graphUrl: string;
  version: string;
}

/** The settings from FACEBOOK_PAGE_ID, FACEBOOK_GRAPH_URL and FACEBOOK_GRAPH_VERSION; undefined when no page is configured. */
export function facebookSettingsFromEnv(): FacebookSettings | undefined {
  const pageId = optionalEnv('FACEBOOK_PAGE_ID');
  if (!pageId) return undefined;
  if (!/^[0-9A-Za-z._-]{1,100}$/.test(pageId)) {
    throw new ConfigError(
      'Environment variable FACEBOOK_PAGE_ID must be a page id (digits) or page username',
    );
  }
  const graphUrl = (optionalEnv('FACEBOOK_GRAPH_URL', defaultGraphUrl) as string).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/?#]+$/.test(graphUrl)) {
    throw new ConfigError(
      'Environment variable FACEBOOK_GRAPH_URL must be an http(s) origin, without a path',
    );
  }
  const version = optionalEnv('FACEBOOK_GRAPH_VERSION', defaultGraphVersion) as string;
  if (!/^v\d+\.\d+$/.test(version)) {
    throw new ConfigError('Environment variable FACEBOOK_GRAPH_VERSION must look like v26.0');
  }
  return { pageId, graphUrl, version };
}

/** Reads the page token when a run needs it; undefined when none is set yet. */
export type TokenSource = () => Promise<string | undefined>;

/** The token from FACEBOOK_PAGE_TOKEN (local runs and the CLI). */
export const envTokenSource: TokenSource = async () => optionalEnv('FACEBOOK_PAGE_TOKEN');

/**
 * Reads a token out of the stored text: the bare token or `{"token": "…"}`. An empty token means the
 * operator has not stored one yet.
 */
export function tokenFromSecretText(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  if (!trimmed.startsWith('{')) return trimmed;
  try {
    const token = (JSON.parse(trimmed) as { token?: unknown }).token;
    return typeof token === 'string' && token.trim() ? token.trim() : undefined;
  } catch {
    throw new ConfigError('The stored Facebook token is neither a token nor {"token": "…"}');
  }
}
