// Sign-in: a pasted token locally; Cognito's hosted UI with the authorization code flow and PKCE
// (RFC 7636, S256) in the cloud. The token lives in sessionStorage, so it ends with the tab.

const tokenKey = 'tracker.token';
const pkceKey = 'tracker.pkce';

/** Reads /app-config.json; without one (an older API) the dashboard assumes local tokens. */
export async function loadAuthConfig() {
  try {
    const response = await fetch('/app-config.json', { cache: 'no-store' });
    if (!response.ok) return { mode: 'local' };
    const config = await response.json();
    return config?.auth?.mode === 'cognito' ? config.auth : { mode: 'local' };
  } catch {
    return { mode: 'local' };
  }
}

/** The stored token, or null. */
export function currentToken() {
  return sessionStorage.getItem(tokenKey);
}

/** Keeps a token for this tab. */
export function saveToken(token) {
  sessionStorage.setItem(tokenKey, token.trim());
}

/** Forgets the token. */
export function clearToken() {
  sessionStorage.removeItem(tokenKey);
}

/** Sends the browser to the hosted UI with a fresh verifier and state. */
export async function startCognitoSignIn(config) {
  const verifier = randomString(48);
  const state = randomString(16);
  sessionStorage.setItem(pkceKey, JSON.stringify({ verifier, state }));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri(config),
    scope: 'openid email profile',
    code_challenge_method: 'S256',
    code_challenge: base64Url(new Uint8Array(digest)),
    state,
  });
  location.assign(`${config.domain}/oauth2/authorize?${params}`);
}

/**
 * Finishes a hosted-UI sign-in when the URL carries `code`: checks `state`, swaps the code for tokens
 * and keeps the id token, whose `cognito:groups` claim the API reads. Answers whether it signed in.
 */
export async function completeCognitoSignIn(config) {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  const error = params.get('error');
  if (!code && !error) return false;
  const pending = JSON.parse(sessionStorage.getItem(pkceKey) ?? 'null');
  sessionStorage.removeItem(pkceKey);
  // Drop code and state from the address bar, so a reload or a shared link does not replay them.
  history.replaceState(null, '', location.pathname + location.hash);
  if (error) throw new Error(params.get('error_description') || error);
  if (!pending || pending.state !== params.get('state')) throw new Error('sign-in state mismatch');
  const response = await fetch(`${config.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.clientId,
      code,
      redirect_uri: redirectUri(config),
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
  const tokens = await response.json();
  if (!tokens.id_token) throw new Error('no id token in the answer');
  saveToken(tokens.id_token);
  return true;
}

/** Forgets the token; in Cognito mode also ends the hosted-UI session. */
export function signOut(config) {
  clearToken();
  if (config.mode === 'cognito') {
    const params = new URLSearchParams({ client_id: config.clientId, logout_uri: redirectUri(config) });
    location.assign(`${config.domain}/logout?${params}`);
  } else {
    location.reload();
  }
}

function randomString(bytes) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64Url(bytes) {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The dashboard is served from the API's own origin, so Cognito returns the user to its root. */
function redirectUri(config) {
  return config.redirectUri ?? `${window.location.origin}/`;
}
