// Table-driven checks of the matcher's rules, each against the default roster unless it says otherwise.
import { describe, expect, it } from 'vitest';
import { defaultRosterPath, loadRoster, parseRoster } from '#shared/config/roster.ts';
import { compileMatcher } from '#shared/matching/index.ts';

const matcher = compileMatcher(loadRoster(defaultRosterPath));
const found = (text: string, lang?: 'en' | 'az' | 'ru'): string[] =>
  matcher.match(text, lang ? { lang } : {}).map((hit) => `${hit.entityId}=${hit.surface}`);

describe('compileMatcher', () => {
  it.each([
    ['Azerbaijani genitive', 'Azər Allahverənovun çıxışı', ['azer-allahveranov=Azər Allahverənovun']],
    ['Azerbaijani instrumental', 'Allahverənovla görüş', ['azer-allahveranov=Allahverənovla']],
    ['Azerbaijani ablative', 'Allahverənovdan sonra', ['azer-allahveranov=Allahverənovdan']],
    ['Azerbaijani locative', 'söz Allahverənovda idi', ['azer-allahveranov=Allahverənovda']],
    ['Azerbaijani accusative', 'Allahverənovu dəvət etdilər', ['azer-allahveranov=Allahverənovu']],
    ['genitive after a vowel', 'Davud Rəhimlinin fikri', ['davud-rahimli=Davud Rəhimlinin']],
    ['dative after a vowel', 'Davud Rəhimliyə söz verildi', ['davud-rahimli=Davud Rəhimliyə']],
    [
      'organisation with possessive',
      'Dövlət Miqrasiya Xidməti yanında İctimai Şurası',
      ['public-council-sms=Dövlət Miqrasiya Xidməti yanında İctimai Şurası'],
    ],
    [
      'Russian genitive of both names',
      'слова Азера Аллахверанова',
      ['azer-allahveranov=Азера Аллахверанова'],
    ],
    ['Russian dative', 'Аллахверанову вручили', ['azer-allahveranov=Аллахверанову']],
    ['Russian instrumental', 'с Аллахверановым', ['azer-allahveranov=Аллахверановым']],
    ['Russian prepositional', 'об Аллахверанове', ['azer-allahveranov=Аллахверанове']],
    [
      'Russian organisation genitive',
      'Общественного совета при Государственной миграционной службе',
      ['public-council-sms=Общественного совета при Государственной миграционной службе'],
    ],
    ['ASCII rendering of ə', 'Azer Allahverenov', ['azer-allahveranov=Azer Allahverenov']],
    ['Russian-based rendering', 'Sahib Mamedov', ['sahib-mammadov=Sahib Mamedov']],
    ['dzh rendering', 'Ilgar Orudzhev', ['ilgar-orujov=Ilgar Orudzhev']],
    [
      'Cyrillic name in English text',
      'chairman Азер Аллахверанов said',
      ['azer-allahveranov=Азер Аллахверанов'],
    ],
    ['dotted capital İ', 'İLQAR ORUCOV', ['ilgar-orujov=İLQAR ORUCOV']],
    ['dotless capital I', 'ILQAR ORUCOV', ['ilgar-orujov=ILQAR ORUCOV']],
    ['initial without a space', 'А.Аллахверанов', ['azer-allahveranov=А.Аллахверанов']],
    ['two initials', 'A.K. Allahveranov', ['azer-allahveranov=A.K. Allahveranov']],
    ['surname first with patronymic', 'Allahverenov Azer Karim', ['azer-allahveranov=Allahverenov Azer']],
    [
      'Azerbaijani patronymic',
      'Azər Kərim oğlu Allahverənov',
      ['azer-allahveranov=Azər Kərim oğlu Allahverənov'],
    ],
    ['Russian patronymic', 'Азер Керимович Аллахверанов', ['azer-allahveranov=Азер Керимович Аллахверанов']],
    ['line break', 'Azer\nAllahveranov', ['azer-allahveranov=Azer\nAllahveranov']],
    ['soft hyphen', 'Azer Allah\u00adveranov', ['azer-allahveranov=Azer Allah\u00adveranov']],
    ['hyphen at a line end', 'Azer Allahvera-\nnov', ['azer-allahveranov=Azer Allahvera-\nnov']],
    ['markup inside the name', 'Azer <b>Allah</b>veranov', ['azer-allahveranov=Azer <b>Allah</b>veranov']],
  ])('finds the %s', (_rule, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['a common surname alone', 'Məmmədov bildirib'],
    ['a common surname in Cyrillic alone', 'Мамедов заявил'],
    ['a first name alone', 'Sahib danışıb'],
    ['the Russian feminine', 'Мамедовой вручили'],
    ['the English feminine of a distinctive surname', 'Allahveranova thanked the parents'],
    ['a different first name', 'Elçin Allahverənov'],
    ['a different initial', 'B. Allahveranov'],
    ['another patronymic', 'Elnur Kərim oğlu Allahverənov'],
    ['a name inside a URL', 'https://news.az/azer-allahveranov'],
    ['a name inside an e-mail address', 'azer.allahveranov@mail.az'],
    ['an initial with a common surname and no tie', 'S. Mammadov scored'],
    ["another body's public council", 'Public Council under the Ministry of Youth'],
    ['an initial without its full stop', 'Public Council member S Mammadov'],
    ['names across a paragraph break', 'Sahib\n\nMammadov'],
    ['names across a comma', 'Sahib, Mammadov'],
  ])('ignores %s', (_rule, text) => {
    expect(found(text)).toEqual([]);
  });

  it('reads a Latin -a surname after no first name as the Azerbaijani dative only in Azerbaijani text', () => {
    expect(found('Allahveranova müraciət edildi', 'az')).toEqual(['azer-allahveranov=Allahveranova']);
    expect(found('Allahveranova thanked them', 'en')).toEqual([]);
  });

  it('ties an initial and a common surname to the member by full name, the council or a council term', () => {
    expect(found('Sahib Mammadov spoke. Later S. Mammadov added a remark.')).toEqual([
      'sahib-mammadov=Sahib Mammadov',
      'sahib-mammadov=S. Mammadov',
    ]);
    expect(
      found(
        'Dövlət Miqrasiya Xidməti yanında İctimai Şura toplaşıb. İctimai Şuranın üzvü S.Məmmədov danışıb',
      ),
    ).toEqual([
      'public-council-sms=Dövlət Miqrasiya Xidməti yanında İctimai Şura',
      'sahib-mammadov=S.Məmmədov',
    ]);
    expect(found('S. Mammadov of the State Migration Service spoke')).toEqual(['sahib-mammadov=S. Mammadov']);
    expect(found('С. Мамедов из Государственной миграционной службы')).toEqual(['sahib-mammadov=С. Мамедов']);
    expect(found('P. Musayev, DMX-nin rəis müavini')).toEqual(['parviz-musayev=P. Musayev']);
  });

  it.each([
    ['a generic council role in Azerbaijani', 'İctimai Şuranın üzvü S.Məmmədov danışıb'],
    [
      "another body's council member in Azerbaijani",
      'Gənclər və İdman Nazirliyi yanında İctimai Şuranın üzvü S. Məmmədov çıxış edib.',
    ],
    [
      "another body's council member in English",
      'S. Mammadov, member of the Public Council under the Ministry of Youth, spoke.',
    ],
    [
      "another body's council member in Russian",
      'С. Мамедов, член Общественного совета при Минюсте, отметил рост обращений.',
    ],
    ["another body's deputy chief", 'P. Musayev, Gənclər və İdman Nazirliyinin rəis müavini, tədbiri açıb.'],
  ])('does not tie an initial and a common surname by %s', (_rule, text) => {
    expect(found(text)).toEqual([]);
  });

  it.each([
    ['an Azerbaijani street', 'Tədbir Allahverənov küçəsində yerləşən binada keçirilib.'],
    ['an Azerbaijani avenue', 'Azər Allahverənov prospekti təmir olunub.'],
    ['a Russian street', 'Магазин открылся на улице Аллахверанова.'],
    ['a Russian abbreviated street', 'Магазин открылся на ул. Аллахверанова, 5.'],
    ['a Russian avenue with the full name', 'на проспекте Азера Аллахверанова'],
    ['an English street', 'The shop opened on Allahveranov Street.'],
    ['an Azerbaijani plural family', 'Allahverənovlar ailəsi Gəncəyə köçüb.'],
    ['an Azerbaijani plural', 'Allahverənovlar bayramı birlikdə qeyd ediblər.'],
    ['an Azerbaijani family', 'Allahverənov ailəsi Gəncəyə köçüb.'],
    ['an English family', 'The Allahveranov family moved to Ganja.'],
    ['a Russian woman by her verb', 'Аллахверанова заявила, что её дочь победила в конкурсе.'],
    ['a Russian woman by her verb after a dash', 'Сказала главное — Аллахверанова отметила успехи.'],
    ['a Russian woman by her title', 'Госпожа Аллахверанова поблагодарила родителей.'],
    ['an Azerbaijani woman by xanım', 'Allahverənova xanım valideynlərə təşəkkür edib.'],
    ['an Azerbaijani woman by her first name after', 'Allahverənova Sevil valideynlərə təşəkkür edib.'],
    ['an English woman by her title', 'Mrs Allahveranov thanked the parents.'],
  ])('ignores %s', (_rule, text) => {
    expect(found(text)).toEqual([]);
  });

  it.each([
    ['a Russian genitive after a noun', 'Дочь Аллахверанова заявила, что победила.', 'Аллахверанова'],
    [
      'a Russian genitive before a feminine subject',
      'По предложению Аллахверанова комиссия приняла решение.',
      'Аллахверанова',
    ],
    ['a Russian masculine verb', 'Аллахверанов заявил, что совет готов.', 'Аллахверанов'],
    [
      'an Azerbaijani "in the street"',
      'Azər Allahverənov küçədə jurnalistlərlə danışıb.',
      'Azər Allahverənov',
    ],
    [
      'an Azerbaijani genitive before family',
      'Azər Allahverənovun ailəsi tədbirə gəlib.',
      'Azər Allahverənovun',
    ],
    ['an English verb after the surname', 'Allahveranov stated that the council met.', 'Allahveranov'],
  ])('still finds %s', (_rule, text, surface) => {
    expect(found(text)).toEqual([`azer-allahveranov=${surface}`]);
  });

  it('returns every occurrence sorted by start, the longest of overlapping hits winning', () => {
    const hits = matcher.match('Allahveranov met Azer Allahveranov.');

    expect(hits.map((h) => [h.start, h.end])).toEqual([
      [0, 12],
      [17, 34],
    ]);
  });

  it('maps offsets back exactly past astral characters and markup', () => {
    const text = '😀😀 <p>Tədbirdə <b>Azər</b> Allahverənov</p>';
    const [hit] = matcher.match(text);

    expect(hit?.surface).toBe('Azər</b> Allahverənov');
    expect(text.slice(hit?.start, hit?.end)).toBe(hit?.surface);
  });

  it('gives a snippet of about 160 characters that contains the hit at its offset', () => {
    const text = `${'word '.repeat(60)}Azer Allahveranov${' word'.repeat(60)}`;
    const [hit] = matcher.match(text);

    expect(hit?.snippet.length).toBeLessThanOrEqual(170);
    expect(
      hit?.snippet.slice((hit?.start ?? 0) - (hit?.snippetStart ?? 0)).startsWith('Azer Allahveranov'),
    ).toBe(true);
  });

  it('honours requires and excludes from the roster', () => {
    const roster = parseRoster(
      {
        people: [
          {
            id: 'parviz-musayev',
            names: { en: 'Parviz Musayev' },
            requires: ['migration', 'miqrasiya', 'миграц'],
            excludes: ['footballer'],
          },
        ],
      },
      'inline',
    );
    const custom = compileMatcher(roster);
    const ids = (text: string) => custom.match(text).map((hit) => hit.entityId);

    expect(ids('Parviz Musayev spoke on migration policy.')).toEqual(['parviz-musayev']);
    expect(ids('Parviz Musayev opened a bakery.')).toEqual([]);
    expect(ids('On migration day, the footballer Parviz Musayev scored.')).toEqual([]);
  });
});
