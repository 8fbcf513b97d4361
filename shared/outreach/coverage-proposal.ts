// Which mentions an outreach event may have produced: those published from the event's day to three
// days after it that name one of its members or share at least two distinctive words of its title.
// Pure logic; the store reads the candidates (event-coverage.ts).
import type { Mention } from '../domain/mention.ts';
import type { OutreachEvent } from '../domain/outreach-event.ts';
import { storyTokens } from '../feeds/items/story-key.ts';

/** Days after the event's own day whose mentions may be its coverage. */
export const coverageWindowDays = 3;

/**
 * Title words of the council's everyday vocabulary (stemmed as storyTokens stems): they tell no event
 * apart. A token counts as one of them when it starts with one, so inflections ("Şuranın") match too.
 */
const everydayWords = [
  'council',
  'public',
  'migration',
  'service',
  'state',
  'ictimai',
  'şura',
  'dövlət',
  'miqrasiya',
  'xidməti',
  'общественный',
  'совет',
  'государственной',
  'миграционной',
  'службы',
  'held',
  'keçirilib',
  'состоялся',
];
// Stemmed on first use: stemming compiles Unicode regular expressions, which every cold start of the
// API would otherwise pay for.
let everydayStems: Set<string> | undefined;
const everyday = (): Set<string> =>
  (everydayStems ??= new Set(everydayWords.flatMap((word) => storyTokens(word))));

/** The distinctive words of a title: stemmed, without stop words and the council's everyday vocabulary. */
export function distinctiveWords(title: string): Set<string> {
  return new Set(
    storyTokens(title).filter(
      (token) => token.length >= 4 && ![...everyday()].some((stem) => token.startsWith(stem)),
    ),
  );
}

/** Why a mention is proposed as an event's coverage. */
export type ProposalReason = 'member' | 'title';

/** One proposed link. */
export interface CoverageProposal {
  mention: Mention;
  reasons: ProposalReason[];
}

/** Picks the proposals among the window's mentions: not rejected, not already linked or removed. */
export function proposeCoverage(
  event: Pick<OutreachEvent, 'members' | 'title' | 'coverage' | 'dismissed'>,
  mentions: Mention[],
): CoverageProposal[] {
  const words = distinctiveWords(event.title);
  const needed = Math.min(2, words.size);
  const members = new Set(event.members);
  const proposals: CoverageProposal[] = [];
  for (const mention of mentions) {
    if (
      mention.status === 'rejected' ||
      event.coverage[mention.mentionId] ||
      event.dismissed[mention.mentionId]
    ) {
      continue;
    }
    const reasons: ProposalReason[] = [];
    if (members.has(mention.entityId)) reasons.push('member');
    const shared = [...distinctiveWords(mention.title)].filter((word) => words.has(word)).length;
    if (needed > 0 && shared >= needed) reasons.push('title');
    if (reasons.length > 0) proposals.push({ mention, reasons });
  }
  return proposals.sort((a, b) => a.mention.published.localeCompare(b.mention.published));
}
