// Builds the counter updates that keep the day, ISO-week and month aggregates in step with mention writes.
// They run inside the same transaction as the mention change, so a retry never counts twice.
import { aggregateKeysFor, counterName } from './keys.ts';

/** What one counted mention adds to the aggregates. */
export interface CountedMention {
  entityId: string;
  entityKind: 'person' | 'organisation';
  outletId: string;
  language: string;
  published: string;
}

/** The counters of one aggregate item and what each changes by. */
export interface AggregateDelta {
  key: { PK: string; SK: string };
  counters: Map<string, number>;
}

/** What `sign` × the given mentions add to each aggregate they count in, keyed by the aggregate's PK. */
export function aggregateDeltas(mentions: CountedMention[], sign: 1 | -1): Map<string, AggregateDelta> {
  const byAggregate = new Map<string, AggregateDelta>();
  for (const mention of mentions) {
    for (const key of aggregateKeysFor(mention.published)) {
      const entry = byAggregate.get(key.PK) ?? { key, counters: new Map<string, number>() };
      byAggregate.set(key.PK, entry);
      const { counters } = entry;
      for (const name of [
        counterName.total,
        counterName.entity(mention.entityKind, mention.entityId),
        counterName.outlet(mention.outletId),
        counterName.language(mention.language),
      ]) {
        counters.set(name, (counters.get(name) ?? 0) + sign);
      }
    }
  }
  return byAggregate;
}

/** The Update action that adds `counters` to the aggregate item at `key`. */
export function counterUpdate(
  tableName: string,
  key: { PK: string; SK: string },
  counters: Iterable<[string, number]>,
) {
  const names: Record<string, string> = {};
  const values: Record<string, number> = {};
  const clauses = [...counters].map(([name, delta], index) => {
    names[`#c${index}`] = name;
    values[`:v${index}`] = delta;
    return `#c${index} :v${index}`;
  });
  return {
    TableName: tableName,
    Key: key,
    UpdateExpression: `ADD ${clauses.join(', ')}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/** Update items (for TransactWriteItems) adding `sign` × the given mentions to their aggregates. */
export function aggregateUpdates(tableName: string, mentions: CountedMention[], sign: 1 | -1) {
  return [...aggregateDeltas(mentions, sign).values()].map(({ key, counters }) => ({
    Update: counterUpdate(tableName, key, counters),
  }));
}
