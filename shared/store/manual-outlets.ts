// Outlets typed by hand: their name as first typed and the media they were entered under, so every
// table, the CSV and the digest can name them and the form can offer them again.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ManualMedium } from '../domain/mention.ts';
import { manualOutletKey, manualOutletPartition } from './keys.ts';
import { queryAll } from './query-all.ts';
import type { TableContext } from './table-context.ts';

/** An outlet PR staff typed by hand. */
export interface ManualOutlet {
  id: string;
  name: string;
  media: ManualMedium[];
  firstEnteredAt: string;
  lastEnteredAt: string;
}

/** Records (or refreshes) a manual outlet; the first spelling stays its name. */
export async function rememberManualOutlet(
  table: TableContext,
  outlet: { id: string; name: string; medium: ManualMedium; at: string },
): Promise<void> {
  await table.db.send(
    new UpdateCommand({
      TableName: table.tableName,
      Key: manualOutletKey(outlet.id),
      UpdateExpression:
        'SET #name = if_not_exists(#name, :name), firstEnteredAt = if_not_exists(firstEnteredAt, :at), ' +
        'lastEnteredAt = :at ADD media :media',
      ExpressionAttributeNames: { '#name': 'name' },
      ExpressionAttributeValues: {
        ':name': outlet.name,
        ':at': outlet.at,
        ':media': new Set([outlet.medium]),
      },
    }),
  );
}

/** Every manual outlet, in one Query of their partition. */
export async function listManualOutlets(table: TableContext): Promise<ManualOutlet[]> {
  const items = await queryAll(table, {
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': manualOutletPartition },
  });
  return items.map((item) => ({
    id: String(item.SK).slice('OUTLET#'.length),
    name: String(item.name),
    media: [...((item.media as Set<ManualMedium> | undefined) ?? [])].sort(),
    firstEnteredAt: String(item.firstEnteredAt),
    lastEnteredAt: String(item.lastEnteredAt),
  }));
}
