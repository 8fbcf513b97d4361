// Folding an article's hits into mentions keeps the strongest evidence the member's hits rest on.
import { describe, expect, it } from 'vitest';
import { defaultRosterPath, loadRoster } from '#shared/config/roster.ts';
import { mentionsFromHits } from '#shared/ingest/mentions-from-hits.ts';
import { compileMatcher } from '#shared/matching/index.ts';

const matcher = compileMatcher(loadRoster(defaultRosterPath));
const fold = (title: string, text: string) =>
  mentionsFromHits({ title: matcher.match(title), text: matcher.match(text) }).map((mention) => [
    mention.entityId,
    mention.evidence,
    mention.spans.length,
  ]);

describe('mentionsFromHits', () => {
  it('keeps the full name over an initial tied by a role term', () => {
    expect(
      fold(
        'S. Mammadov of the State Migration Service spoke',
        'Sahib Mammadov said the courses would go on.',
      ),
    ).toEqual([['sahib-mammadov', 'full-name', 2]]);
  });

  it('keeps the weaker evidence when it is all there is', () => {
    expect(fold('S. Mammadov of the State Migration Service spoke', 'No names here.')).toEqual([
      ['sahib-mammadov', 'initial-role', 1],
    ]);
    expect(fold('Allahverənov danışıb', '')).toEqual([['azer-allahveranov', 'surname', 1]]);
  });
});
