// Classifying Graph API failures and reading the usage headers, from the documented shapes.
import { describe, expect, it } from 'vitest';
import { tokenFromSecretText } from '#shared/facebook/facebook-settings.ts';
import { graphErrorFrom, readUsage } from '#shared/facebook/graph-errors.ts';

const body = (code: number, message = 'x', subcode?: number) => ({
  error: { message, type: 'OAuthException', code, error_subcode: subcode, fbtrace_id: 'AbC' },
});

describe('graphErrorFrom', () => {
  it.each([
    [400, body(190, 'Error validating access token', 463), 'token-rejected'],
    [400, body(4), 'rate-limited'],
    [400, body(17), 'rate-limited'],
    [400, body(32), 'rate-limited'],
    [400, body(613), 'rate-limited'],
    [400, body(80001), 'rate-limited'],
    [429, undefined, 'rate-limited'],
    [400, body(100, '(#100) The value must be a valid insights metric'), 'invalid-metric'],
    [500, body(2, 'An unexpected error has occurred'), 'transient'],
    [503, undefined, 'transient'],
    [400, body(803, 'Some of the aliases you requested do not exist'), 'other'],
  ])('reads HTTP %i with %j as %s', (status, answer, kind) => {
    expect(graphErrorFrom(status, answer, new Headers()).kind).toBe(kind);
  });

  it('keeps the code, subcode and trace id, and the regain estimate of a rate limit', () => {
    // Arrange
    const headers = new Headers({
      'x-business-use-case-usage': JSON.stringify({
        '123': [
          {
            type: 'pages',
            call_count: 100,
            total_cputime: 5,
            total_time: 5,
            estimated_time_to_regain_access: 7,
          },
        ],
      }),
    });

    // Act
    const error = graphErrorFrom(400, body(80001, 'limit', 2446079), headers);

    // Assert
    expect(error).toMatchObject({ code: 80001, subcode: 2446079, traceId: 'AbC', retryAfterMs: 7 * 60_000 });
  });
});

describe('readUsage', () => {
  it('takes the highest percentage of X-App-Usage and the business header, ignoring malformed ones', () => {
    // Arrange
    const headers = new Headers({
      'x-app-usage': JSON.stringify({ call_count: 12, total_cputime: 96, total_time: 40 }),
      'x-page-usage': 'not json',
    });

    // Act / Assert
    expect(readUsage(headers)).toEqual({ highestPercent: 96, regainAccessMs: undefined });
    expect(readUsage(new Headers())).toEqual({ highestPercent: 0, regainAccessMs: undefined });
  });
});

describe('tokenFromSecretText', () => {
  it('reads {"token"}, a bare token, and treats an unfilled secret as no token', () => {
    expect(tokenFromSecretText('{"token":"EAAB123","placeholder":"zz"}')).toBe('EAAB123');
    expect(tokenFromSecretText(' EAAB456 \n')).toBe('EAAB456');
    expect(tokenFromSecretText('{"token":"","placeholder":"zz"}')).toBeUndefined();
    expect(tokenFromSecretText(undefined)).toBeUndefined();
    expect(() => tokenFromSecretText('{broken')).toThrow(/neither a token nor/);
  });
});
