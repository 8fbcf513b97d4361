// Shared setup of the Facebook tests: the demo page for a fixed day, the stand-in serving it, and
// sync dependencies over a fresh DynamoDB Local table.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { loadRoster } from '#shared/config/roster.ts';
import type { FacebookSyncDeps } from '#shared/facebook/sync-facebook-page.ts';
import { compileMatcher } from '#shared/matching/index.ts';
import type { TableContext } from '#shared/store/table-context.ts';
import { type GraphSimulatorOptions, startGraphSimulator } from '../../infra/local/graph-api-simulator.ts';
import { demoPage } from '../../infra/local/graph-demo-data.ts';

/** The fixed "now" of the tests: 30 November 2026, 14:00 in Baku. */
export const fixedNow = new Date('2026-11-30T10:00:00Z');

/** The roster the demo page names. */
export const roster = loadRoster('config/roster.json');

/** Starts the stand-in with the 120-day demo page ending on the fixed day. */
export function startPageSimulator(options: Partial<GraphSimulatorOptions> = {}) {
  return startGraphSimulator({ page: demoPage(roster, '2026-11-30'), ...options });
}

/** Sync dependencies pointed at the stand-in; `token` is read at every run, like the secret. */
export function syncDeps(
  table: TableContext,
  simulator: { url: string; pageId: string },
  overrides: Partial<FacebookSyncDeps> & { tokenValue?: () => string } = {},
): FacebookSyncDeps {
  const { tokenValue, ...rest } = overrides;
  return {
    table,
    settings: { pageId: simulator.pageId, graphUrl: simulator.url, version: 'v26.0' },
    token: async () => tokenValue?.() ?? 'demo-page-token',
    matcher: compileMatcher(roster),
    now: () => fixedNow,
    retry: { retryBaseMs: 5, retryDeadlineMs: 2000 },
    ...rest,
  };
}

/** Every item of the page's partition whose sort key starts with `prefix`. */
export async function partitionItems(table: TableContext, pageId: string, prefix: string) {
  const items: Array<Record<string, unknown>> = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const output = await table.db.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': `FB#${pageId}`, ':prefix': prefix },
        ExclusiveStartKey: cursor,
      }),
    );
    items.push(...(output.Items ?? []));
    cursor = output.LastEvaluatedKey;
  } while (cursor);
  return items;
}
