// What each mention rests on, and the council written with any connector to its parent body.
import { describe, expect, it } from 'vitest';
import { defaultRosterPath, loadRoster, parseRoster } from '#shared/config/roster.ts';
import { compileMatcher } from '#shared/matching/index.ts';

const roster = loadRoster(defaultRosterPath);
const matcher = compileMatcher(roster);
const evidence = (text: string): string[] =>
  matcher.match(text).map((hit) => `${hit.entityId}=${hit.surface}:${hit.evidence}`);

describe('mention evidence', () => {
  it.each([
    ['a full name', 'Sahib Mammadov spoke.', ['sahib-mammadov=Sahib Mammadov:full-name']],
    ['a surname-first name', 'Məmmədov Sahib danışıb.', ['sahib-mammadov=Məmmədov Sahib:full-name']],
    ['a distinctive surname alone', 'Allahverənov danışıb.', ['azer-allahveranov=Allahverənov:surname']],
    [
      'an initial with a distinctive surname',
      'A. Allahveranov spoke.',
      ['azer-allahveranov=A. Allahveranov:surname'],
    ],
    [
      'an initial tied by a role term',
      'S. Mammadov of the State Migration Service spoke',
      ['sahib-mammadov=S. Mammadov:initial-role'],
    ],
    [
      'an initial tied by the full name earlier',
      'Sahib Mammadov spoke. Later S. Mammadov added a remark.',
      ['sahib-mammadov=Sahib Mammadov:full-name', 'sahib-mammadov=S. Mammadov:initial-full-name'],
    ],
    [
      'an organisation name',
      'The SMS Public Council met.',
      ['public-council-sms=SMS Public Council:full-name'],
    ],
  ])('records %s', (_rule, text, expected) => {
    expect(evidence(text)).toEqual(expected);
  });

  it('records a one-word alias', () => {
    const aliased = compileMatcher(
      parseRoster({ people: [{ id: 'x', names: { en: 'Xan Yusif' }, aliases: ['Zengezurlu'] }] }, 'inline'),
    );
    expect(aliased.match('Zengezurlu spoke').map((hit) => hit.evidence)).toEqual(['alias']);
  });
});

describe('the council and its parent', () => {
  const council = (text: string): string[] =>
    matcher
      .match(text)
      .filter((hit) => hit.entityId === 'public-council-sms')
      .map((hit) => hit.surface);

  it.each([
    'Public Council within the State Migration Service',
    'Public Council under the State Migration Service',
    'Public Council at the State Migration Service',
    'Public Council of the SMS',
    'Public Council attached to the State Migration Service',
    'Public Council affiliated with the SMS',
    'Public Council by the State Migration Service',
    "SMS's Public Council",
    'State Migration Service’s Public Council',
    'Общественный совет при ГМС',
    'Общественного совета в составе Государственной миграционной службы',
    'Общественный совет ГМС',
    'при ГМС Общественный совет',
    'ГМС Общественный совет',
    'Общественным советом при Госмиграционной службе',
    'Dövlət Miqrasiya Xidməti nəzdində İctimai Şura',
    'DMX tərkibində İctimai Şura',
    'DMX-nin İctimai Şurası',
    'Dövlət Miqrasiya Xidməti İctimai Şurasının',
    'DMX yanında fəaliyyət göstərən İctimai Şuraya',
  ])('finds "%s"', (form) => {
    expect(council(`Yesterday ${form} met.`)).toEqual([form]);
  });

  it.each([
    'Public Council within the Ministry of Health',
    "the Ministry of Youth's Public Council",
    'Общественный совет при Минюсте',
    'Общественный совет в составе Министерства культуры',
    'Səhiyyə Nazirliyi nəzdində İctimai Şura',
    'Gənclər və İdman Nazirliyinin İctimai Şurası',
  ])('does not count another body’s council: "%s"', (form) => {
    expect(council(form)).toEqual([]);
  });
});

describe('words ending in a letter that folds to nothing', () => {
  it('joins them to the next word of a name or phrase (Игорь Петров)', () => {
    const igor = compileMatcher(
      parseRoster({ people: [{ id: 'igor', names: { ru: 'Игорь Петров' } }] }, 'inline'),
    );
    expect(igor.match('Игорь Петров выступил').map((hit) => hit.surface)).toEqual(['Игорь Петров']);
    expect(igor.match('Игоря Петрова наградили').map((hit) => hit.surface)).toEqual(['Игоря Петрова']);
  });
});
