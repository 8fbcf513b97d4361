// Counts the mentions a filter matches, by status, for "25 of 312" and the overview's review state.
// The aggregates count per member, outlet and language but not per status or search text, so this
// reads the same index partitions as the list, projecting only the status and what a story needs,
// at most `maxQueries` pages of 1 MB (DynamoDB Query reads up to 1 MB per call), then it says the count
// is a lower bound rather than reading on.
import { QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { MentionStatus } from '../domain/mention.ts';
import { type OverviewStory, overviewStories, type StoryMention } from '../reports/story-ranking.ts';
import { type MentionFilter, partitionsFor, queryFor } from './mention-list.ts';
import type { TableContext } from './table-context.ts';

/** Mentions matching a filter: all of them, those the counts hold, and each status. */
export interface MentionCount {
  total: number;
  counted: number;
  byStatus: Record<MentionStatus, number>;
  exact: boolean;
  /** The stories most outlets carried among the mentions read. */
  topStories: OverviewStory[];
}

const maxQueries = 40;

/** Counts the mentions matching `filter`, by status. */
export async function countMentions(table: TableContext, filter: MentionFilter): Promise<MentionCount> {
  const byStatus: Record<MentionStatus, number> = { auto: 0, confirmed: 0, rejected: 0, manual: 0 };
  const stories: StoryMention[] = [];
  let queries = 0;
  let exact = true;
  for (const partition of partitionsFor(filter)) {
    let startKey: Record<string, unknown> | undefined;
    do {
      if (queries++ >= maxQueries) {
        exact = false;
        break;
      }
      const base = queryFor(table, filter, partition, 1, startKey).input;
      const page: QueryCommandOutput = await table.db.send(
        new QueryCommand({
          ...base,
          Limit: undefined,
          ProjectionExpression:
            '#countStatus, articleId, storyKey, outletId, outletName, title, published, outletExcluded',
          ExpressionAttributeNames: { ...base.ExpressionAttributeNames, '#countStatus': 'status' },
        }),
      );
      for (const item of page.Items ?? []) {
        const status = item.status as MentionStatus;
        if (status in byStatus) byStatus[status]++;
        stories.push(item as unknown as StoryMention);
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    if (!exact) break;
  }
  const total = byStatus.auto + byStatus.confirmed + byStatus.rejected + byStatus.manual;
  return { total, counted: total - byStatus.rejected, byStatus, exact, topStories: overviewStories(stories) };
}
