// Precision and recall of a matcher on the labelled set (test/fixtures/matching/labelled-cases.json),
// per language, counting each expected entity of a case once.
import { readFileSync } from 'node:fs';

/** One hand-labelled text and the entities it names. */
export interface LabelledCase {
  lang: 'en' | 'az' | 'ru';
  text: string;
  expect: string[];
  /** A subset the case belongs to, such as "namesakes". */
  group?: string;
}

/** Figures of one language. */
export interface LabelledScore {
  cases: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

/** The labelled set shipped with the tests. */
export function loadLabelledCases(): LabelledCase[] {
  const url = new URL('../test/fixtures/matching/labelled-cases.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as LabelledCase[];
}

/** Scores `find` (the entity ids a matcher finds in a text) per language. */
export function scoreLabelled(
  cases: LabelledCase[],
  find: (text: string, lang: LabelledCase['lang']) => string[],
): Record<LabelledCase['lang'], LabelledScore> {
  const scores = {} as Record<LabelledCase['lang'], LabelledScore>;
  for (const lang of ['en', 'az', 'ru'] as const) {
    const subset = cases.filter((c) => c.lang === lang);
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    for (const { text, expect } of subset) {
      const found = new Set(find(text, lang));
      for (const id of found) {
        if (expect.includes(id)) truePositives++;
        else falsePositives++;
      }
      for (const id of expect) if (!found.has(id)) falseNegatives++;
    }
    scores[lang] = {
      cases: subset.length,
      truePositives,
      falsePositives,
      falseNegatives,
      precision: truePositives / Math.max(1, truePositives + falsePositives),
      recall: truePositives / Math.max(1, truePositives + falseNegatives),
    };
  }
  return scores;
}
