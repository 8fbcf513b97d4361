import { describe, expect, it } from 'vitest';
import { decodeBody } from '#shared/feeds/parse/charset-decoder.ts';
import { detectFormat } from '#shared/feeds/parse/format-detector.ts';

const cp1251 = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]); // "Привет"

describe('decodeBody', () => {
  it('keeps valid UTF-8 as UTF-8 whatever the header says', () => {
    expect(decodeBody(Buffer.from('Azər'), 'text/xml; charset=windows-1251')).toEqual({
      text: 'Azər',
      charset: 'utf-8',
    });
  });

  it('uses the header charset for bytes that are not UTF-8', () => {
    expect(decodeBody(cp1251, 'text/xml; charset=windows-1251').text).toBe('Привет');
  });

  it('uses the XML prolog when the header says nothing', () => {
    const body = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="windows-1251"?><t>'),
      cp1251,
      Buffer.from('</t>'),
    ]);
    expect(decodeBody(body, 'text/xml').text).toContain('Привет');
  });

  it('uses the HTML meta charset', () => {
    const body = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1251"></head><body>'),
      cp1251,
    ]);
    expect(decodeBody(body, 'text/html').text).toContain('Привет');
  });

  it('honours a UTF-16 byte order mark and strips a UTF-8 one', () => {
    expect(decodeBody(Buffer.from([0xff, 0xfe, 0x41, 0x00])).text).toBe('A');
    expect(decodeBody(Buffer.from([0xef, 0xbb, 0xbf, 0x41])).text).toBe('A');
  });
});

describe('detectFormat', () => {
  it.each([
    ['<?xml version="1.0"?><!-- c --><rss version="2.0">', 'rss'],
    ['<feed xmlns="http://www.w3.org/2005/Atom">', 'atom'],
    ['<rdf:RDF xmlns:rdf="x">', 'rdf'],
    ['{"version": "https://jsonfeed.org/version/1.1", "items": []}', 'json-feed'],
    ['<!DOCTYPE html><html><body>', 'html'],
    ['<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "x"><rss version="0.91">', 'rss'],
    ['{"hello": 1}', 'unknown'],
  ])('detects %s', (body, format) => {
    expect(detectFormat(body)).toBe(format);
  });
});
