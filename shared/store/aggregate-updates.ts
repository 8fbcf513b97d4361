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

/** Update items (for TransactWriteItems) adding `sign` × the given mentions to their aggregates. */
export function aggregateUpdates(tableName: string, mentions: CountedMention[], sign: 1 | -1) {
  const byAggregate = new Map<string, { key: { PK: string; SK: string }; counters: Map<string, number> }>();
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
  return [...byAggregate.values()].map(({ key, counters }) => {
    const names: Record<string, string> = {};
    const values: Record<string, number> = {};
    const clauses = [...counters].map(([name, delta], index) => {
      names[`#c${index}`] = name;
      values[`:v${index}`] = delta;
      return `#c${index} :v${index}`;
    });
    return {
      Update: {
        TableName: tableName,
        Key: key,
        UpdateExpression: `ADD ${clauses.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  });
}
