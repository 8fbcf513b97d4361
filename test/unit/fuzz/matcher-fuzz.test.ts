// Property: whatever the text, every hit of the matcher lies inside it: its offsets bound its surface
// and its snippet is a slice of the text that contains the hit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultRosterPath, loadRoster } from '#shared/config/roster.ts';
import { compileMatcher, type MatchHit } from '#shared/matching/index.ts';
import { awkwardFragment } from './fuzz-helpers.ts';

const matcher = compileMatcher(loadRoster(defaultRosterPath));
const names = fc.constantFrom(
  'Azər Allahverənov',
  'AZƏR ALLAHVERƏNOV',
  'Allahverənovun',
  'A. Allahverənov',
  'Азер Аллахверанов',
  'Аллахверановым',
  'Azer Allahveranov',
  'Sahib Məmmədov',
  'Сахиб Мамедов',
  'Davud Rəhimli',
  'İctimai Şura',
  'Dövlət Miqrasiya Xidməti yanında İctimai Şuranın',
  'Public Council',
);
/** Text that mixes roster names with noise, so hits happen at every kind of boundary. */
const texts = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .array(
      fc.oneof(names, awkwardFragment, fc.string({ maxLength: 8 }), fc.constantFrom(' ', '-', '.', '\n')),
      {
        maxLength: 40,
      },
    )
    .map((parts) => parts.join('')),
);

function expectInside(text: string, hit: MatchHit) {
  expect(Number.isInteger(hit.start) && Number.isInteger(hit.end)).toBe(true);
  expect(hit.start).toBeGreaterThanOrEqual(0);
  expect(hit.end).toBeGreaterThan(hit.start);
  expect(hit.end).toBeLessThanOrEqual(text.length);
  expect(hit.surface).toBe(text.slice(hit.start, hit.end));
  expect(hit.snippetStart).toBeGreaterThanOrEqual(0);
  expect(hit.snippetStart + hit.snippet.length).toBeLessThanOrEqual(text.length);
  expect(hit.snippet).toBe(text.slice(hit.snippetStart, hit.snippetStart + hit.snippet.length));
}

describe('the matcher under arbitrary text', () => {
  it('keeps every hit and snippet inside the text, in every language mode', () => {
    let hits = 0;
    fc.assert(
      fc.property(texts, fc.constantFrom(undefined, 'az', 'ru', 'en'), (text, lang) => {
        for (const hit of matcher.match(text, lang ? { lang } : {})) {
          expectInside(text, hit);
          hits++;
        }
      }),
      { numRuns: 400 },
    );
    expect(hits).toBeGreaterThan(50);
  });
});
