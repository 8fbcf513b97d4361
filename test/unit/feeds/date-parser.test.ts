import { describe, expect, it } from 'vitest';
import {
  assessDate,
  findDateInText,
  parseDateAttribute,
  parseDateText,
} from '#shared/feeds/parse/date-parser.ts';

describe('parseDateText', () => {
  it.each([
    ['RFC 822 with a numeric offset', 'Tue, 05 Mar 2024 14:30:00 +0400', '2024-03-05T10:30:00.000Z'],
    ['RFC 822 with a named zone', 'Tue, 05 Mar 2024 14:30:00 GMT', '2024-03-05T14:30:00.000Z'],
    [
      'RFC 822 with an Azerbaijani day name',
      'Çərşənbə axşamı, 05 Mar 2024 14:30:00 +0400',
      '2024-03-05T10:30:00.000Z',
    ],
    ['RFC 822 with Russian day and month', 'Вт, 05 мар 2024 14:30:00 +0300', '2024-03-05T11:30:00.000Z'],
    ['ISO 8601 with offset', '2024-03-05T14:30:00+04:00', '2024-03-05T10:30:00.000Z'],
    ['ISO 8601 without offset, read in Asia/Baku', '2024-03-05T14:30:00', '2024-03-05T10:30:00.000Z'],
    ['dd.mm.yyyy HH:MM', '05.03.2024 14:30', '2024-03-05T10:30:00.000Z'],
    ['Azerbaijani month name', '5 Mart 2024 | 14:30', '2024-03-05T10:30:00.000Z'],
    ['Russian genitive month name', '5 марта 2024, 10:15', '2024-03-05T06:15:00.000Z'],
    ['Azerbaijani İyun', '12 iyun 2024 09:00', '2024-06-12T05:00:00.000Z'],
  ])('parses %s', (_name, text, expected) => {
    // Act
    const date = parseDateText(text, 'Asia/Baku');

    // Assert
    expect(date?.toISOString()).toBe(expected);
  });

  it.each([['0000-00-00 00:00:00'], ['31.02.2024'], ['garbage'], ['5 Foo 2024'], ['a'.repeat(500)]])(
    'rejects %s',
    (text) => {
      expect(parseDateText(text, 'Asia/Baku')).toBeUndefined();
    },
  );

  it('reads offset-less times in the source zone, not the host zone', () => {
    expect(parseDateText('2024-07-01T12:00:00', 'Europe/Berlin')?.toISOString()).toBe(
      '2024-07-01T10:00:00.000Z',
    );
    expect(parseDateText('2024-07-01T12:00:00', 'UTC')?.toISOString()).toBe('2024-07-01T12:00:00.000Z');
  });
});

// Every month as Azerbaijani and Russian outlets write it, as written and in capitals; İyun and
// İyul also with a plain I, as typed on a keyboard without İ.
const azMonths = [
  'Yanvar',
  'Fevral',
  'Mart',
  'Aprel',
  'May',
  'İyun',
  'İyul',
  'Avqust',
  'Sentyabr',
  'Oktyabr',
  'Noyabr',
  'Dekabr',
];
const ruMonths = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const spellings = (name: string) => [
  ...new Set([
    name,
    name.toLocaleUpperCase('tr'),
    name.replace('İ', 'I'),
    name.replace('İ', 'I').toUpperCase(),
  ]),
];
const mm = (index: number) => String(index + 1).padStart(2, '0');
const monthCases: [string, string][] = [
  ...azMonths.flatMap((name, i) =>
    spellings(name).map((s): [string, string] => [`5 ${s} 2024 | 14:30`, `2024-${mm(i)}-05T10:30:00.000Z`]),
  ),
  ...ruMonths.flatMap((name, i) =>
    [name, name[0]?.toUpperCase() + name.slice(1), name.toUpperCase()].map((s): [string, string] => [
      `5 ${s} 2024, 10:15`,
      `2024-${mm(i)}-05T06:15:00.000Z`,
    ]),
  ),
];

describe('parseDateText with Azerbaijani and Russian month names', () => {
  it.each(monthCases)('parses %s', (text, expected) => {
    // Act
    const date = parseDateText(text, 'Asia/Baku');

    // Assert
    expect(date?.toISOString()).toBe(expected);
  });

  it('parses a capitalised month without a time as midnight in the source zone', () => {
    expect(parseDateText('5 IYUN 2024', 'Asia/Baku')?.toISOString()).toBe('2024-06-04T20:00:00.000Z');
  });
});

describe('parseDateAttribute', () => {
  it.each([
    ['Unix seconds', '1709634600'],
    ['Unix milliseconds', '1709634600000'],
    ['ISO', '2024-03-05T10:30:00Z'],
  ])('parses %s', (_name, value) => {
    expect(parseDateAttribute(value)?.toISOString()).toBe('2024-03-05T10:30:00.000Z');
  });
});

describe('findDateInText', () => {
  it('finds a date inside a longer text', () => {
    expect(findDateInText('Yenilənib: 5 Mart 2024 | 14:30 Baxış: 120', 'Asia/Baku')?.toISOString()).toBe(
      '2024-03-05T10:30:00.000Z',
    );
  });
});

describe('assessDate', () => {
  const now = new Date('2024-03-06T00:00:00Z');

  it.each([
    ['missing', undefined, undefined, { published: null, dateFlag: 'missing' }],
    ['unreadable', 'soon', undefined, { published: null, dateFlag: 'impossible' }],
    [
      'the epoch placeholder',
      '1970-01-01T00:00:00Z',
      new Date(0),
      { published: null, dateFlag: 'impossible' },
    ],
    [
      'more than a day ahead',
      '2024-03-08',
      new Date('2024-03-08T00:00:00Z'),
      { published: null, dateFlag: 'impossible' },
    ],
    ['usable', '2024-03-05', new Date('2024-03-05T00:00:00Z'), { published: '2024-03-05T00:00:00.000Z' }],
  ])('judges %s dates', (_name, raw, parsed, expected) => {
    expect(assessDate(raw, parsed, now)).toEqual(expected);
  });
});
