// The single table's shape: one definition read by the CDK storage stack and by the local stack,
// so the cloud and DynamoDB Local can never disagree about keys or indexes.

/** A key attribute of the table or of an index. */
export interface KeyAttribute {
  name: string;
  type: 'S' | 'N';
}

/** A global secondary index, projected in full. */
export interface IndexDefinition {
  indexName: string;
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
}

/** Everything about the table except its name, which comes from the environment. */
export interface TableDefinition {
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  globalSecondaryIndexes: readonly IndexDefinition[];
  timeToLiveAttribute: string;
}

const stringKey = (name: string): KeyAttribute => ({ name, type: 'S' });

/**
 * The tracker's table. Key values are built only in shared/store/keys.ts; the mention indexes sort
 * by `<published>#<articleId>#<entityId>`, so reading backwards lists newest first.
 * - GSI1: mentions by member (`MEM#<entityId>`).
 * - GSI2: mentions by Baku month (`MON#<yyyy-mm>`).
 * - GSI3: mentions by outlet (`OUT#<outletId>`).
 */
export const trackerTable: TableDefinition = {
  partitionKey: stringKey('PK'),
  sortKey: stringKey('SK'),
  globalSecondaryIndexes: [
    { indexName: 'GSI1', partitionKey: stringKey('GSI1PK'), sortKey: stringKey('GSI1SK') },
    { indexName: 'GSI2', partitionKey: stringKey('GSI2PK'), sortKey: stringKey('GSI2SK') },
    { indexName: 'GSI3', partitionKey: stringKey('GSI3PK'), sortKey: stringKey('GSI3SK') },
  ],
  timeToLiveAttribute: 'expiresAt',
};

/** The table name used locally when none is configured. */
export const localTableName = 'council-press-tracker';
