import { describe, expect, it } from 'vitest';
import type { Mention } from '#shared/domain/mention.ts';
import { distinctiveWords, proposeCoverage } from '#shared/outreach/coverage-proposal.ts';

function mention(id: string, entityId: string, title: string, status: Mention['status'] = 'auto'): Mention {
  return {
    mentionId: `${id}~${entityId}`,
    articleId: id,
    entityId,
    entityKind: 'person',
    outletId: 'apa',
    outletName: 'APA',
    language: 'az',
    url: null,
    title,
    published: `2026-10-10T0${id.length}:00:00Z`,
    status,
    snippet: { text: title, highlights: [] },
    spans: [],
  };
}

const event = {
  title: 'İctimai Şuranın dəyirmi masası: miqrantların hüquqları',
  members: ['azer-allahveranov'],
  coverage: {},
  dismissed: {},
};

describe('distinctiveWords', () => {
  it('drops the council’s everyday words and keeps the event’s own', () => {
    // Act
    const words = distinctiveWords('İctimai Şuranın dəyirmi masası: miqrantların hüquqları');
    // Assert
    expect([...words]).toEqual(['deyirm', 'masasi', 'miqran', 'huquql']);
  });
});

describe('proposeCoverage', () => {
  it.each([
    ['a member of the event', mention('a', 'azer-allahveranov', 'Başqa xəbər'), ['member']],
    [
      'two shared title words',
      mention('bb', 'sahib-mammadov', 'Dəyirmi masada miqrantlar danışıldı'),
      ['title'],
    ],
    ['only one shared word', mention('ccc', 'sahib-mammadov', 'Miqrantlar haqqında'), null],
    ['only the council’s name', mention('dddd', 'sahib-mammadov', 'İctimai Şuranın iclası'), null],
    ['a rejected mention of the member', mention('e', 'azer-allahveranov', 'X', 'rejected'), null],
  ])('judges %s', (_case, candidate, reasons) => {
    // Act
    const proposals = proposeCoverage(event, [candidate]);
    // Assert
    expect(proposals.map((p) => p.reasons)).toEqual(reasons ? [reasons] : []);
  });

  it('never proposes a linked or removed mention again', () => {
    // Arrange
    const linked = mention('a', 'azer-allahveranov', 'A');
    const removed = mention('bb', 'azer-allahveranov', 'B');
    const decided = {
      ...event,
      coverage: {
        [linked.mentionId]: {
          outletId: 'apa',
          outletName: 'APA',
          title: 'A',
          published: '',
          confirmedBy: '',
          confirmedAt: '',
        },
      },
      dismissed: { [removed.mentionId]: true as const },
    };
    // Act
    const proposals = proposeCoverage(decided, [linked, removed]);
    // Assert
    expect(proposals).toEqual([]);
  });
});
