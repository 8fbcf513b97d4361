// Built-in phrases that describe who a person is, in Azerbaijani, Russian and English. Markers of
// another life (a poet, a footballer, an obituary, "namesake") cancel the match of a member with a
// common name when attached to it; the member's own context (the council) outweighs them when nearer.
// Azerbaijani words take their case and possessive endings (şairi, şeirləri, futbolçusu) and Russian
// ones their declension (поэта, хирургом) when compiled; English plurals are listed as words.

/** Why a match was cancelled as a namesake. */
export type NamesakeReason = 'namesake' | 'profession' | 'obituary' | 'born' | 'patronymic';

const list = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** Marker phrases, one per line, by the reason they give. */
export const NAMESAKE_MARKERS: Readonly<Record<'namesake' | 'profession' | 'obituary', string[]>> = {
  namesake: list(`
    namesake
    namesakes
    not to be confused with
    adaş
    adaşı
    тёзка
    однофамилец
  `),
  profession: list(`
    poet
    poets
    poetess
    poetry
    poems
    his books
    novelist
    writer
    author of the novel
    athlete
    footballer
    football player
    goalkeeper
    striker
    midfielder
    coach
    head coach
    wrestler
    boxer
    judoka
    surgeon
    cardiologist
    professor
    academician
    singer
    composer
    ministry official
    official of the ministry
    deputy minister
    company director
    director of the company
    chief executive
    businessman
    entrepreneur
    şair
    şeir
    kitabları
    yazıçı
    nasir
    idmançı
    futbolçu
    qapıçı
    məşqçi
    baş məşqçi
    güləşçi
    boksçu
    cüdoçu
    cərrah
    professor
    akademik
    müğənni
    bəstəkar
    nazirliyinin əməkdaşı
    nazirliyinin rəsmisi
    nazir müavini
    şirkətinin direktoru
    şirkətin direktoru
    sahibkar
    iş adamı
    поэт
    поэтесса
    стихи
    стихов
    писатель
    прозаик
    автор книг
    спортсмен
    футболист
    вратарь
    нападающий
    тренер
    главный тренер
    борец
    боксёр
    дзюдоист
    хирург
    кардиолог
    профессор
    академик
    певец
    композитор
    сотрудник министерства
    чиновник министерства
    замминистра
    заместитель министра
    директор компании
    гендиректор
    генеральный директор
    бизнесмен
    предприниматель
  `),
  obituary: list(`
    obituary
    died
    passed away
    the late
    funeral
    in memory of
    vəfat
    vəfat edib
    dünyasını dəyişib
    dünyasını dəyişdi
    rəhmətə gedib
    nekroloq
    xatirəsinə
    скончался
    умер
    ушёл из жизни
    некролог
    похороны
    светлой памяти
  `),
};

/** Words of the member's own context beyond the roster's role terms: the council by its short name. */
export const OWN_CONTEXT: readonly string[] = list(`
  Public Council
  council member
  İctimai Şura
  Şura
  Şura üzvü
  Общественный совет
`);
