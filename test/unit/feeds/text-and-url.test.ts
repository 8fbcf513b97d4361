import { describe, expect, it } from 'vitest';
import { atomText } from '#shared/feeds/parse/atom-feed-parser.ts';
import { collapseWhitespace, htmlToText } from '#shared/feeds/parse/text-normaliser.ts';
import { canonicalUrl } from '#shared/feeds/parse/url-canonicalizer.ts';
import { parseXmlTree } from '#shared/feeds/parse/xml-tree.ts';

describe('canonicalUrl', () => {
  it.each([
    [
      'drops tracking parameters and the fragment',
      'https://a.az/x?utm_source=rss&id=5&fbclid=1#top',
      undefined,
      'https://a.az/x?id=5',
    ],
    [
      'drops gclid and yclid, leaving no bare ?',
      'https://a.az/x?gclid=1&yclid=2',
      undefined,
      'https://a.az/x',
    ],
    ['lower-cases the host', 'https://NEWS.Example.AZ/Path', undefined, 'https://news.example.az/Path'],
    ['resolves a relative link against the base', '../b/2', 'https://a.az/news/a/', 'https://a.az/news/b/2'],
    ['drops the default port', 'https://a.az:443/x', undefined, 'https://a.az/x'],
  ])('%s', (_name, href, base, expected) => {
    expect(canonicalUrl(href, base)).toBe(expected);
  });

  it.each([['javascript:alert(1)'], ['mailto:x@a.az'], [''], ['http://']])('refuses %s', (href) => {
    expect(canonicalUrl(href)).toBeNull();
  });
});

describe('collapseWhitespace', () => {
  it('turns NBSP, control characters and runs of space into one space', () => {
    expect(collapseWhitespace('  a\u00a0\u00a0b\t\u0007c\n\n d\u200b ')).toBe('a b c d');
  });
});

describe('htmlToText', () => {
  it('decodes entities once and strips tags, keeping block boundaries as spaces', () => {
    expect(htmlToText('<p>Tom &amp; Jerry</p><p>&laquo;x&raquo;</p><script>bad()</script>')).toBe(
      'Tom & Jerry «x»',
    );
  });

  it('keeps an inline tag inside a word', () => {
    expect(htmlToText('Azər<b>baycan</b>')).toBe('Azərbaycan');
  });
});

describe('atomText', () => {
  const title = (xml: string) => {
    const root = parseXmlTree(xml, 'https://a.az/');
    return atomText(root.children[0] as Parameters<typeof atomText>[0]);
  };

  it.each([
    ['type="text" is not decoded again', '<title type="text">A &amp;amp; B</title>', 'A &amp; B'],
    [
      'type="html" is decoded once more and stripped',
      '<title type="html">A &amp;amp; &lt;b&gt;B&lt;/b&gt;</title>',
      'A & B',
    ],
    [
      'type="xhtml" is the text of its div',
      '<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">A <b>B</b></div></title>',
      'A B',
    ],
  ])('%s', (_name, xml, expected) => {
    expect(title(xml)).toBe(expected);
  });
});
