// Property: any body, however broken, either parses into well-formed raw items or is rejected with a
// FeedError the poll records against the source. Never another exception, never a hang.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OutletSource } from '#shared/config/outlets.ts';
import { FeedError } from '#shared/feeds/feed-error.ts';
import { parseBody } from '#shared/feeds/parse/body-parser.ts';
import { feedSource as feed, listingSource as listing } from '../../helpers/feed-sources.ts';
import { awkwardText, mutated, within } from './fuzz-helpers.ts';

const ctx = { finalUrl: 'https://x.example/feed/list', timeZone: 'Asia/Baku' };
const fixturesDir = new URL('../../fixtures/feeds/', import.meta.url);
const fixtures = readdirSync(fixturesDir).map((name) => readFileSync(new URL(name, fixturesDir), 'utf8'));

/** How the checked bodies came out, so a property that only ever saw errors is noticed. */
const outcomes = { items: 0, feedErrors: 0 };

/** Parses and checks the outcome: items of the right shape, or a FeedError. */
async function parsesCleanly(text: string, source: OutletSource = feed): Promise<void> {
  try {
    const items = await within(5000, () => parseBody(text, source, ctx));
    outcomes.items += items.length;
    for (const item of items) {
      expect(typeof item.title).toBe('string');
      expect(typeof item.text).toBe('string');
      expect(item.link === null || typeof item.link === 'string').toBe(true);
    }
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    outcomes.feedErrors++;
  }
}

describe('parseBody under arbitrary input', () => {
  it('handles arbitrary text as a feed and as an HTML listing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), awkwardText), fc.boolean(), (text, asListing) =>
        parsesCleanly(text, asListing ? listing : feed),
      ),
      { numRuns: 150 },
    );
  });

  it('handles every fixture feed with random cuts, insertions and repeats', async () => {
    const cases = fc.constantFrom(...fixtures).chain((text) => mutated(text));
    await fc.assert(
      fc.asyncProperty(cases, (text) => parsesCleanly(text)),
      { numRuns: 150 },
    );
  });

  it('handles RSS and Atom skeletons filled with hostile item fields', async () => {
    const rss = fc
      .array(fc.tuple(awkwardText, awkwardText, awkwardText, awkwardText), { maxLength: 5 })
      .map(
        (items) =>
          `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${items
            .map(
              ([title, link, date, text]) =>
                `<item><title>${title}</title><link>${link}</link><pubDate>${date}</pubDate><description>${text}</description></item>`,
            )
            .join('')}</channel></rss>`,
      );
    const atom = fc
      .array(fc.tuple(awkwardText, awkwardText, awkwardText), { maxLength: 5 })
      .map(
        (entries) =>
          `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">${entries
            .map(
              ([title, href, updated]) =>
                `<entry><title>${title}</title><link href="${href}"/><updated>${updated}</updated></entry>`,
            )
            .join('')}</feed>`,
      );
    await fc.assert(
      fc.asyncProperty(fc.oneof(rss, atom), (text) => parsesCleanly(text)),
      { numRuns: 150 },
    );
  });

  it('handles JSON Feed documents with arbitrary values in every field', async () => {
    const item = fc.record(
      {
        id: fc.jsonValue(),
        url: fc.oneof(fc.jsonValue(), awkwardText),
        title: fc.jsonValue(),
        content_text: fc.jsonValue(),
        content_html: fc.oneof(fc.jsonValue(), awkwardText),
        date_published: fc.oneof(fc.jsonValue(), awkwardText),
      },
      { requiredKeys: [] },
    );
    const documents = fc
      .record({ items: fc.oneof(fc.array(item, { maxLength: 5 }), fc.jsonValue()) }, { requiredKeys: [] })
      .map((body) => JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 't', ...body }));
    await fc.assert(
      fc.asyncProperty(documents, (text) => parsesCleanly(text)),
      { numRuns: 150 },
    );
  });
});
