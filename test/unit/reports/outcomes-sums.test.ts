import { describe, expect, it } from 'vitest';
import type { OutreachEvent } from '#shared/domain/outreach-event.ts';
import { sumByType } from '#shared/reports/outcomes-report.ts';
import { reportWords } from '#shared/reports/outcomes-text.ts';

function event(type: OutreachEvent['type'], extra: Partial<OutreachEvent>): OutreachEvent {
  return {
    eventId: `${type}-${Math.random()}`,
    date: '2026-01-01',
    type,
    title: type,
    members: [],
    figures: [],
    links: [],
    coverage: {},
    dismissed: {},
    version: 1,
    createdAt: '',
    createdBy: '',
    updatedAt: '',
    updatedBy: '',
    ...extra,
  };
}

describe('sumByType', () => {
  it('groups by type in the report’s order and sums figures by label, whatever its case and spacing', () => {
    // Arrange
    const events = [
      event('aid-distribution', { beneficiaries: 500, figures: [{ label: 'families helped', value: 500 }] }),
      event('course', {
        beneficiaries: 100,
        participants: 4,
        figures: [{ label: 'refugees enrolled', value: 100 }],
      }),
      event('course', { beneficiaries: 57, figures: [{ label: ' Refugees enrolled ', value: 57 }] }),
    ];
    // Act
    const totals = sumByType(events);
    // Assert
    expect(totals).toEqual([
      {
        type: 'course',
        count: 2,
        participants: 4,
        beneficiaries: 157,
        coverage: 0,
        figures: [{ label: 'refugees enrolled', value: 157 }],
      },
      {
        type: 'aid-distribution',
        count: 1,
        participants: 0,
        beneficiaries: 500,
        coverage: 0,
        figures: [{ label: 'families helped', value: 500 }],
      },
    ]);
  });
});

describe('opening sentences', () => {
  const figures = {
    mentions: 214,
    outlets: 203,
    members: 5,
    events: 12,
    byType: [{ type: 'council-meeting' as const, count: 12 }],
    beneficiaries: 0,
    coverage: 0,
    facebookPosts: null,
  };

  it.each([
    [
      'en',
      'In the period, 214 materials referring to council members were published in 203 press agencies; 5 members were written about.',
    ],
    [
      'az',
      'Dövr ərzində Şura üzvlərinə istinad edən 214 material 203 mətbuat orqanında dərc olunub; 5 üzv haqqında yazılıb.',
    ],
    [
      'ru',
      'За отчётный период опубликовано материалов со ссылкой на членов совета: 214, в СМИ: 203; упомянуто членов совета: 5.',
    ],
  ] as const)('writes the figures in %s and leaves out what is zero or not configured', (lang, first) => {
    // Act
    const sentences = reportWords[lang].sentences(figures);
    // Assert
    expect(sentences[0]).toBe(first);
    expect(sentences).toHaveLength(2);
    expect(sentences[1]).toContain('12');
  });
});
