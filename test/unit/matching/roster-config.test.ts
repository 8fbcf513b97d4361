// The roster file: the documented shape loads, and a broken file is refused with file, path and reason.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultRosterPath, loadRoster, parseRoster, resolveRosterPath } from '#shared/config/roster.ts';
import { ConfigError } from '#shared/errors.ts';

describe('parseRoster', () => {
  it('accepts the shape of the issue with only id and names required', () => {
    const roster = parseRoster(
      { people: [{ id: 'azer-allahveranov', names: { az: 'Azər Allahverənov' } }], organisations: [] },
      'inline',
    );

    expect(roster.people[0]).toMatchObject({ surnameAlone: false, aliases: [], requires: [], excludes: [] });
  });

  it('accepts the optional namesake facts commonName, born and patronymic', () => {
    const roster = parseRoster(
      {
        people: [
          { id: 'x', names: { az: 'Sahib Məmmədov' }, commonName: true, born: 1975, patronymic: 'Malik' },
        ],
      },
      'inline',
    );

    expect(roster.people[0]).toMatchObject({ commonName: true, born: 1975, patronymic: 'Malik' });
  });

  it.each([
    [{ people: [{ id: 'x', names: { en: 'A B' }, born: 'long ago' }] }, 'roster.json: people[0].born:'],
    [{ people: [{ id: 'x', names: { en: 'A B' }, born: 1850 }] }, 'roster.json: people[0].born:'],
    [
      { people: [{ id: 'x', names: { en: 'A B' }, commonName: 'yes' }] },
      'roster.json: people[0].commonName:',
    ],
    [{ people: [{ id: 'x', names: { en: 'A B' }, patronymic: ' ' }] }, 'roster.json: people[0].patronymic:'],
    [{ people: [{ id: 'x', names: {} }] }, 'roster.json: people[0].names: needs at least one of en, az, ru'],
    [{ people: [{ id: 'Bad Id', names: { en: 'A B' } }] }, 'roster.json: people[0].id: must be lower-case'],
    [
      { people: [{ id: 'x', names: { en: 'A B' }, surnameAlone: 'yes' }] },
      'roster.json: people[0].surnameAlone:',
    ],
    [{ people: [{ id: 'x', names: { en: 'A B' }, surname_alone: true }] }, 'roster.json: people[0]:'],
    [
      { people: [{ id: 'x', names: { en: 'A' } }], organisations: [{ id: 'x', names: { en: 'B' } }] },
      'organisations[0].id: duplicate id "x"',
    ],
  ])('refuses %j naming the file, field and reason', (value, message) => {
    expect(() => parseRoster(value, 'roster.json')).toThrow(ConfigError);
    expect(() => parseRoster(value, 'roster.json')).toThrow(message);
  });
});

describe('loadRoster', () => {
  it('loads the shipped default roster', () => {
    const roster = loadRoster(defaultRosterPath);

    expect(roster.people.map((p) => p.id)).toContain('azer-allahveranov');
    expect(roster.organisations.map((o) => o.id)).toEqual(['public-council-sms']);
  });

  it('names the file when it is not valid JSON', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'roster-')), 'roster.json');
    writeFileSync(file, '{ "people": [');

    expect(() => loadRoster(file)).toThrow(`${file}: not valid JSON`);
  });
});

describe('resolveRosterPath', () => {
  const saved = process.env.ROSTER_FILE;
  afterEach(() => {
    if (saved === undefined) delete process.env.ROSTER_FILE;
    else process.env.ROSTER_FILE = saved;
  });

  it('prefers the flag, then ROSTER_FILE, then the default', () => {
    process.env.ROSTER_FILE = '/tmp/env-roster.json';

    expect(resolveRosterPath('/tmp/flag-roster.json')).toBe('/tmp/flag-roster.json');
    expect(resolveRosterPath()).toBe('/tmp/env-roster.json');
    delete process.env.ROSTER_FILE;
    expect(resolveRosterPath()).toBe(defaultRosterPath);
  });
});
