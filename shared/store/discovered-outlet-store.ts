// Outlets first seen through search: one item per registrable domain, created on first sight and
// updated on every later one (name, last seen, mentions stored).
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DiscoveredOutlet } from '../domain/discovered-outlet.ts';
import { discoveredOutletKey, discoveredOutletPartition } from './keys.ts';
import { queryAll } from './query-all.ts';
import type { TableContext } from './table-context.ts';

const strip = ({ PK, SK, type, ...outlet }: Record<string, unknown>): DiscoveredOutlet =>
  ({ notPress: false, mentions: 0, ...outlet }) as unknown as DiscoveredOutlet;

/** Records a sighting of a discovered outlet and the mentions stored for it; returns the outlet. */
export async function touchDiscoveredOutlet(
  table: TableContext,
  sighting: { domain: string; name: string; seenAt: string; mentions: number },
): Promise<DiscoveredOutlet> {
  const { Attributes } = await table.db.send(
    new UpdateCommand({
      TableName: table.tableName,
      Key: discoveredOutletKey(sighting.domain),
      UpdateExpression:
        'SET #type = :type, #domain = :domain, #name = :name, firstSeenAt = if_not_exists(firstSeenAt, :at), ' +
        'lastSeenAt = :at, notPress = if_not_exists(notPress, :false) ADD mentions :n',
      ExpressionAttributeNames: { '#type': 'type', '#domain': 'domain', '#name': 'name' },
      ExpressionAttributeValues: {
        ':type': 'discovered-outlet',
        ':domain': sighting.domain,
        ':name': sighting.name,
        ':at': sighting.seenAt,
        ':false': false,
        ':n': sighting.mentions,
      },
      ReturnValues: 'ALL_NEW',
    }),
  );
  return strip(Attributes ?? {});
}

/** Reads one discovered outlet, or undefined. */
export async function getDiscoveredOutlet(
  table: TableContext,
  domain: string,
): Promise<DiscoveredOutlet | undefined> {
  const { Item } = await table.db.send(
    new GetCommand({ TableName: table.tableName, Key: discoveredOutletKey(domain), ConsistentRead: true }),
  );
  return Item ? strip(Item) : undefined;
}

/** Every discovered outlet. */
export async function listDiscoveredOutlets(table: TableContext): Promise<DiscoveredOutlet[]> {
  const items = await queryAll(table, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': discoveredOutletPartition, ':prefix': 'OUTLET#' },
  });
  return items.map(strip);
}
