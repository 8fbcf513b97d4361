// Matcher throughput: MB/s of UTF-8 text over 10 MB of generated mixed-language articles, with the
// default roster and a generated 200-person roster, against a naive one-RegExp-per-alias matcher.
import { pathToFileURL } from 'node:url';
import { defaultRosterPath, loadRoster, parseRoster, type Roster } from '#shared/config/roster.ts';
import { compileMatcher } from '#shared/matching/index.ts';
import { median } from './bench-stats.ts';
import { loadLabelledCases, scoreLabelled } from './labelled-set-score.ts';

const RUNS = 5;
const TEXT_BYTES = 10_000_000;
const NAIVE_BYTES = 1_000_000;

// A fixed seed, so every run measures the same text.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FILLER = {
  en: 'the council said that migration policy would be discussed at a meeting with experts and officials on refugees and labour rights in Baku today'.split(
    ' ',
  ),
  az: 'şura bildirib ki miqrasiya siyasəti ekspertlər və rəsmilərlə görüşdə müzakirə olunacaq qaçqınların hüquqları Bakıda bu gün'.split(
    ' ',
  ),
  ru: 'совет сообщил что миграционная политика будет обсуждаться на встрече с экспертами и чиновниками о правах беженцев в Баку сегодня'.split(
    ' ',
  ),
};

const FIRST =
  'Elçin Rəşad Orxan Tural Kamran Vüqar Fərid Ramil Samir Nicat Emin Natiq Vaqif Zaur Fuad Rövşən Tofiq Yusif Zakir Cavid'.split(
    ' ',
  );
const LAST = 'Əliyev Həsənov Hüseynov Quliyev Rzayev Cəfərov Abbasov Bağırov Qasımov Mustafayev'.split(' ');
const AZ_TO_EN: Record<string, string> = {
  ə: 'a',
  ş: 'sh',
  ç: 'ch',
  ğ: 'gh',
  x: 'kh',
  q: 'g',
  ı: 'i',
  ö: 'o',
  ü: 'u',
  c: 'j',
};
const AZ_TO_RU: Record<string, string> = Object.fromEntries(
  'a а b б c дж ç ч d д e е ə а f ф g г ğ г h г x х ı ы i и j ж k к q г l л m м n н o о ö ё p п r р s с ş ш t т u у ü ю v в y й z з'
    .split(' ')
    .flatMap((item, i, all) => (i % 2 === 0 ? [[item, all[i + 1] ?? item]] : [])),
);
const spell = (name: string, table: Record<string, string>): string =>
  name
    .split(' ')
    .map((word) => {
      const spelled = [...word.replace(/^İ/, 'i').toLowerCase()].map((ch) => table[ch] ?? ch).join('');
      return spelled.charAt(0).toUpperCase() + spelled.slice(1);
    })
    .join(' ');

/** A roster of `size` people with en/az/ru names built from common Azerbaijani names. */
export function generatedRoster(size: number): Roster {
  const people = Array.from({ length: size }, (_, i) => {
    const az = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
    return { id: `person-${i}`, names: { az, en: spell(az, AZ_TO_EN), ru: spell(az, AZ_TO_RU) } };
  });
  return parseRoster({ people, organisations: loadRoster(defaultRosterPath).organisations }, 'generated');
}

/** Articles of about 4 KB in the three languages, one roster name in every tenth sentence. */
export function generatedArticles(bytes: number, roster: Roster): string[] {
  const next = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const names = roster.people.flatMap((p) =>
    [p.names.en, p.names.az, p.names.ru].filter((n): n is string => Boolean(n)),
  );
  const articles: string[] = [];
  let total = 0;
  while (total < bytes) {
    const lang = pick(['en', 'az', 'ru'] as const);
    let article = '';
    while (article.length < 3000) {
      const words = Array.from({ length: 8 + Math.floor(next() * 12) }, () => pick(FILLER[lang]));
      if (next() < 0.1) words.splice(Math.floor(next() * words.length), 0, pick(names));
      article += `${words.join(' ')}. `;
    }
    articles.push(article);
    total += Buffer.byteLength(article);
  }
  return articles;
}

/** Median MB/s of `fn` over `articles`. */
function throughput(articles: string[], fn: (text: string) => unknown): number {
  const megabytes = articles.reduce((sum, a) => sum + Buffer.byteLength(a), 0) / 1e6;
  const rates: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    for (const article of articles) fn(article);
    rates.push(megabytes / ((performance.now() - start) / 1000));
  }
  return median(rates);
}

/** One RegExp per name and alias, case-insensitive: the reference the compiled matcher must beat. */
function naiveMatcher(roster: Roster): (text: string) => number {
  const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patterns = roster.people.flatMap((p) =>
    [p.names.en, p.names.az, p.names.ru, ...p.aliases]
      .filter((n): n is string => Boolean(n))
      .map((n) => new RegExp(escapeRegExp(n), 'giu')),
  );
  return (text) => patterns.reduce((count, pattern) => count + (text.match(pattern)?.length ?? 0), 0);
}

/** Prints the matcher's throughput with the default and a 200-person roster, and the naive reference. */
export async function runMatcherBench(): Promise<void> {
  const rosters = { default: loadRoster(defaultRosterPath), '200 people': generatedRoster(200) };
  printLabelledFigures(rosters.default);
  const articles = generatedArticles(TEXT_BYTES, rosters['200 people']);
  const naiveArticles = articles.slice(0, Math.ceil((articles.length * NAIVE_BYTES) / TEXT_BYTES));
  const mb = (list: string[]) => (list.reduce((s, a) => s + Buffer.byteLength(a), 0) / 1e6).toFixed(1);
  console.log(
    `matcher bench: ${articles.length} articles, ${mb(articles)} MB (naive: ${mb(naiveArticles)} MB), median of ${RUNS} runs`,
  );
  const results: Record<string, { compiled: number; naive: number }> = {};
  for (const [name, roster] of Object.entries(rosters)) {
    const compileStart = performance.now();
    const matcher = compileMatcher(roster);
    const compileMs = performance.now() - compileStart;
    const compiled = throughput(articles, (text) => matcher.match(text));
    const naive = throughput(naiveArticles, naiveMatcher(roster));
    results[name] = { compiled, naive };
    console.log(
      `  ${name.padEnd(10)} compiled ${compiled.toFixed(1)} MB/s  naive ${naive.toFixed(2)} MB/s  ` +
        `compiled/naive ${(compiled / naive).toFixed(1)}x  (${roster.people.length} people, compile ${compileMs.toFixed(0)} ms)`,
    );
  }
  const small = results.default?.compiled ?? 0;
  const large = results['200 people']?.compiled ?? 0;
  console.log(
    `  200-person / default throughput: ${(large / small).toFixed(2)} (target >= 0.5; 200-person target >= 20 MB/s)`,
  );
}

/** Prints precision and recall per language on the labelled set, whole and its namesake cases. */
function printLabelledFigures(roster: Roster): void {
  const matcher = compileMatcher(roster);
  const all = loadLabelledCases();
  const find = (text: string, lang: 'en' | 'az' | 'ru') =>
    matcher.match(text, { lang }).map((hit) => hit.entityId);
  for (const [label, cases] of [
    ['labelled set', all],
    ['namesakes', all.filter((c) => c.group === 'namesakes')],
  ] as const) {
    const scores = scoreLabelled(cases, find);
    const figures = Object.entries(scores).map(
      ([lang, s]) => `${lang} ${s.cases} cases P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)}`,
    );
    console.log(`  ${label.padEnd(12)} ${figures.join('  ')}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runMatcherBench();
