import { describe, expect, it } from 'vitest';
import { loadDigestConfig, parseDigestConfig } from '#shared/config/digest-recipients.ts';
import { loadRoster, resolveRosterPath } from '#shared/config/roster.ts';

const roster = loadRoster(resolveRosterPath());
const parse = (value: unknown) => parseDigestConfig(value, 'digest.json', roster);

describe('parseDigestConfig', () => {
  it('accepts readers with a language, following every member unless told otherwise', () => {
    const config = parse({
      recipients: [
        { address: 'press@council.example', language: 'az' },
        { address: 'board@council.example', language: 'en', members: ['azer-allahveranov'] },
      ],
    });
    expect(config.recipients[0]?.members).toBeUndefined();
    expect(config.recipients[1]?.members).toEqual(['azer-allahveranov']);
  });

  it.each([
    [
      { recipients: [{ address: 'not-an-address', language: 'az' }] },
      /^digest\.json: recipients\[0\]\.address: must be an e-mail address/,
    ],
    [
      { recipients: [{ address: 'a@b.example', language: 'de' }] },
      /recipients\[0\]\.language: must be one of az, en, ru/,
    ],
    [
      { recipients: [{ address: 'a@b.example', language: 'az', members: [] }] },
      /recipients\[0\]\.members: must list at least one member/,
    ],
    [
      { recipients: [{ address: 'a@b.example', language: 'az', members: ['nobody'] }] },
      /recipients\[0\]\.members\[0\]: "nobody" is not in the roster/,
    ],
    [
      {
        recipients: [
          { address: 'a@b.example', language: 'az' },
          { address: 'A@B.example', language: 'en' },
        ],
      },
      /recipients\[1\]\.address: duplicate address "a@b\.example"/,
    ],
    [
      { recipients: [{ address: 'a@b.example', language: 'az', extra: 1 }] },
      /recipients\[0\]: Unrecognized key/,
    ],
    [{}, /recipients: /],
  ])('refuses %j with the file, field and reason', (value, message) => {
    expect(() => parse(value)).toThrow(message);
  });

  it('names the file when it is missing', () => {
    expect(() => loadDigestConfig('/nonexistent/digest.json', roster)).toThrow(
      /^\/nonexistent\/digest\.json: cannot read the recipients file/,
    );
  });
});
