// The namesake rules in Azerbaijani, Russian and English: markers of another life, a birth year, an
// age and a patronymic cancel a common name's match into a lead; the member's own context nearer to
// the name wins; a member in an unrelated role still counts.
import { describe, expect, it } from 'vitest';
import { defaultRosterPath, loadRoster, parseRoster, type Roster } from '#shared/config/roster.ts';
import { compileMatcher } from '#shared/matching/index.ts';

const base = loadRoster(defaultRosterPath);
const withPerson = (id: string, extra: Record<string, unknown>): Roster =>
  parseRoster({ ...base, people: base.people.map((p) => (p.id === id ? { ...p, ...extra } : p)) }, 'inline');
const matcher = compileMatcher(withPerson('sahib-mammadov', { born: 1975, patronymic: 'Malik' }));
const run = (text: string) => matcher.matchWithLeads(text, { year: 2026 });
const mentions = (text: string): string[] =>
  run(text).mentions.map((hit) => `${hit.entityId}=${hit.surface}`);
const leads = (text: string): string[] =>
  run(text).leads.map((lead) => `${lead.entityId}=${lead.surface} (${lead.reasonCode})`);

describe('namesake markers', () => {
  it.each([
    [
      'az profession',
      'Şair Sahib Məmmədovun yeni kitabı çıxıb.',
      'sahib-mammadov=Sahib Məmmədovun (profession)',
    ],
    [
      'az poems',
      'Sahib Məmmədovun şeirləri rus dilinə tərcümə olunub.',
      'sahib-mammadov=Sahib Məmmədovun (profession)',
    ],
    ['az sport', 'Futbolçu İlqar Orucov iki qol vurub.', 'ilgar-orujov=İlqar Orucov (profession)'],
    [
      'az ministry official',
      'İqtisadiyyat Nazirliyinin əməkdaşı İlqar Orucov fermerlərlə görüşüb.',
      'ilgar-orujov=İlqar Orucov (profession)',
    ],
    [
      'az namesake word',
      'Onun adaşı Sahib Məmmədov Gəncədə yaşayır.',
      'sahib-mammadov=Sahib Məmmədov (namesake)',
    ],
    ['az obituary', 'Sahib Məmmədov vəfat edib.', 'sahib-mammadov=Sahib Məmmədov (obituary)'],
    ['ru profession', 'Поэт Сахиб Мамедов представил сборник.', 'sahib-mammadov=Сахиб Мамедов (profession)'],
    [
      'ru inflected profession',
      'Сахиба Мамедова, известного хирурга, наградили.',
      'sahib-mammadov=Сахиба Мамедова (profession)',
    ],
    [
      'ru coach',
      'Главный тренер «Нефтчи» Парвиз Мусаев высказался.',
      'parviz-musayev=Парвиз Мусаев (profession)',
    ],
    [
      'ru namesake word',
      'Его тёзка Сахиб Мамедов живёт в Гяндже.',
      'sahib-mammadov=Сахиб Мамедов (namesake)',
    ],
    ['ru obituary', 'Скончался Сахиб Мамедов.', 'sahib-mammadov=Сахиб Мамедов (obituary)'],
    ['en profession', 'Footballer Ilgar Orujov scored twice.', 'ilgar-orujov=Ilgar Orujov (profession)'],
    [
      'en company',
      'Parviz Musayev, a businessman from Ganja, opened a factory.',
      'parviz-musayev=Parviz Musayev (profession)',
    ],
    [
      'en namesake word',
      'His namesake Sahib Mammadov won the match.',
      'sahib-mammadov=Sahib Mammadov (namesake)',
    ],
    [
      'en obituary',
      'Sahib Mammadov, who died last week, was a teacher.',
      'sahib-mammadov=Sahib Mammadov (obituary)',
    ],
    ['en life span', 'Sahib Mammadov (1931–2009) wrote novels.', 'sahib-mammadov=Sahib Mammadov (obituary)'],
    [
      'en next sentence',
      'Sahib Mammadov turned seventy. The poet lives in Shamakhi.',
      'sahib-mammadov=Sahib Mammadov (profession)',
    ],
  ])('cancels the %s case into a lead', (_rule, text, lead) => {
    expect(mentions(text)).toEqual([]);
    expect(leads(text)).toEqual([lead]);
  });

  it('reads a profile whose subject is the name as a whole', () => {
    const text = 'Pərviz Musayev. Yazıçı Şamaxıda anadan olub. O, qırx il universitetdə dərs deyib.';
    expect(leads(text)).toEqual(['parviz-musayev=Pərviz Musayev (profession)']);
  });

  it('leaves a marker attached to another name or a reported clause alone', () => {
    expect(mentions('Footballer Rashad Sadigov met Sahib Mammadov.')).toEqual([
      'sahib-mammadov=Sahib Mammadov',
    ]);
    expect(mentions('Futbolçu Rəşad Sadıqov Sahib Məmmədovla görüşüb.')).toEqual([
      'sahib-mammadov=Sahib Məmmədovla',
    ]);
    expect(mentions('Сахиб Мамедов сказал, что футболист нарушил правила.')).toEqual([
      'sahib-mammadov=Сахиб Мамедов',
    ]);
    expect(mentions('Kamran Əliyev məşqçidir. Sahib Məmmədov iclasda danışıb.')).toEqual([
      'sahib-mammadov=Sahib Məmmədov',
    ]);
  });

  it('applies markers only to common names unless the roster says so', () => {
    expect(mentions('Poet Davud Rahimli read his verses.')).toEqual(['davud-rahimli=Davud Rahimli']);
    const flagged = compileMatcher(withPerson('davud-rahimli', { commonName: true }));
    expect(flagged.match('Poet Davud Rahimli read his verses.')).toEqual([]);
    const unflagged = compileMatcher(withPerson('sahib-mammadov', { commonName: false }));
    expect(unflagged.match('Poet Sahib Mammadov read his verses.').map((hit) => hit.entityId)).toEqual([
      'sahib-mammadov',
    ]);
  });

  it.each([
    ['Cyrillic', { ru: 'Сахиб Мамедов' }, 'Поэт Сахиб Мамедов прочёл стихи.'],
    ['Russian-based Latin', { en: 'Sahib Mamedov' }, 'Poet Sahib Mamedov read verses.'],
    ['Azerbaijani Latin', { az: 'Sahib Məmmədov' }, 'Şair Sahib Məmmədov şeir oxudu.'],
  ])('knows a common name written in %s alone', (_script, names, text) => {
    const alone = compileMatcher(parseRoster({ people: [{ id: 'x', names }] }, 'inline'));
    expect(alone.matchWithLeads(text).leads.map((lead) => lead.reasonCode)).toEqual(['profession']);
  });

  it("keeps the roster's excludes", () => {
    const excluding = compileMatcher(withPerson('sahib-mammadov', { excludes: ['Ganja City Hall'] }));
    expect(excluding.match('Sahib Mammadov of Ganja City Hall spoke.')).toEqual([]);
  });
});

describe('a life that cannot be the member’s', () => {
  it.each([
    ['az birth year', 'Sahib Məmmədov 1950-ci ildə anadan olub.', 'born'],
    ['ru birth year', 'Сахиб Мамедов родился в 1948 году в Шемахе.', 'born'],
    ['en birth year', 'Sahib Mammadov was born in 1990 in Ganja.', 'born'],
    ['az age', '80 yaşlı Sahib Məmmədov bağında işləyir.', 'born'],
    ['ru age', '45-летний Сахиб Мамедов выиграл турнир.', 'born'],
    ['en age', 'Sahib Mammadov, 30 years old, won the race.', 'born'],
    [
      'ru deputy minister',
      'Заместитель министра здравоохранения Сахиб Мамедов посетил больницу.',
      'profession',
    ],
    ['az patronymic, surname first', 'Məmmədov Sahib Əziz oğlu çıxış edib.', 'patronymic'],
    ['az patronymic inside the name', 'Sahib Əziz oğlu Məmmədov çıxış edib.', 'patronymic'],
    ['transliterated patronymic', 'Mammadov Sahib Aziz oglu spoke.', 'patronymic'],
    ['ru patronymic', 'Сахиб Азизович Мамедов выступил.', 'patronymic'],
    ['ru patronymic, surname first', 'Мамедов Сахиб Азизович выступил.', 'patronymic'],
  ])('cancels the %s', (_rule, text, reason) => {
    expect(mentions(text)).toEqual([]);
    expect(run(text).leads.map((lead) => lead.reasonCode)).toEqual([reason]);
  });

  it.each([
    ['the birth year', 'Sahib Məmmədov 1975-ci ildə anadan olub.'],
    ['the birth year beside another year', 'Sahib Mammadov, born 1975, joined the council in 2019.'],
    ['the age', 'Sahib Mammadov, 51 years old, spoke.'],
    ['the az patronymic', 'Məmmədov Sahib Malik oğlu çıxış edib.'],
    ['the ru patronymic', 'Сахиб Маликович Мамедов выступил.'],
    ['the transliterated patronymic', 'Sahib Malik oglu Mammadov spoke.'],
  ])('keeps the member with %s the roster gives', (_rule, text) => {
    expect(run(text).mentions.map((hit) => hit.entityId)).toEqual(['sahib-mammadov']);
  });
});

describe('the member’s own context', () => {
  it.each([
    [
      'az',
      'Şair Sahib Məmmədov şeirlərini oxudu, Şura üzvü Sahib Məmmədov isə miqrantlardan danışdı.',
      'Sahib Məmmədov isə',
    ],
    [
      'ru',
      'Поэт Сахиб Мамедов прочёл стихи, а член Общественного совета Сахиб Мамедов рассказал о мигрантах.',
      'Сахиб Мамедов рассказал',
    ],
    [
      'en',
      'Poet Sahib Mammadov presented his book. Sahib Mammadov, member of the Public Council, also spoke.',
      'Sahib Mammadov, member',
    ],
  ])('counts only the member when a namesake and the member share the text (%s)', (_lang, text, memberAt) => {
    const result = run(text);
    const start = text.indexOf(memberAt);
    expect(result.mentions.map((hit) => [hit.entityId, hit.start])).toEqual([['sahib-mammadov', start]]);
    expect(result.leads.map((lead) => [lead.entityId, lead.start, lead.reasonCode])).toEqual([
      [
        'sahib-mammadov',
        text.indexOf('Sahib') >= 0 ? text.indexOf('Sahib') : text.indexOf('Сахиб'),
        'profession',
      ],
    ]);
  });

  it.each([
    ['az', 'Pərviz Musayev, Dövlət Miqrasiya Xidmətinin rəis müavini, keçmiş futbolçu kimi tanınır.'],
    ['ru', 'Парвиз Мусаев из Государственной миграционной службы, бывший тренер, выступил.'],
    ['en', 'Parviz Musayev of the State Migration Service, a former coach, spoke.'],
    [
      'en, another member nearer',
      'A poet by training, Sahib Mammadov joined Azer Allahveranov at the meeting.',
    ],
  ])('wins over a farther marker (%s)', (_lang, text) => {
    expect(run(text).leads).toEqual([]);
    expect(run(text).mentions.length).toBeGreaterThan(0);
  });

  it.each([
    ['az MP', 'Millət vəkili Sahib Məmmədov enerji büdcəsi barədə danışıb.'],
    ['az NGO head', 'Gənclər təşkilatının sədri İlqar Orucov iqlim forumunda çıxış edib.'],
    ['ru MP', 'Депутат Сахиб Мамедов выступил по вопросу бюджета.'],
    ['ru forum speaker', 'Парвиз Мусаев принял участие в туристическом форуме в Габале.'],
    ['en MP', 'MP Sahib Mammadov spoke about the energy budget.'],
    ['en forum speaker', 'Azer Allahveranov spoke at a forum on football stadiums.'],
  ])('counts a member in an unrelated role (%s)', (_rule, text) => {
    expect(run(text).mentions).toHaveLength(1);
    expect(run(text).leads).toEqual([]);
  });
});
