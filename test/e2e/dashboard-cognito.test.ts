// Cognito sign-in in the dashboard: the authorization code flow with PKCE (RFC 7636, S256) against a
// stand-in hosted UI served by Playwright's request routing; the "id token" is a local one the API accepts.
import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, type WatchedPage } from '../helpers/browser.ts';
import { startTestApi } from '../helpers/local-api.ts';

const domain = 'https://council-test.auth.eu-central-1.amazoncognito.com';
const clientId = 'dashboard-test-client';

let api: Awaited<ReturnType<typeof startTestApi>>;
let browser: Browser;
let watched: WatchedPage;
let idToken: string;
/** What the stand-in hosted UI saw. */
const seen: { authorize?: URL; token?: URLSearchParams; logout?: URL } = {};

beforeAll(async () => {
  // The API answers /app-config.json in Cognito mode, as the deployed function does.
  api = await startTestApi({ auth: { mode: 'cognito', domain, clientId } });
  browser = await launchBrowser();
  watched = await openPage(browser, api.url);
  const redirectUri = `${api.url}/`;
  idToken = await api.tokens.issue('pr-staff', 'cognito-user');
  const { context } = watched;
  await context.route(`${domain}/oauth2/authorize**`, (route) => {
    const url = new URL(route.request().url());
    seen.authorize = url;
    const back = new URL(redirectUri);
    back.searchParams.set('code', 'authorization-code-1');
    back.searchParams.set('state', url.searchParams.get('state') ?? '');
    return route.fulfill({ status: 302, headers: { location: back.href } });
  });
  await context.route(`${domain}/oauth2/token`, (route) => {
    seen.token = new URLSearchParams(route.request().postData() ?? '');
    return route.fulfill({
      json: { id_token: idToken, access_token: 'unused', token_type: 'Bearer', expires_in: 3600 },
      headers: { 'access-control-allow-origin': new URL(api.url).origin },
    });
  });
  await context.route(`${domain}/logout**`, (route) => {
    seen.logout = new URL(route.request().url());
    return route.fulfill({ contentType: 'text/html', body: '<p>Signed out</p>' });
  });
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe('dashboard with Cognito sign-in', () => {
  it('signs in through the hosted UI with PKCE and keeps the id token', async () => {
    // Arrange
    const { page } = watched;
    await page.goto('/');

    // Act
    await page.getByTestId('cognito-sign-in').click();
    await page.locator('[data-testid="overview"][data-state="ready"]').waitFor();

    // Assert
    const authorize = seen.authorize as URL;
    expect(authorize.searchParams.get('response_type')).toBe('code');
    expect(authorize.searchParams.get('client_id')).toBe(clientId);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${api.url}/`);
    const token = seen.token as URLSearchParams;
    expect(token.get('grant_type')).toBe('authorization_code');
    expect(token.get('code')).toBe('authorization-code-1');
    const verifier = token.get('code_verifier') ?? '';
    expect(verifier.length).toBeGreaterThanOrEqual(43);
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(
      authorize.searchParams.get('code_challenge'),
    );
    expect(page.url()).toBe(`${api.url}/`);
    expect(await page.getByTestId('caller').textContent()).toContain('PR staff');
    expect(await page.evaluate(() => sessionStorage.getItem('tracker.token'))).toBe(idToken);
  });

  it('signs out through the hosted UI logout endpoint', async () => {
    // Act
    await watched.page.getByTestId('sign-out').click();
    await watched.page.waitForURL(`${domain}/logout**`);

    // Assert
    const logout = seen.logout as URL;
    expect(logout.searchParams.get('client_id')).toBe(clientId);
    expect(logout.searchParams.get('logout_uri')).toBe(`${api.url}/`);
  });

  it('ran without script errors or Content-Security-Policy violations', () => {
    expect(watched.cspViolations).toEqual([]);
    expect(watched.problems).toEqual([]);
  });
});
