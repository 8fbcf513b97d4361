// Real-world feed shapes the parsers once got wrong: permalink guids, Russian dates with "г.",
// Unix timestamps in data attributes, entity bombs without nesting, UTF-16, RSS without a channel.
import { describe, expect, it } from 'vitest';
import type { OutletSource } from '#shared/config/outlets.ts';
import { FeedError } from '#shared/feeds/feed-error.ts';
import { parseBody } from '#shared/feeds/parse/body-parser.ts';
import { decodeBody } from '#shared/feeds/parse/charset-decoder.ts';
import { findDateInText, parseDateAttribute, parseDateText } from '#shared/feeds/parse/date-parser.ts';

const feed = {
  type: 'feed',
  url: 'https://p.example/rss',
  timeZone: 'UTC',
  enabled: true,
  sourceId: 'p:1',
} as OutletSource;
const ctx = { finalUrl: 'https://p.example/rss', timeZone: 'UTC' };
const rss = (items: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://p.example/</link>${items}</channel></rss>`;

async function failure(text: string, source: OutletSource = feed): Promise<FeedError> {
  const error = await parseBody(text, source, ctx).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FeedError);
  return error as FeedError;
}

describe('RSS guid as permalink', () => {
  it.each([
    ['no isPermaLink attribute', '<guid>https://p.example/news/1</guid>', 'https://p.example/news/1'],
    [
      'isPermaLink="true"',
      '<guid isPermaLink="true">https://p.example/news/1</guid>',
      'https://p.example/news/1',
    ],
    ['isPermaLink="false"', '<guid isPermaLink="false">https://p.example/news/1</guid>', null],
    ['a guid that is no URL', '<guid>news-1</guid>', null],
  ])('an item without <link> and %s gets link %s', async (_case, guid, link) => {
    // Act
    const [item] = await parseBody(rss(`<item><title>A</title>${guid}</item>`), feed, ctx);

    // Assert
    expect(item?.link).toBe(link);
    expect(item?.guid).toBeTruthy();
  });

  it('keeps <link> when both are present', async () => {
    const [item] = await parseBody(
      rss('<item><title>A</title><link>https://p.example/a</link><guid>https://p.example/g</guid></item>'),
      feed,
      ctx,
    );
    expect(item?.link).toBe('https://p.example/a');
  });
});

describe('Russian dates with abbreviated months and "г."', () => {
  it.each([
    ['Ср, 5 мар. 2025 г. 09:30 +0300', '2025-03-05T06:30:00.000Z'],
    ['ср, 5 мар. 2025 г., 09:30 +0300', '2025-03-05T06:30:00.000Z'],
    ['Среда, 5 марта 2025 г. 09:30', '2025-03-05T09:30:00.000Z'],
    ['5 мар. 2025 г. в 09:30', '2025-03-05T09:30:00.000Z'],
    ['5 марта 2025 года, 09:30', '2025-03-05T09:30:00.000Z'],
    ['Пн, 10 февр. 2025 г. 18:05:07 +0400', '2025-02-10T14:05:07.000Z'],
    ['5 мар. 2025 г.', '2025-03-05T00:00:00.000Z'],
    ['Вс, 1 дек. 2024 г. 23:59 MSK', '2024-12-01T20:59:00.000Z'],
  ])('reads %s', (text, iso) => {
    expect(parseDateText(text)?.toISOString()).toBe(iso);
  });

  it('finds such a date inside a longer text', () => {
    expect(
      findDateInText('Опубликовано: Ср, 5 мар. 2025 г. 09:30 +0300 | 120 просмотров')?.toISOString(),
    ).toBe('2025-03-05T06:30:00.000Z');
  });

  it('reads the date of an RSS item', async () => {
    const [item] = await parseBody(
      rss('<item><title>A</title><link>/a</link><pubDate>Ср, 5 мар. 2025 г. 09:30 +0300</pubDate></item>'),
      feed,
      ctx,
    );
    expect(item?.date?.toISOString()).toBe('2025-03-05T06:30:00.000Z');
  });
});

describe('Unix timestamps in a data attribute of a listing', () => {
  const listing = (date?: string) =>
    ({
      ...feed,
      type: 'html',
      selectors: { item: 'li', link: 'a', title: 'a', ...(date ? { date } : {}) },
      dateAttribute: 'data-time',
    }) as OutletSource;
  const page = (li: string) => `<html><body><ul>${li}</ul></body></html>`;

  it.each([
    ['seconds on the item', '<li data-time="1741156200"><a href="/a">A</a></li>', undefined],
    ['milliseconds on the item', '<li data-time="1741156200000"><a href="/a">A</a></li>', undefined],
    ['seconds with a fraction', '<li data-time="1741156200.25"><a href="/a">A</a></li>', undefined],
    [
      'seconds on the date element',
      '<li><a href="/a">A</a><span class="d" data-time="1741156200">5 Mar</span></li>',
      '.d',
    ],
    [
      'seconds on the link, no date selector',
      '<li><a href="/a" data-time="1741156200">A</a></li>',
      undefined,
    ],
    [
      'milliseconds on the card when the date element lacks it',
      '<li data-time="1741156200000"><a href="/a">A</a><i class="d"></i></li>',
      '.d',
    ],
  ])('reads %s', async (_case, li, date) => {
    // Act
    const [item] = await parseBody(page(li), listing(date), ctx);

    // Assert
    expect(item?.date?.toISOString().slice(0, 19)).toBe('2025-03-05T06:30:00');
  });

  it('leaves a non-numeric non-date value unread', () => {
    expect(parseDateAttribute('soon')).toBeUndefined();
  });
});

describe('entity expansion', () => {
  it('refuses one large entity referenced thousands of times as unsafe', async () => {
    // Arrange: the internal subset alone is larger than the part of the head the format is sniffed from.
    const big = 'x'.repeat(50_000);
    const text = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY big "${big}">]><rss version="2.0"><channel>${'<item><title>&big;</title></item>'.repeat(5_000)}</channel></rss>`;

    // Act
    const error = await failure(text);

    // Assert
    expect(error.kind).toBe('unparseable');
    expect(error.message).toMatch(/unsafe/);
    expect(error.message).not.toMatch(/not RSS, Atom/);
  });

  it('refuses a small entity the same way', async () => {
    const text = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e "x">]>${rss('<item><title>&e;</title></item>')}`;
    expect((await failure(text)).message).toMatch(/unsafe/);
  });
});

describe('UTF-16 documents', () => {
  const xml = (prolog: boolean) =>
    `${prolog ? '<?xml version="1.0" encoding="UTF-16"?>' : ''}<rss version="2.0"><channel><title>t</title><item><title>Azər Məmmədov və Иванов</title><link>https://p.example/a</link></item></channel></rss>`;
  const le = (text: string) => Buffer.from(text, 'utf16le');
  const be = (text: string) => Buffer.from(text, 'utf16le').swap16();
  const bom = (mark: number[], body: Buffer) => Buffer.concat([Buffer.from(mark), body]);

  it.each([
    ['LE with a BOM', bom([0xff, 0xfe], le(xml(true))), 'text/xml'],
    ['BE with a BOM', bom([0xfe, 0xff], be(xml(true))), 'text/xml'],
    ['LE without a BOM, declared in the prolog', le(xml(true)), 'text/xml'],
    ['BE without a BOM, declared in the prolog', be(xml(true)), 'application/rss+xml'],
    ['LE without a BOM, declared only in the header', le(xml(false)), 'text/xml; charset=utf-16'],
    ['BE without a BOM, declared only in the header', be(xml(false)), 'text/xml; charset=UTF-16BE'],
  ])('decodes %s', async (_case, bytes, contentType) => {
    // Act
    const { text } = decodeBody(bytes, contentType);
    const items = await parseBody(text, feed, ctx);

    // Assert
    expect(items.map((i) => i.title)).toEqual(['Azər Məmmədov və Иванов']);
  });

  it('still reads UTF-8 as UTF-8', () => {
    expect(decodeBody(Buffer.from('<rss>Azər</rss>'), 'text/xml; charset=utf-16').text).toBe(
      '<rss>Azər</rss>',
    );
  });
});

describe('RSS and RDF without a channel', () => {
  it.each([
    [
      'RSS with items but no channel',
      '<rss version="2.0"><item><title>a</title></item></rss>',
      /RSS document has no <channel>/,
    ],
    ['RSS with nothing inside', '<rss version="2.0"></rss>', /RSS document has no <channel>/],
    [
      'RDF with items but no channel',
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item><title>a</title></item></rdf:RDF>',
      /RDF document has no <channel>/,
    ],
  ])('says what is wrong with %s', async (_case, text, message) => {
    // Act
    const error = await failure(text);

    // Assert
    expect(error.kind).toBe('unparseable');
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/Cannot read properties|undefined/);
  });

  it.each([
    ['an RSS channel with no items', rss('')],
    [
      'an RDF channel with no items',
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel rdf:about="x"><title>t</title></channel></rdf:RDF>',
    ],
  ])('reads %s as zero items', async (_case, text) => {
    expect(await parseBody(text, feed, ctx)).toEqual([]);
  });
});
