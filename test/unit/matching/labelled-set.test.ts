// The labelled set: hand-written sentences in English, Azerbaijani and Russian, with as many hard
// negatives (namesakes, feminine forms, URLs, other bodies' councils) as positives.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultRosterPath, loadRoster } from '#shared/config/roster.ts';
import { compileMatcher } from '#shared/matching/index.ts';

interface LabelledCase {
  lang: 'en' | 'az' | 'ru';
  text: string;
  expect: string[];
  group?: string;
}

const cases: LabelledCase[] = JSON.parse(
  readFileSync(new URL('../../fixtures/matching/labelled-cases.json', import.meta.url), 'utf8'),
);
const matcher = compileMatcher(loadRoster(defaultRosterPath));
const TARGET = 0.97;

describe('the labelled set', () => {
  it('holds at least 150 cases with as many hard negatives as positives', () => {
    const negatives = cases.filter((c) => c.expect.length === 0).length;

    expect(cases.length).toBeGreaterThanOrEqual(150);
    expect(negatives).toBeGreaterThanOrEqual(cases.length - negatives);
  });

  it('holds at least 60 namesake cases, in every language both namesakes and members', () => {
    const namesakes = cases.filter((c) => c.group === 'namesakes');

    expect(namesakes.length).toBeGreaterThanOrEqual(60);
    for (const lang of ['en', 'az', 'ru']) {
      const subset = namesakes.filter((c) => c.lang === lang);
      expect(subset.filter((c) => c.expect.length === 0).length).toBeGreaterThanOrEqual(10);
      expect(subset.filter((c) => c.expect.length > 0).length).toBeGreaterThanOrEqual(8);
    }
  });

  for (const lang of ['en', 'az', 'ru'] as const) {
    it(`reaches precision and recall of ${TARGET} or more in ${lang}`, () => {
      // Arrange
      const subset = cases.filter((c) => c.lang === lang);
      let truePositives = 0;
      const misses: string[] = [];

      // Act
      for (const { text, expect: expected } of subset) {
        const found = new Set(matcher.match(text, { lang }).map((hit) => hit.entityId));
        for (const id of found) {
          if (expected.includes(id)) truePositives++;
          else misses.push(`false positive ${id}: ${JSON.stringify(text)}`);
        }
        for (const id of expected)
          if (!found.has(id)) misses.push(`false negative ${id}: ${JSON.stringify(text)}`);
      }
      const falsePositives = misses.filter((m) => m.startsWith('false positive')).length;
      const falseNegatives = misses.length - falsePositives;
      const precision = truePositives / Math.max(1, truePositives + falsePositives);
      const recall = truePositives / Math.max(1, truePositives + falseNegatives);
      console.log(
        `${lang}: ${subset.length} cases, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
      );
      for (const miss of misses) console.log(`  ${lang} ${miss}`);

      // Assert
      expect(precision).toBeGreaterThanOrEqual(TARGET);
      expect(recall).toBeGreaterThanOrEqual(TARGET);
    });
  }

  it('reports offsets whose slice is the surface and whose snippet contains it', () => {
    for (const { text, lang } of cases) {
      for (const hit of matcher.match(text, { lang })) {
        expect(text.slice(hit.start, hit.end)).toBe(hit.surface);
        expect(hit.snippet.slice(hit.start - hit.snippetStart, hit.end - hit.snippetStart)).toBe(hit.surface);
      }
    }
  });
});
