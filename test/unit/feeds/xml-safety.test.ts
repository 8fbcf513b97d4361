import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assertSafeXml, closeTruncated, repairXml } from '#shared/feeds/parse/xml-safety.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url), 'utf8');

describe('assertSafeXml', () => {
  it.each([
    ['a billion-laughs feed', fixture('billion-laughs.xml'), /entities/],
    ['an external-entity feed', fixture('external-entity.xml'), /SYSTEM/],
    ['an internal subset without entities', '<!DOCTYPE rss [ ]><rss/>', /internal subset/],
  ])('rejects %s', (_name, xml, reason) => {
    expect(() => assertSafeXml(xml)).toThrow(reason);
  });

  it('accepts a DOCTYPE naming only the public RSS 0.91 DTD', () => {
    expect(() => assertSafeXml(fixture('rss091-public-dtd.xml'))).not.toThrow();
  });
});

describe('repairXml', () => {
  it.each([
    ['a bare ampersand', '<t>A & B</t>', '<t>A &amp; B</t>'],
    ['an ampersand that looks like an entity without a semicolon', '<t>?a=1&b=2</t>', '<t>?a=1&amp;b=2</t>'],
    ['an undeclared HTML entity', '<t>a&nbsp;b &laquo;</t>', '<t>a&#160;b &#171;</t>'],
    ['an unknown entity', '<t>&bogus;</t>', '<t>&amp;bogus;</t>'],
    ['control characters', '<t>a\u0001b\u000bc</t>', '<t>a b c</t>'],
    ['nothing in valid XML', '<t>&amp; &#169; &#xA9; &lt;</t>', '<t>&amp; &#169; &#xA9; &lt;</t>'],
    ['nothing inside CDATA', '<t><![CDATA[a & b &nbsp;]]></t>', '<t><![CDATA[a & b &nbsp;]]></t>'],
  ])('repairs %s', (_name, xml, expected) => {
    expect(repairXml(xml)).toBe(expected);
  });
});

describe('closeTruncated', () => {
  it('cuts after the last complete item and closes the document', () => {
    const closed = closeTruncated(fixture('truncated.xml'), 'rss');

    expect(closed?.endsWith('<guid>c2</guid></item></channel></rss>')).toBe(true);
  });

  it('leaves a complete document alone and gives up without a complete item', () => {
    expect(closeTruncated('<rss><channel></channel></rss>', 'rss')).toBeUndefined();
    expect(closeTruncated('<rss><channel><item><title>x', 'rss')).toBeUndefined();
  });
});
